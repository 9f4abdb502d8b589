// A seeded fuzz of every write and import endpoint: valid-looking bodies mutated at random (wrong
// types, missing and extra fields, huge and hostile strings, malformed JSON and files). Whatever
// arrives, the server answers in our error shape without a 5xx, stays up, and a refused request
// changes nothing in any table.
import { gzipSync } from 'node:zlib';
import {
  type Database,
  createDemoUsers,
  createLogger,
  loadDemo,
  openReportingPeriod,
  systemCtx,
} from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, buildApp } from './app.ts';
import type { App } from './route.ts';

import { PERIOD, SEEDS, rng } from './fuzz-seeds.ts';

// 40 mutated bodies per endpoint (about 1,900 requests, a few minutes per engine) keep the suite
// within CI's time; a longer hunt: FUZZ_BODIES=500 FUZZ_SEED=… npx vitest run fuzz.test.ts.
const PER_ENDPOINT = Number(process.env.FUZZ_BODIES ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const auth = { authorization: 'Bearer fuzz-token-0123456789' };
let db: Database;
let app: App;

const NASTY = [
  '',
  ' ',
  '=HYPERLINK("http://x")',
  '\u0000',
  '💥'.repeat(50),
  'x'.repeat(70_000),
  '1e400',
  '-0',
  '123456789012345678901234567890',
  '2024M13',
  '2024M01-M99',
  '../../etc/passwd',
  "'; drop table data_value; --",
  '__proto__',
  'NaN',
  'Chính thức',
  'P01',
  'VT.DOANH_THU',
];

function mutate(r: () => number, v: unknown, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const leaf = (): unknown =>
    pick<() => unknown>([
      () => pick(NASTY),
      () => Math.floor(r() * 2e6) - 1e6,
      () => r() * 1e16,
      () => -r(),
      () => null,
      () => r() < 0.5,
      () => [],
      () => ({}),
      () => [pick(NASTY), r()],
      () => Number.MAX_SAFE_INTEGER,
    ])();
  if (depth > 4 || r() < 0.15) return leaf();
  if (Array.isArray(v)) {
    const out = v.map((x) => (r() < 0.5 ? mutate(r, x, depth + 1) : x));
    if (r() < 0.2) out.push(mutate(r, v[0], depth + 1));
    if (r() < 0.05) return Array.from({ length: 2000 }, () => out[0]);
    return out;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const k of Object.keys(out)) {
      const roll = r();
      if (roll < 0.15) delete out[k];
      else if (roll < 0.6) out[k] = mutate(r, out[k], depth + 1);
    }
    if (r() < 0.15) out[pick(['extra', '__proto__', 'constructor', 'value', 'status'])] = leaf();
    return out;
  }
  return r() < 0.7 ? leaf() : v;
}

function mutateFile(r: () => number, text: string): Buffer {
  const b = Buffer.from(text);
  const roll = r();
  if (roll < 0.15) return Buffer.alloc(Math.floor(r() * 3000), Math.floor(r() * 256));
  if (roll < 0.3) return gzipSync(b).subarray(0, Math.floor(r() * 40));
  if (roll < 0.4) return Buffer.concat([Buffer.from('PK\x03\x04'), b]);
  if (roll < 0.55) return b.subarray(0, Math.floor(r() * b.length));
  if (roll < 0.75) {
    const lines = text.trimEnd().split('\n');
    const cells = lines[1]!
      .split(',')
      .map((c) => (r() < 0.4 ? String(mutate(r, c)).replace(/[\n,]/g, ' ') : c));
    return Buffer.from(`${lines[0]}\n${cells.join(',')}\n`.repeat(1 + Math.floor(r() * 3)));
  }
  const out = Buffer.from(b);
  for (let i = 0; i < 1 + r() * 8; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  return out;
}

/**
 * What "nothing written" is checked against, cheaply enough to ask after every request: a counter
 * that a row trigger on every table bumps. The trigger runs inside the writer's transaction, so a
 * refused request's rolled-back writes roll the counter back too, and only committed rows count.
 * The rollups are seen as readers see them (`rollup_now`, hashed): the background compaction moves
 * pending changes between its two tables without changing any figure.
 */
async function watchWrites(): Promise<void> {
  await sql`create table fuzz_writes (n bigint not null)`.execute(db.k);
  await sql`insert into fuzz_writes values (0)`.execute(db.k);
  await sql`create function fuzz_count() returns trigger language plpgsql as $$
    begin update fuzz_writes set n = n + 1; return null; end $$`.execute(db.k);
  const tables = await sql<{ t: string }>`
    select relname::text as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and relname not in ('rollup', 'rollup_delta', 'fuzz_writes')`.execute(db.k);
  for (const { t } of tables.rows) {
    await sql`create trigger fuzz_rows after insert or update or delete on ${sql.table(t)}
      for each row execute function fuzz_count()`.execute(db.k);
    await sql`create trigger fuzz_truncate after truncate on ${sql.table(t)}
      for each statement execute function fuzz_count()`.execute(db.k);
  }
}

async function fingerprint(): Promise<string> {
  const r = await sql<{ f: string }>`select (select n from fuzz_writes)::text || ',' ||
    (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from rollup_now t) as f`.execute(
    db.k,
  );
  return r.rows[0]!.f;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await loadDemo(sys);
  await createDemoUsers(sys, 'mat-khau-fuzz');
  await openReportingPeriod(sys, { period: PERIOD });
  await watchWrites();
  app = await buildApp({
    db,
    log: createLogger({ level: process.env.FUZZ_LOG ?? 'silent' }),
    apiToken: auth.authorization.slice(7),
    webRoot: null,
  });
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('fuzzing every write and import endpoint', () => {
  it('seeds every write route', () => {
    const writes = ROUTES.filter((x) => x.meta.method !== 'GET').map((x) => `${x.meta.method} ${x.meta.url}`);
    // Sign-in is fuzzed apart: a refused sign-in is meant to write (the throttle counts it).
    expect(writes.filter((w) => w !== 'POST /api/auth/login').sort()).toEqual(Object.keys(SEEDS).sort());
  });

  it('the write watch sees a committed write and not a rolled-back one', async () => {
    const touch = sql`update indicator set name_vi = name_vi where code = (select min(code) from indicator)`;
    const start = await fingerprint();
    await db.k
      .transaction()
      .execute(async (tx) => {
        await touch.execute(tx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await fingerprint()).toBe(start);
    await touch.execute(db.k);
    expect(await fingerprint()).not.toBe(start);
  });

  it(`${PER_ENDPOINT} mutated bodies per endpoint: no 5xx, our error shape, nothing written when refused`, async () => {
    const r = rng(SEED);
    let before = await fingerprint();
    const tally = { requests: 0, refused: 0, accepted: 0 };
    for (const [route, seed] of Object.entries(SEEDS)) {
      const [method, path] = route.split(' ') as ['POST' | 'PUT' | 'DELETE', string];
      for (let i = 0; i < PER_ENDPOINT; i++) {
        const url = path.replace(':id', String(Math.floor(r() * 60) - 5)).replace(':version', '40');
        const query = seed.query && r() < 0.85 ? seed.query : String(mutate(r, 'filename=x.csv'));
        const req =
          seed.raw !== undefined
            ? {
                headers: { ...auth, 'content-type': 'application/octet-stream' },
                payload: mutateFile(r, seed.raw),
              }
            : r() < 0.1
              ? {
                  headers: { ...auth, 'content-type': 'application/json' },
                  payload: JSON.stringify(seed.body ?? {}).slice(0, Math.floor(r() * 40)),
                }
              : {
                  headers: { ...auth, 'content-type': 'application/json' },
                  payload: JSON.stringify(mutate(r, seed.body ?? {})) ?? 'null',
                };
        const res = await app.inject({ method, url: `${url}?${encodeURI(query)}`, ...req });
        tally.requests++;
        const what = `${route} #${i} (seed ${SEED}): ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode >= 400) {
          tally.refused++;
          expect(res.json(), what).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
            messageEn: expect.any(String),
          });
          expect(await fingerprint(), `${what} wrote something`).toBe(before);
        } else {
          tally.accepted++;
          before = await fingerprint();
        }
      }
    }
    const login = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(mutate(r, { username: 'admin', password: 'x' })),
        }),
      ),
    );
    for (const res of login) expect(res.statusCode).toBeLessThan(500);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    console.log(
      `fuzz: ${tally.requests} requests, ${tally.refused} refused, ${tally.accepted} accepted (seed ${SEED})`,
    );
    expect(tally.refused).toBeGreaterThan(tally.requests / 2);
  }, 600_000);
});
