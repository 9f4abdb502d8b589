import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsers, login } from '../accounts/accounts.ts';
import { type Ctx, systemCtx } from '../context.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { loadDemo } from '../demo/demo.ts';
import { importBotnetFeed } from '../feeds/feeds.ts';
import { importIncidents } from '../feeds/incidents.ts';
import { loadIpPrefixes } from '../feeds/prefixes.ts';
import { saveForm } from '../forms/forms.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { approveForm } from '../forms/review.ts';
import { setPlanTargets } from '../plans/plans.ts';
import { releasePeriod } from '../releases/release-period.ts';
import { publishReport } from '../reports/reports.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { lockPeriod } from '../values/locks.ts';
import { listTables, pageOfRows } from './backup.queries.ts';
import { restoreBackup, writeBackup } from './backup.ts';

const dir = mkdtempSync(join(tmpdir(), 'baocao-backup-'));
let source: Database;
let middle: Database;
let final: Database;

/** Every table's rows, in key order, as the store holds them. */
async function contents(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await listTables(db.k)) out[t.name] = await pageOfRows(db.k, t, undefined, 1_000_000);
  return out;
}

/** A store with a record of every kind: values, audit, users, sessions, throttles, forms, reports, registries, releases, locks, plans, feeds. */
async function fill(db: Database): Promise<void> {
  const sys = systemCtx(db);
  await loadDemo(sys);
  await createDemoUsers(sys, 'mat-khau-sao-luu');
  await login(sys, { username: 'officer', password: 'mat-khau-sao-luu', address: '10.1.2.3' });
  await login(sys, { username: 'leader', password: 'sai', address: '10.1.2.4' }).catch(() => undefined);
  const graph = await loadUnitGraph(db.k);
  const reporter: Ctx = {
    ...sys,
    actor: { username: 'reporter-danang', role: 'reporter', unitId: graph.byCode.get('P48')!.id },
  };
  const officer: Ctx = { ...sys, actor: { username: 'officer', role: 'officer', unitId: null } };
  await openReportingPeriod(officer, { period: '2025M09' });
  await saveForm(reporter, {
    unit: 'P48',
    period: '2025M09',
    values: [{ indicator: 'VT.DOANH_THU', value: '1.250,5', note: 'ghi chú' }],
    submit: true,
  });
  await approveForm(officer, { unit: 'P48', period: '2025M09' });
  await saveForm(reporter, { unit: 'P48', period: '2025M09', values: [] }).catch(() => undefined);
  await setPlanTargets(officer, [{ indicator: 'VT.DOANH_THU', unit: 'VN', year: 2025, value: 400_000 }]);
  await releasePeriod(officer, { period: '2024M08' });
  await lockPeriod(officer, { period: '2023', reason: 'đã công bố' });
  await publishReport(officer, {
    template: 'giao-ban-quy',
    period: '2024Q1',
    unit: 'VN',
    number: '45',
    force: true,
    reason: 'thử sao lưu',
  });
  await loadIpPrefixes(sys, {
    filename: 'p.csv',
    data: Buffer.from('prefix,operator,province\n14.160.0.0/16,VNPT,P01\n2001:ee0::/32,VNPT,P48\n'),
  });
  await importBotnetFeed(sys, {
    source: [Buffer.from('ip,seen_at,source\n14.160.1.1,2024-08-01,vncert\n2001:ee0::1,2024-08-02,vncert\n')],
    filename: 'f.csv',
  });
  await importIncidents(sys, {
    data: Buffer.from('ref,date,type,sector,province,status\nX1,2024-08-02,phishing,banking,P01,resolved\n'),
    filename: 'i.csv',
  });
  // Numbers no double holds: written straight into numeric columns, as a long history would hold them.
  await sql`insert into plan_target (indicator_id, unit_id, year, value, updated_by)
    select (select min(id) from indicator), (select min(id) from org_unit), 3000 + x.i::int, x.v::numeric, 'test'
    from (values ${sql.join(EXTREMES.map((v, i) => sql`(${i}, ${v})`))}) as x(i, v)`.execute(db.k);
  await sql`insert into rollup (indicator_id, unit_id, period, total, n, n_estimate)
    select (select min(id) from indicator), (select min(id) from org_unit), '2999M0' || x.i::text, x.v::numeric, 63, 0
    from (values ${sql.join(EXTREMES.slice(0, 9).map((v, i) => sql`(${i + 1}, ${v})`))}) as x(i, v)`.execute(
    db.k,
  );
}

/** 15 significant digits, 10^15, negative zero, many decimals, scale kept, the issue's national total. */
const EXTREMES = [
  '999999999999.999',
  '1000000000000000',
  '-0',
  '-0.000',
  '0.000000000000000000000000000000000001',
  '311.0',
  '62999999999999.937',
  '-123456789012345.678901234567890123456789',
  '123456789012345678901234567890',
  '1e15',
];

/** The extreme values as the store prints them (numeric's own text), by year. */
async function extremes(db: Database): Promise<string[]> {
  const r = await sql<{
    v: string;
  }>`select value::text as v from plan_target where year >= 3000 order by year`.execute(db.k);
  return r.rows.map((x) => x.v);
}

beforeAll(async () => {
  // Whatever the pass, the source and the final copy are embedded stores and the middle one is the
  // pass's engine: PostgreSQL in the PostgreSQL pass (PGlite → PostgreSQL → PGlite).
  source = await openDatabase();
  middle = await createTestDatabase();
  final = await openDatabase();
  await fill(source);
}, 180_000);
afterAll(async () => {
  await Promise.all([source.close(), middle.close(), final.close()]);
});

describe('backup and restore', () => {
  it('round-trips a store with every kind of record exactly, across engines and back', async () => {
    const a = join(dir, 'a.baocao.gz');
    const b = join(dir, 'b.baocao.gz');
    const counts = await writeBackup(systemCtx(source), a);
    for (const table of [
      'data_value',
      'value_audit',
      'audit_log',
      'app_user',
      'user_session',
      'login_throttle',
      'submission',
      'report',
      'registry_item',
      'data_release',
      'period_lock',
      'plan_target',
      'botnet_set',
      'ip_prefix',
      'cyber_incident',
      'feed_import',
      'reporting_period',
      'report_template',
    ])
      expect(counts[table], table).toBeGreaterThan(0);
    expect(await restoreBackup(systemCtx(middle), a)).toEqual(counts);
    await writeBackup(systemCtx(middle), b);
    expect(await restoreBackup(systemCtx(final), b)).toEqual(counts);
    const original = await contents(source);
    expect(await contents(middle)).toEqual(original);
    expect(await contents(final)).toEqual(original);
    // Every digit and the scale, as the store prints them, through PGlite, the pass's engine and back.
    const exact = await extremes(source);
    expect(exact).toEqual([
      '999999999999.999',
      '1000000000000000',
      '0',
      '0.000',
      '0.000000000000000000000000000000000001',
      '311.0',
      '62999999999999.937',
      '-123456789012345.678901234567890123456789',
      '123456789012345678901234567890',
      '1000000000000000',
    ]);
    expect(await extremes(middle)).toEqual(exact);
    expect(await extremes(final)).toEqual(exact);
    // The file itself carries the text: 311.0 stays 311.0, the national total keeps its last digit.
    const text = gunzipSync(readFileSync(a)).toString();
    expect(text).toContain('62999999999999.937');
    expect(text).toMatch(/"value": ?311\.0[,}]/);
    expect(statSync(a).mode & 0o777).toBe(0o600);
    // Sequences continue after the restored rows: a new write gets a new id, not a clash.
    await expect(
      login(systemCtx(final), { username: 'admin', password: 'mat-khau-sao-luu' }),
    ).resolves.toMatchObject({ user: { username: 'admin' } });
  }, 180_000);

  it('refuses to restore over data, and a truncated file changes nothing', async () => {
    const a = join(dir, 'a.baocao.gz');
    await expect(restoreBackup(systemCtx(final), a)).rejects.toMatchObject({ code: 'STORE_NOT_EMPTY' });
    const empty = await openDatabase();
    try {
      const lines = gunzipSync(readFileSync(a)).toString().trimEnd().split('\n');
      const cut = join(dir, 'cut.baocao.gz');
      writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
      await expect(restoreBackup(systemCtx(empty), cut)).rejects.toMatchObject({ code: 'INVALID_BACKUP' });
      const notOne = join(dir, 'x.gz');
      writeFileSync(notOne, gzipSync('{"hello": 1}\n'));
      await expect(restoreBackup(systemCtx(empty), notOne)).rejects.toMatchObject({ code: 'INVALID_BACKUP' });
      expect((await contents(empty)).data_value).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('a missing file or folder is a clean error; a failed write leaves the previous backup whole', async () => {
    await expect(restoreBackup(systemCtx(final), join(dir, 'missing.gz'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    await expect(writeBackup(systemCtx(source), join(dir, 'missing', 'x.gz'))).rejects.toMatchObject({
      code: 'BACKUP_PATH',
    });
    const target = join(dir, 'keep.baocao.gz');
    writeFileSync(target, 'the previous backup');
    const broken = await openDatabase();
    await broken.close(); // a store that fails mid-backup
    await expect(writeBackup(systemCtx(broken), target)).rejects.toBeDefined();
    expect(readFileSync(target, 'utf8')).toBe('the previous backup');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('is for administrators only', async () => {
    const officer: Ctx = {
      ...systemCtx(source),
      actor: { username: 'officer', role: 'officer', unitId: null },
    };
    await expect(writeBackup(officer, join(dir, 'no.gz'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
