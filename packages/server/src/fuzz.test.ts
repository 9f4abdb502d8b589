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

const PER_ENDPOINT = Number(process.env.FUZZ_BODIES ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const auth = { authorization: 'Bearer fuzz-token-0123456789' };
let db: Database;
let app: App;

/** mulberry32: a small seeded generator, so a failure can be replayed with its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PERIOD = '2025M09';
const CSV = `indicator,unit,period,value,status,note\nVT.DOANH_THU,P01,${PERIOD},1200,ước,\n`;
/** A plausible body (or file) per write endpoint, the starting point of its mutations. */
const SEEDS: Record<string, { body?: unknown; raw?: string; query?: string }> = {
  'POST /api/values': {
    body: {
      values: [
        { indicator: 'VT.DOANH_THU', unit: 'P01', period: PERIOD, value: 5, status: 'ước', note: 'x' },
      ],
      reason: 'r',
    },
  },
  'POST /api/imports': { raw: CSV, query: 'filename=x.csv' },
  'PUT /api/forms': {
    body: {
      unit: 'P48',
      period: PERIOD,
      values: [{ indicator: 'VT.DOANH_THU', value: '1.250', status: 'chính thức' }],
    },
  },
  'POST /api/forms/submit': {
    body: { unit: 'P48', period: PERIOD, values: [{ indicator: 'VT.DOANH_THU', value: 12 }] },
  },
  'POST /api/forms/import': {
    raw: CSV.replaceAll('P01', 'P48'),
    query: `unit=P48&period=${PERIOD}&filename=f.csv`,
  },
  'POST /api/forms/return': { body: { unit: 'P48', period: PERIOD, comment: 'sửa lại' } },
  'POST /api/forms/approve': { body: { unit: 'P48', period: PERIOD } },
  'POST /api/forms/unlock': { body: { unit: 'P48', period: PERIOD, reason: 'mở' } },
  'POST /api/forms/remind': { body: { period: PERIOD } },
  'PUT /api/periods': { body: { period: '2025M10', dueOn: '2025-11-15', closed: false } },
  'POST /api/releases': { body: { period: PERIOD } },
  'PUT /api/users': { body: { username: 'leader', disabled: true, reason: 'nghỉ việc' } },
  'POST /api/users': {
    body: {
      username: 'nv-moi',
      displayName: 'Nhân viên',
      role: 'reporter',
      unit: 'P01',
      password: 'mat-khau-dai-du',
    },
  },
  'PUT /api/reports/sections': {
    body: {
      template: 'hop-bao-thang',
      period: '2024M08',
      section: 'van-de',
      text: 'Văn bản',
      mode: 'append',
    },
  },
  'PUT /api/reports/details': {
    body: { template: 'hop-bao-thang', period: '2024M08', number: '12', date: '2024-09-01' },
  },
  'POST /api/reports/publish': {
    body: { template: 'hop-bao-thang', period: '2024M08', force: true, reason: 'x' },
  },
  'PUT /api/report-templates': {
    body: { code: 'mau-moi', titleVi: 'Mẫu', periodType: 'month', sections: [] },
  },
  'POST /api/registries': {
    body: {
      items: [
        {
          kind: 'legal_document',
          period: '2024M08',
          docKind: 'Quyết định',
          stage: 'issued_ministry',
          number: '1459/QĐ-BTTTT',
          issuedOn: '2024-08-28',
          title: 'Phê duyệt',
        },
      ],
    },
  },
  'PUT /api/registries/:id': {
    body: { item: { kind: 'activity', period: '2024M08', title: 'Hội nghị', startOn: '2024-08-05' } },
  },
  'DELETE /api/registries/:id': { query: 'reason=x' },
  'POST /api/feeds/botnet': {
    raw: 'ip,seen_at,source\n14.160.1.1,2024-08-01,vncert\n',
    query: 'filename=f.csv',
  },
  'POST /api/feeds/prefixes': {
    raw: 'prefix,operator,province\n14.160.0.0/16,VNPT,P01\n',
    query: 'filename=p.csv',
  },
  'POST /api/feeds/incidents': {
    raw: 'ref,date,type,sector,province,status\nZ1,2024-08-02,phishing,bank,P01,open\n',
    query: 'filename=i.csv',
  },
  'PUT /api/indicators': {
    body: [
      {
        code: 'X.MOI',
        nameVi: 'Mới',
        nameEn: 'New',
        unitVi: 'tỷ đồng',
        precision: 0,
        kind: 'flow',
        acrossUnits: 'sum',
        domain: 'X',
      },
    ],
  },
  'POST /api/units': {
    body: [{ code: 'DN.MOI', nameVi: 'Doanh nghiệp mới', kind: 'enterprise', parentCode: 'VN' }],
  },
  'PUT /api/plans': { body: [{ indicator: 'VT.DOANH_THU', unit: 'VN', year: 2025, value: 1000 }] },
  'POST /api/check': {
    body: { text: 'Doanh thu đạt 100 tỷ đồng, tăng 10% so với cùng kỳ năm 2023 (90 tỷ đồng).' },
  },
  'POST /api/auth/logout': { body: {} },
  'POST /api/dataValueSets': {
    body: {
      dataValues: [
        {
          dataElement: 'VT.DOANH_THU',
          period: '202509',
          orgUnit: 'P01',
          categoryOptionCombo: 'HllvX50cXC0',
          value: '12.5',
          comment: 'x',
        },
      ],
    },
    query: 'idScheme=CODE&importStrategy=CREATE_AND_UPDATE',
  },
  'POST /api/:version/dataValueSets': {
    body: {
      dataValues: [
        {
          dataElement: 'VT.DOANH_THU',
          period: '202509',
          orgUnit: 'P01',
          categoryOptionCombo: 'HllvX50cXC0',
          value: '12.5',
          comment: 'x',
        },
      ],
    },
    query: 'idScheme=CODE&importStrategy=CREATE_AND_UPDATE',
  },
  'PUT /api/dhis2/ids': { body: [{ kind: 'unit', code: 'P01', uid: 'Hn2025Mrg01', dhis2Code: 'HA_NOI' }] },
  'POST /api/sdmx/data': {
    raw: 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS\ndataflow,BAOCAO:DF_VT(1.0),I,VT-DOANH_THU,P01,2025-09,7.5,E\n',
  },
};

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
 * Every table's contents, hashed: what "nothing written" is checked against. The rollups are seen
 * as readers see them (`rollup_now`): the background compaction moves pending changes between its
 * two tables without changing any figure.
 */
async function fingerprint(): Promise<string> {
  const tables = await sql<{ t: string }>`
    select relname::text as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and relname not in ('rollup', 'rollup_delta')
    union all select 'rollup_now' order by 1`.execute(db.k);
  const parts = tables.rows.map(
    (x) =>
      sql`(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${sql.table(x.t)} t)`,
  );
  const r = await sql<{ f: string }>`select concat_ws(',', ${sql.join(parts)}) as f`.execute(db.k);
  return r.rows[0]!.f;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await loadDemo(sys);
  await createDemoUsers(sys, 'mat-khau-fuzz');
  await openReportingPeriod(sys, { period: PERIOD });
  app = await buildApp({
    db,
    log: createLogger({ level: process.env.FUZZ_LOG ?? 'silent' }),
    apiToken: auth.authorization.slice(7),
    webRoot: null,
  });
}, 120_000);
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
  }, 300_000);
});
