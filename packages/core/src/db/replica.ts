import { BaocaoError } from '../errors.ts';
import { type Database, openPostgres } from './database.ts';
import { synchronousCommit } from './store.queries.ts';

/**
 * Adds a read replica to a PostgreSQL store, for the read-only traffic of public pages,
 * dashboards, SDMX and open data. A reader must never see a figure older than their own last
 * write, so the replica is used only when the primary acknowledges a commit after the synchronous
 * standby has applied it (`synchronous_commit = remote_apply`) — and the replica URL must lead to
 * that synchronous standby (HAProxy checking Patroni's `/synchronous`). Otherwise it is refused.
 */
export async function withReplica(
  primary: Database,
  replicaUrl: string,
  poolMax?: number,
): Promise<Database> {
  const setting = await synchronousCommit(primary.k);
  if (setting !== 'remote_apply')
    throw new BaocaoError(
      'INVALID_CONFIG',
      `DATABASE_REPLICA_URL cần synchronous_commit = remote_apply trên máy chủ chính (đang là "${setting}"): nếu không, người đọc có thể thấy số liệu cũ hơn lần ghi của chính họ`,
      `DATABASE_REPLICA_URL needs synchronous_commit = remote_apply on the primary (it is "${setting}"): otherwise a reader could see figures older than their own last write`,
    );
  const replica = await openPostgres(replicaUrl, poolMax);
  return {
    ...primary,
    replica,
    close: async () => {
      await replica.close();
      await primary.close();
    },
  };
}
