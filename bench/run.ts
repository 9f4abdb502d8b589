// npm run bench [-- --engine pglite|postgres|both] [--small]
// Builds (once, cached in .bench/ or a bench database) a synthetic instance and prints, measured in
// the same run: (a) pivot through core vs a plain GROUP BY, (b) our import vs a raw COPY of the same
// rows, (c) single-value write latency. Writes docs/PERFORMANCE.md.
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Database, importValues, pivotValues, submitValues, systemCtx } from '@baocao/core';
import { sql } from 'kysely';
import { type Scale, buildInstance, code, openBenchStore } from './instance.ts';
import { reportBench } from './report.ts';

const { values: args } = parseArgs({
  options: { engine: { type: 'string', default: 'both' }, small: { type: 'boolean', default: false } },
});
const scale: Scale = args.small
  ? { indicators: 20, provinces: 34, units: 70, months: 72 }
  : { indicators: 200, provinces: 34, units: 700, months: 72 };
const PG = process.env.BAOCAO_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const say = (s: string) => console.error(`  ${s}`);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) ts.push((await time(fn))[0]);
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const pctile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function cleanPeriods(db: Database, periods: string[]) {
  await sql`delete from data_value where period = any(${periods}::text[])`.execute(db.k);
  await sql`delete from rollup where period = any(${periods}::text[])`.execute(db.k);
  await sql`delete from value_audit where period = any(${periods}::text[])`.execute(db.k);
}

async function pivotBench(db: Database) {
  const ctx = systemCtx(db);
  const indicators = Array.from({ length: 20 }, (_, i) => code('BENCH.I', i + 1, 3));
  const units = Array.from({ length: scale.provinces }, (_, i) => code('BP', i + 1, 2));
  const periods = Array.from({ length: 12 }, (_, i) => `2024M${String(i + 1).padStart(2, '0')}`);
  const ids = await db.k.selectFrom('indicator').select('id').where('code', 'in', indicators).execute();
  const unitIds = await db.k.selectFrom('org_unit').select('id').where('code', 'in', units).execute();
  const baseline = () =>
    sql<{ total: string }>`
      select d.indicator_id, a.ancestor_id, d.period, sum(d.value) as total
      from data_value d join unit_ancestor a on a.unit_id = d.unit_id and a.depth = 1
      where d.indicator_id = any(${ids.map((i) => i.id)}::int[]) and d.period = any(${periods}::text[])
        and a.ancestor_id = any(${unitIds.map((u) => u.id)}::int[])
      group by 1, 2, 3`.execute(db.k);
  const ours = () => pivotValues(ctx, { indicators, units, periods });
  const [a, b] = [await ours(), (await baseline()).rows];
  const sumOurs = a.reduce((s, c) => s + (c.value ?? 0), 0);
  const sumBase = b.reduce((s, r) => s + Number(r.total), 0);
  if (a.length !== 20 * scale.provinces * 12 || Math.abs(sumOurs - sumBase) > 1e-6 * sumBase) {
    throw new Error(
      `pivot mismatch: ours ${a.length} cells sum ${sumOurs}, baseline ${b.length} rows sum ${sumBase}`,
    );
  }
  const tOurs = await median(7, ours);
  const tBase = await median(7, baseline);
  return { cells: a.length, tOurs, tBase, ratio: tBase / tOurs };
}

async function importBench(db: Database) {
  const ctx = systemCtx(db);
  const periods = ['2025M01', '2025M02'];
  await cleanPeriods(db, periods);
  const lines = ['indicator,unit,period,value,status'];
  for (let i = 1; i <= scale.indicators; i++)
    for (let u = 1; u <= scale.units; u++)
      for (const p of periods)
        lines.push(`${code('BENCH.I', i, 3)},${code('BE', u, 3)},${p},${(i * 31 + u * 7) % 9973}.5,official`);
  const csv = Buffer.from(lines.join('\n') + '\n');
  const rows = lines.length - 1;
  await sql`drop table if exists bench_copy`.execute(db.k);
  await sql`create table bench_copy (indicator text, unit text, period text, value numeric, status text)`.execute(
    db.k,
  );
  const [tCopy, copied] = await time(() => db.copyFromCsv('bench_copy', csv));
  if (copied !== rows) throw new Error(`COPY loaded ${copied} of ${rows} rows`);
  await sql`drop table bench_copy`.execute(db.k);
  const [tOurs, r] = await time(() => importValues(ctx, { data: csv, filename: 'bench.csv' }));
  if (r.inserted !== rows) throw new Error(`import inserted ${r.inserted} of ${rows}`);
  await cleanPeriods(db, periods);
  return { rows, tCopy, tOurs, ratio: rows / tOurs / (rows / tCopy) };
}

async function latencyBench(db: Database) {
  const ctx = systemCtx(db);
  const ts: number[] = [];
  for (let n = 0; n < 300; n++) {
    const row = {
      row: 1,
      indicator: code('BENCH.I', (n % scale.indicators) + 1, 3),
      unit: code('BE', ((n * 37) % scale.units) + 1, 3),
      period: '2025M03',
      value: n,
      status: 'official',
    };
    ts.push((await time(() => submitValues(ctx, { rows: [row], source: 'bench' })))[0]);
  }
  await cleanPeriods(db, ['2025M03']);
  return { n: ts.length, p50: pctile(ts, 50), p95: pctile(ts, 95) };
}

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const report: string[] = [];
const missed = new Set<string>();
for (const engine of args.engine === 'both'
  ? (['pglite', 'postgres'] as const)
  : ([args.engine] as ('pglite' | 'postgres')[])) {
  console.error(
    `\n[${engine}] ${scale.indicators} indicators × ${scale.units} units × ${scale.months} months`,
  );
  const db = await openBenchStore(engine, scale, PG);
  const [tBuild] = await time(() => buildInstance(db, scale, say));
  say(`instance: ${(tBuild / 1000).toFixed(0)} s`);
  const values = (await sql<{ n: number }>`select count(*)::int as n from data_value`.execute(db.k)).rows[0]!
    .n;
  const a = await pivotBench(db);
  const b = await importBench(db);
  const c = await latencyBench(db);
  const d = await reportBench(db);
  if (a.ratio < 10) missed.add('(a)');
  if (d.some((r) => r.tCompare / r.tFull < 0.5)) missed.add('(d)');
  if (b.ratio < 0.3) missed.add('(b)');
  await db.close();
  const lines = [
    `### ${engine === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL server'} — ${values.toLocaleString('en')} values`,
    '',
    '| measure | ours | baseline (same run) | ratio | goal |',
    '| --- | --- | --- | --- | --- |',
    `| (a) pivot 20 indicators × 12 months × ${scale.provinces} provinces (${a.cells} cells), median of 7 | ${ms(a.tOurs)} | plain GROUP BY over raw values: ${ms(a.tBase)} | **${a.ratio.toFixed(1)}×** (baseline ÷ ours) | ≥ 10× ${a.ratio >= 10 ? 'met' : '**not met**'} |`,
    `| (b) validated, audited import of ${b.rows.toLocaleString('en')} CSV rows | ${Math.round(b.rows / (b.tOurs / 1000)).toLocaleString('en')} rows/s (${ms(b.tOurs)}) | raw COPY: ${Math.round(b.rows / (b.tCopy / 1000)).toLocaleString('en')} rows/s (${ms(b.tCopy)}) | **${b.ratio.toFixed(2)}×** (our rate ÷ COPY's) | ≥ 0.3× ${b.ratio >= 0.3 ? 'met' : '**not met**'} |`,
    `| (c) single-value write (validate, upsert, audit, rollups), ${c.n} writes | p50 ${ms(c.p50)}, p95 ${ms(c.p95)} | — | — | — |`,
    ...d.map(
      (r) =>
        `| (d) report ${r.template}: data, text, Markdown and Word, median of 7 | ${ms(r.tFull)} | its ${r.comparisons} comparisons alone: ${ms(r.tCompare)} | ${(r.tFull / r.tCompare).toFixed(1)}× (whole ÷ comparisons); comparisons are ${((100 * r.tCompare) / r.tFull).toFixed(0)}% of it | queries ≥ 50% of the time ${r.tCompare / r.tFull >= 0.5 ? 'met' : '**not met**'} |`,
    ),
    ...d.map(
      (r) =>
        `| (d) where ${r.template}'s time goes | data (all its queries, the text, the chart's SVG) ${ms(r.tData)}; Markdown ${ms(r.tMarkdown)}; Word without its chart ${ms(r.tWordNoCharts)}; the chart rasterised and embedded ${ms(r.tWord - r.tWordNoCharts)} | — | — | — |`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
  report.push(...lines);
}

if (!args.small) {
  writeFileSync(
    'docs/PERFORMANCE.md',
    [
      '# Performance',
      '',
      'Measured by `npm run bench` (add `-- --engine pglite` or `-- --engine postgres` for one engine,',
      '`-- --small` for a quick smoke run that does not write this file). The first run builds the synthetic',
      'instance (cached in `.bench/` and in the `baocao_bench_*` database); every ratio compares two',
      'measurements taken in the same run on the same data. Botnet feed ingestion has its own bench,',
      '`npm run bench:feed`, and page: [PERFORMANCE-FEEDS.md](PERFORMANCE-FEEDS.md). A deadline rush (50, 200 and',
      '500 simultaneous submitters over HTTP, both engines, with exactly-once checks) and `/api/health` during a',
      '300,000-row import: `npm run bench:rush`, [PERFORMANCE-RUSH.md](PERFORMANCE-RUSH.md).',
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Run on ${new Date().toISOString().slice(0, 10)}.`,
      '',
      'Why the pivot is fast: every write maintains `rollup(indicator, ancestor, period)` in its own',
      'transaction, so a province total is one primary-key lookup rather than a scan of its enterprises.',
      'The baseline reads the same `data_value` table with the indexes the schema has (its primary key',
      '(indicator, unit, period) and a partial index on multi-month spans); there is no (indicator, period)',
      'index, because no core read needs one and every write would pay for it.',
      '',
      'Why (b) is far from its goal: on PostgreSQL, one 20,000-row chunk of the import spends about 140 ms',
      'finding which rows change, 330 ms inserting into `data_value` (10 million rows, primary key and two',
      'foreign keys), 100 ms appending the audit rows and 120 ms updating the rollups of every ancestor',
      '(measured with EXPLAIN ANALYZE). A bare `INSERT … SELECT` of the same rows into `data_value` alone',
      'runs at about 60,000 rows/s, 0.06× the baseline, which COPYs into an empty table without indexes.',
      'Before any write, reading the 280,000 CSV rows takes about 1.0 s and validating them 1.3 s, 0.12× on',
      'its own. A bound on any design: with psql on this machine (PostgreSQL 15, 10 million rows), inserting',
      'the same 280,000 rows with a bare `INSERT … SELECT` from a staging table takes 6.7 s with the two',
      'foreign keys, 2.2 s without them, and 1.19 s even with no foreign keys and the primary key reordered',
      '(period, indicator, unit) so new periods append at the right edge of the index; a `COPY` of those',
      'rows into an empty table without indexes takes 0.17 s. Storing the rows at all in an indexed',
      '10-million-row table is thus at best 0.14× the baseline, before validation, audit and rollups: the',
      '0.3× goal is out of reach of a values table with a primary key here, and it is not met.',
      '',
      "Why (d) is not met: the rollups make a report's comparisons take 2–5 ms, while the `docx` library",
      'alone needs 15–25 ms to build and zip a Word document of a few pages without charts, and a chart',
      'costs 40–50 ms (ECharts SVG, resvg rasterisation at print resolution, PNG encoding, which resvg',
      'does at about 20 ms). The breakdown rows show it per report. Rendering cannot drop below the',
      'queries without dropping the Word output the issue asks for; a whole report takes well under a',
      'tenth of a second.',
      '',
      missed.size
        ? `**Status: goal(s) ${[...missed].join(' and ')} not met yet** (see the tables).`
        : '**Status: every goal met.**',
      '',
      ...report,
    ].join('\n'),
  );
  console.error('\nwritten docs/PERFORMANCE.md');
}
