import { type Server, type Socket, connect, createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '../testing.ts';
import { type Database, isStoreUnavailable, openDatabase, openPostgres } from './database.ts';

let db: TestDatabase;
let proxy: Server;
let viaProxy: Database;
const sockets = new Set<Socket>();

// On PostgreSQL a connection can be cut while a query runs on it: the primary dies and HAProxy
// ends its sessions. The query fails, the process lives on, the next query gets a new connection.
// A TCP relay in front of the server plays HAProxy here and cuts every connection at once.
describe.skipIf(!process.env.BAOCAO_TEST_PG)('a PostgreSQL connection cut in the middle of a query', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url!);
    proxy = createServer((client) => {
      const server = connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, server]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(server).pipe(client);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const address = proxy.address();
    const url = new URL(db.url!);
    url.host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    viaProxy = await openDatabase({ url: url.toString() });
  });
  afterAll(async () => {
    await viaProxy.close();
    proxy.close();
    await db.close();
  });

  it('fails that query only; the pool carries on', async () => {
    // Its outcome is kept as it comes, so a failure is never an unhandled rejection.
    const long = sql`select pg_sleep(20)`.execute(viaProxy.k).then(
      () => 'finished',
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(sockets.size).toBeGreaterThan(0);
    for (const s of sockets) s.destroy();
    expect(String(await long)).toMatch(/terminated|ECONNRESET|closed/i);
    const again = await sql<{ one: number }>`select 1 as one`.execute(viaProxy.k);
    expect(again.rows).toEqual([{ one: 1 }]);
  });
});

describe('isStoreUnavailable', () => {
  it('tells a store out of reach from a wrong request', async () => {
    const refused = await openPostgres('postgres://postgres@127.0.0.1:1/baocao');
    const err = await sql`select 1`.execute(refused.k).then(
      () => null,
      (e: unknown) => e,
    );
    await refused.close();
    expect(isStoreUnavailable(err)).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('read-only'), { code: '25006' }))).toBe(true);
    expect(
      isStoreUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('value too long'), { code: '22001' }))).toBe(false);
    expect(isStoreUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isStoreUnavailable('ECONNREFUSED')).toBe(false);
  });
});
