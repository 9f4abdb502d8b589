// The steps of the deadline-rush bench (bench/rush.ts): a fresh store, its enterprises and
// officers, a rush of simultaneous clients, the exactly-once checks, and /api/health probed from
// another process during a large import.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  type Database,
  compareIndicator,
  createUnits,
  createUser,
  initStore,
  openDatabase,
  saveIndicators,
  systemCtx,
} from '@baocao/core';
import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';

/** What the steps share: the largest rush, the PostgreSQL server, the API token, the officers' password. */
export interface RushConfig {
  max: number;
  pgUrl: string;
  token: string;
  password: string;
}

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

export async function freshStore(
  engine: 'pglite' | 'postgres',
  pgUrl: string,
): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase();
    return { db, drop: () => db.close() };
  }
  const name = `baocao_rush_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Probes a URL every 20 ms until its standard input closes, then prints the latencies (ms) as JSON. */
const PROBE = `
const url = process.argv[1]; const out = []; let stop = false;
process.stdin.on('end', () => (stop = true)); process.stdin.resume();
(async () => {
  while (!stop) {
    const t = performance.now();
    try { await (await fetch(url)).text(); } catch {}
    out.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  process.stdout.write(JSON.stringify(out));
})();`;

export const unitCode = (i: number) => `RUSH${String(i + 1).padStart(3, '0')}`;

/** The catalog, `cfg.max` enterprises under the provinces, an indicator they report, two officers. */
export async function setUp(db: Database, cfg: RushConfig): Promise<void> {
  const ctx = systemCtx(db);
  await initStore(ctx);
  await saveIndicators(ctx, [
    // Eight more, only for the bulk import: enough distinct cells for its rows.
    ...Array.from({ length: 8 }, (_, i) => ({
      code: `RUSH.NHAP${i + 1}`,
      nameVi: `Chỉ tiêu nhập thử ${i + 1}`,
      nameEn: `Bulk import indicator ${i + 1}`,
      unitVi: 'tỷ đồng',
      precision: 0,
      kind: 'flow' as const,
      acrossUnits: 'sum' as const,
      domain: 'Thử tải',
    })),
    {
      code: 'RUSH.DOANH_THU',
      nameVi: 'Doanh thu doanh nghiệp (thử tải)',
      nameEn: 'Enterprise revenue (load test)',
      unitVi: 'tỷ đồng',
      precision: 0,
      kind: 'flow',
      acrossUnits: 'sum',
      domain: 'Thử tải',
      reportingKind: 'enterprise',
    },
  ]);
  const provinces = (
    await db.k
      .selectFrom('org_unit')
      .select('code')
      .where('kind', '=', 'province')
      .where('valid_to', 'is', null)
      .execute()
  ).map((p) => p.code);
  await createUnits(
    ctx,
    Array.from({ length: cfg.max }, (_, i) => ({
      code: unitCode(i),
      nameVi: `Doanh nghiệp thử ${i + 1}`,
      kind: 'enterprise' as const,
      parentCode: provinces[i % provinces.length]!,
    })),
  );
  for (const username of ['rush-submitter', 'rush-approver'])
    await createUser(ctx, {
      username,
      displayName: username,
      role: 'officer',
      unit: null,
      password: cfg.password,
    });
}

export interface Session {
  headers: Record<string, string>;
}

export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await r.json());
  return { headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

export interface Result {
  scenario: string;
  clients: number;
  requests: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Releases `clients` tasks at once; each runs `requests` calls in a row. */
export async function rush(
  scenario: string,
  clients: number,
  requests: number,
  call: (client: number, round: number) => Promise<Response>,
): Promise<Result> {
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure = '';
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let r = 0; r < requests; r++) {
        const t = performance.now();
        const res = await call(c, r);
        const body = await res.text();
        latencies.push(performance.now() - t);
        if (!res.ok) {
          failed++;
          firstFailure ||= `${res.status} ${body.slice(0, 200)}`;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  if (failed) console.error(`  ${scenario} ×${clients}: ${failed} failed, first: ${firstFailure}`);
  const n = clients * requests;
  return {
    scenario,
    clients,
    requests: n,
    failed,
    seconds,
    perSecond: n / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
  };
}

export async function exactlyOnce(
  db: Database,
  period: string,
  units: number,
  audits: number,
): Promise<string> {
  const r = await sql<{ values: number; audits: number; dup: number }>`
    select
      (select count(*)::int from data_value d join indicator i on i.id = d.indicator_id
        where i.code = 'RUSH.DOANH_THU' and d.period = ${period}) as values,
      (select count(*)::int from value_audit a join indicator i on i.id = a.indicator_id
        where i.code = 'RUSH.DOANH_THU' and a.period = ${period}) as audits,
      (select count(*)::int from (select 1 from value_audit a join indicator i on i.id = a.indicator_id
        where i.code = 'RUSH.DOANH_THU' and a.period = ${period}
        group by a.unit_id, a.new_value having count(*) > 1) x) as dup`.execute(db.k);
  const got = r.rows[0]!;
  const ok = got.values === units && got.audits === audits && got.dup === 0;
  return `${period}: ${got.values}/${units} values, ${got.audits}/${audits} audit rows, ${got.dup} duplicated${ok ? '' : ' — WRONG'}`;
}

/** The national figure users see equals the sum of the stored values (exact and fresh after the rush). */
export async function nationalExact(db: Database, period: string): Promise<boolean> {
  const r = await sql<{ stored: string | null }>`
    select sum(d.value)::text as stored from data_value d join indicator i on i.id = d.indicator_id
    where i.code = 'RUSH.DOANH_THU' and d.period = ${period}`.execute(db.k);
  const shown = await compareIndicator(systemCtx(db), { indicator: 'RUSH.DOANH_THU', unit: 'VN', period });
  return Number(r.rows[0]!.stored) === shown.value;
}

export async function healthDuringImport(
  base: string,
  rows: number,
  cfg: RushConfig,
): Promise<{
  samples: number;
  p50: number;
  p99: number;
  max: number;
  importSeconds: number;
  status: number;
}> {
  // Distinct cells: `cfg.max` enterprises × 84 months (2019–2025) × 8 indicators.
  const lines = ['indicator,unit,period,value,status'];
  for (let i = 0; i < rows; i++) {
    const cell = Math.floor(i / cfg.max);
    const month = cell % 84;
    const period = `${2019 + Math.floor(month / 12)}M${String((month % 12) + 1).padStart(2, '0')}`;
    lines.push(`RUSH.NHAP${1 + Math.floor(cell / 84)},${unitCode(i % cfg.max)},${period},${i % 997},ước`);
  }
  const body = Buffer.from(lines.join('\n'));
  // The probe runs in its own process: in this one, a blocked event loop would delay the probe's
  // own clock too and hide the stall it should measure.
  const probe = spawn(process.execPath, ['-e', PROBE, `${base}/api/health`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let probeOut = '';
  probe.stdout.on('data', (b: Buffer) => (probeOut += b.toString()));
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  const status = await fetch(`${base}/api/imports?filename=rush.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cfg.token}`, 'content-type': 'application/octet-stream' },
    body,
  }).then(async (r) => {
    await r.text();
    return r.status;
  });
  const importSeconds = (performance.now() - t0) / 1000;
  probe.stdin.end();
  await once(probe, 'exit');
  const latencies = (JSON.parse(probeOut) as number[]).slice(15); // from the import's start
  return {
    samples: latencies.length,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    max: Math.max(...latencies),
    importSeconds,
    status,
  };
}
