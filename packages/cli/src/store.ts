import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Config,
  type Ctx,
  type Database,
  createLogger,
  loadConfig,
  openDatabase,
  systemCtx,
  withReplica,
} from '@baocao/core';

/** Where the store is: DATABASE_URL (PostgreSQL) wins, else a PGlite folder (`--data`, BAOCAO_DATA, ./data). */
export function storeLocation(
  dataFlag?: string,
  config: Config = loadConfig(),
): { url?: string; dataDir?: string; label: string } {
  const url = config.DATABASE_URL;
  if (url) return { url, label: `PostgreSQL ${new URL(url).host}${new URL(url).pathname}` };
  const dataDir = resolve(dataFlag ?? config.BAOCAO_DATA ?? './data');
  return { dataDir, label: `PGlite ${dataDir}` };
}

/** Opens (and migrates) the store; the CLI acts as the system administrator. */
export async function openStore(dataFlag?: string): Promise<{ db: Database; ctx: Ctx; label: string }> {
  const config = loadConfig();
  const loc = storeLocation(dataFlag, config);
  if (loc.dataDir) mkdirSync(loc.dataDir, { recursive: true, mode: 0o700 });
  const primary = await openDatabase({
    ...loc,
    ...(config.DB_POOL_MAX ? { poolMax: config.DB_POOL_MAX } : {}),
  });
  const db =
    loc.url && config.DATABASE_REPLICA_URL
      ? await withReplica(primary, config.DATABASE_REPLICA_URL, config.DB_POOL_MAX).catch(
          async (e: unknown) => {
            await primary.close();
            throw e;
          },
        )
      : primary;
  return {
    db,
    ctx: systemCtx(db, createLogger({ level: config.LOG_LEVEL ?? 'warn' })),
    label: loc.label,
  };
}
