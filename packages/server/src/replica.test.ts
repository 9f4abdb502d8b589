import {
  type Database,
  createLogger,
  loadDemo,
  openDatabase,
  openPostgres,
  releasePeriod,
  systemCtx,
  withReplica,
} from '@baocao/core';
import { type TestDatabase, createTestDatabase } from '@baocao/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';

let primary: TestDatabase;
let standIn: TestDatabase;

// A read replica for public reads (PostgreSQL). The real one is the synchronous standby of the
// cluster (deploy/local-cluster, where the failover test also reads its own writes through it);
// here a second database stands in for it, so which one answered can be seen.
describe.skipIf(!process.env.BAOCAO_TEST_PG)('a read replica', () => {
  beforeAll(async () => {
    [primary, standIn] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await loadDemo(systemCtx(primary));
    await loadDemo(systemCtx(standIn));
    // What only the primary has: a released month.
    await releasePeriod(systemCtx(primary), { period: '2024M09', force: true, reason: 'thử bản sao' });
  }, 180_000);
  afterAll(async () => {
    await primary.close();
    await standIn.close();
  });

  const releases = async (db: Database) => {
    const app = await buildApp({
      db,
      log: createLogger({ level: 'silent' }),
      apiToken: 'replica-token-0123456',
      webRoot: null,
    });
    try {
      const r = await app.inject({ method: 'GET', url: '/api/releases' });
      expect(r.statusCode).toBe(200);
      return r.json().map((x: { period: string }) => x.period);
    } finally {
      await app.close();
    }
  };

  it('is refused unless the primary acknowledges commits only once the standby applied them', async () => {
    await expect(withReplica(primary, standIn.url!)).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    await sql`select 1`.execute(primary.k);
    const name = new URL(primary.url!).pathname.slice(1);
    await sql.raw(`alter database ${name} set synchronous_commit = remote_apply`).execute(primary.k);
    // Settings of a database reach new connections: a fresh pool sees it.
    const fresh = await openDatabase({ url: primary.url! });
    const withIt = await withReplica(fresh, standIn.url!);
    expect(withIt.replica).toBeDefined();
    await withIt.close();
  });

  it('answers public reads from the replica, everything else from the primary, and falls back when it is gone', async () => {
    const both: Database = { ...primary, replica: standIn };
    expect(await releases(both)).not.toContain('2024M09');
    expect(await releases(primary)).toContain('2024M09');
    const gone = await openPostgres('postgres://postgres@127.0.0.1:1/baocao');
    try {
      expect(await releases({ ...primary, replica: gone })).toContain('2024M09');
    } finally {
      await gone.close();
    }
  });
});
