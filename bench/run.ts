// npm run bench [-- --engine pglite|postgres|both] [--small]
// Builds (once, cached in .bench/ or a bench database) a synthetic instance and prints each result
// the moment it is measured, every ratio from two measurements of the same run on the same data:
// (a) the pivot against a plain GROUP BY and against DuckDB, (a′) with a million changes pending,
// (b) our import against a bare INSERT … SELECT, (c) single-value writes, (d) reports, (e) the
// release check of a year. Cleans up what it wrote, then rewrites docs/PERFORMANCE.md with the
// commit it measured (not with --small).
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Database, partialFigures, submitValues, systemCtx } from '@baocao/core';
import { sql } from 'kysely';
import { type Duck, duckPivot, loadDuck } from './duck.ts';
import { BENCH_WRITE_PERIODS, cleanPeriods, importBench, leftBehind } from './import-bench.ts';
import { type Scale, buildInstance, code, openBenchStore } from './instance.ts';
import { ms, pctile, time } from './measure.ts';
import { pendingBench, pivotBench, pivotSpec } from './pivot-bench.ts';
import { reportBench } from './report.ts';
import { PERFORMANCE_INTRO } from './performance-text.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    small: { type: 'boolean', default: false },
    // A smaller instance for PGlite alone (20 of the 200 indicators: 1,008,000 values), when building
    // ten million values into the embedded engine would not finish in the time at hand.
    'pglite-medium': { type: 'boolean', default: false },
  },
});
const FULL: Scale = { indicators: 200, provinces: 34, units: 700, months: 72 };
const scaleOf = (engine: 'pglite' | 'postgres'): Scale =>
  args.small
    ? { indicators: 20, provinces: 34, units: 70, months: 72 }
    : engine === 'pglite' && args['pglite-medium']
      ? { ...FULL, indicators: 20 }
      : FULL;
const PG = process.env.BAOCAO_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const say = (s: string) => console.error(`  ${s}`);
const git = (cmd: string) => execSync(`git ${cmd}`, { encoding: 'utf8' }).trim();
// The bench's own output is no change to what it measures: a run of one engine after the other
// finds the document the first rewrote.
const changed = git('status --porcelain --untracked-files=no')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.endsWith('docs/PERFORMANCE.md'));
const commit = `${git('rev-parse --short HEAD')}${changed.length > 0 ? ' with uncommitted changes' : ''}`;

async function latencyBench(db: Database, scale: Scale) {
  const ctx = systemCtx(db);
  const ts: number[] = [];
  for (let n = 0; n < 300; n++) {
    const row = {
      row: 1,
      indicator: code('BENCH.I', (n % scale.indicators) + 1, 3),
      unit: code('BE', ((n * 37) % scale.units) + 1, 3),
      period: BENCH_WRITE_PERIODS[2]!,
      value: n,
      status: 'official',
    };
    ts.push((await time(() => submitValues(ctx, { rows: [row], source: 'bench' })))[0]);
  }
  await cleanPeriods(db, [BENCH_WRITE_PERIODS[2]!]);
  return { n: ts.length, p50: pctile(ts, 50), p95: pctile(ts, 95) };
}

const report: string[] = [];
const ran = new Set<string>();
const missed = new Set<string>();
const row = (lines: string[]) => (line: string) => {
  console.log(line);
  lines.push(line);
};

for (const engine of args.engine === 'both'
  ? (['pglite', 'postgres'] as const)
  : ([args.engine] as ('pglite' | 'postgres')[])) {
  const scale = scaleOf(engine);
  ran.add(engine);
  console.error(
    `\n[${engine}] ${scale.indicators} indicators × ${scale.units} units × ${scale.months} months`,
  );
  const db = await openBenchStore(engine, scale, PG);
  const [tBuild] = await time(() => buildInstance(db, scale, say));
  say(`instance: ${(tBuild / 1000).toFixed(0)} s`);
  await cleanPeriods(db, BENCH_WRITE_PERIODS); // whatever an interrupted run left
  const values = (await sql<{ n: number }>`select count(*)::int as n from data_value`.execute(db.k)).rows[0]!
    .n;
  const lines: string[] = [];
  const print = row(lines);
  print(
    `### ${engine === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL server'} — ${values.toLocaleString('en')} values — commit \`${commit}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the start`,
  );
  print('');
  print('| measure | ours | baseline (same run) | ratio | goal |');
  print('| --- | --- | --- | --- | --- |');
  const s = await pivotSpec(db, scale.provinces);
  const a = await pivotBench(db, s);
  if (a.ratio < 10) missed.add('(a)');
  print(
    `| (a) pivot with coverage, 20 indicators × 12 months × ${scale.provinces} provinces (${a.cells.toLocaleString('en')} cells), median of 7 | ${ms(a.tOurs)} (the sums alone: ${ms(a.tSums)}) | plain GROUP BY over raw values: ${ms(a.tBase)} | **${a.ratio.toFixed(1)}×** (baseline ÷ ours) | ≥ 10× ${a.ratio >= 10 ? 'met' : '**not met**'} |`,
  );
  // Loaded from this engine's store: the same values the two measures above read.
  const duck: Duck = await loadDuck(db);
  say(`DuckDB: ${duck.values.toLocaleString('en')} values loaded in ${(duck.tLoad / 1000).toFixed(0)} s`);
  const dk = await duckPivot(duck, s);
  duck.close();
  const dRatio = dk.t / a.tOurs;
  if (dRatio < 1) missed.add('(a, DuckDB)');
  print(
    `| (a) the same pivot's totals in DuckDB (in memory, 2 threads, the same ${duck.values.toLocaleString('en')} values), median of 7 | ${ms(a.tOurs)} | DuckDB: ${ms(dk.t)} | **${dRatio.toFixed(2)}×** (DuckDB's time ÷ ours) | ≥ 1× ${dRatio >= 1 ? 'met' : '**not met**'} |`,
  );
  // One writer at a time, then (PostgreSQL) as many at once as the store's pool lets one server run,
  // each of them writing to every cell of the pivot: the most pending rows the writer slots allow.
  for (const writers of engine === 'postgres' ? [1, 8] : [1]) {
    const p = await pendingBench(db, s, writers);
    const pRatio = p.tPending / p.tCompacted;
    if (pRatio > 2) missed.add('(a′)');
    print(
      `| (a′) the pivot with ${p.pending.toLocaleString('en')} rollup changes pending on its cells, written by ${p.writers === 1 ? 'one writer at a time' : `${p.writers} writers at once`} (${p.rows.toLocaleString('en')} pending rows), median of 5 | ${ms(p.tPending)} | after compaction: ${ms(p.tCompacted)} | **${pRatio.toFixed(2)}×** (pending ÷ compacted) | ≤ 2× ${pRatio <= 2 ? 'met' : '**not met**'} |`,
    );
    print(
      `| (a′) compaction of those pending rows (fold and vacuum) | ${ms(p.tCompact)}: ${Math.round(p.foldRate).toLocaleString('en')} rows/s | — | pending rows stay within cells written × writers at once, at any write rate | — |`,
    );
  }
  const b = await importBench(db, scale);
  if (b.ratio < 0.5) missed.add('(b)');
  print(
    `| (b) validated, audited import of ${b.rows.toLocaleString('en')} CSV rows | ${Math.round(b.rows / (b.tOurs / 1000)).toLocaleString('en')} rows/s (${ms(b.tOurs)}) | bare \`INSERT … SELECT\` of the same rows into the same table: ${Math.round(b.rows / (b.tFloor / 1000)).toLocaleString('en')} rows/s (${ms(b.tFloor)}) | **${b.ratio.toFixed(2)}×** (our rate ÷ the bare INSERT's) | ≥ 0.5× ${b.ratio >= 0.5 ? 'met' : '**not met**'} |`,
  );
  const c = await latencyBench(db, scale);
  print(
    `| (c) single-value write (validate, upsert, audit, rollups, coverage), ${c.n} writes | p50 ${ms(c.p50)}, p95 ${ms(c.p95)} | — | — | — |`,
  );
  const d = await reportBench(db);
  for (const r of d) {
    if (r.tCompare / r.tFull < 0.5) missed.add('(d)');
    print(
      `| (d) report ${r.template}: data, text, Markdown and Word, median of 7 | ${ms(r.tFull)} | its ${r.comparisons} comparisons alone: ${ms(r.tCompare)} | ${(r.tFull / r.tCompare).toFixed(1)}× (whole ÷ comparisons); comparisons are ${((100 * r.tCompare) / r.tFull).toFixed(0)}% of it | queries ≥ 50% of the time ${r.tCompare / r.tFull >= 0.5 ? 'met' : '**not met**'} |`,
    );
    print(
      `| (d) where ${r.template}'s time goes | data (all its queries, the text, the chart's SVG) ${ms(r.tData)}; Markdown ${ms(r.tMarkdown)}; Word without its chart ${ms(r.tWordNoCharts)}; the chart rasterised and embedded ${ms(r.tWord - r.tWordNoCharts)} | — | — | — |`,
    );
  }
  const [tRelease, partial] = await time(() => partialFigures(systemCtx(db), '2024'));
  print(
    `| (e) the release check of 2024 (coverage of every national figure of the year, ${partial.length} partial) | ${ms(tRelease)} | — | — | completes ✔ |`,
  );
  const left = await leftBehind(db);
  print(
    `| cleanup: values, rollups and pending changes left in the bench's write periods | ${left} | — | — | 0 ${left === 0 ? '✔' : '**not met**'} |`,
  );
  print('');
  await db.close();
  report.push(...lines);
}

/**
 * The section of the engine this run did not measure, kept from the page as it was (its heading
 * names the commit that measured it), so a run of one engine never drops the other.
 */
function keptSections(ran: Set<string>): string[] {
  if (!existsSync('docs/PERFORMANCE.md')) return [];
  const parts = readFileSync('docs/PERFORMANCE.md', 'utf8')
    .split(/^(?=### )/m)
    .slice(1);
  return (
    parts
      // Only sections that name their commit: an older page's figures cannot be dated.
      .filter((part) => part.split('\n')[0]!.includes('commit `'))
      .filter((part) => !ran.has(part.startsWith('### PGlite') ? 'pglite' : 'postgres'))
      .map((part) => part.trimEnd() + '\n')
  );
}

/**
 * The goals not met, per engine: this run's, and those of the sections kept from an earlier run
 * (read from their rows), so the line never speaks for one engine only.
 */
function status(kept: string[]): string {
  const engines = [...ran].map(
    (e) => `${e === 'pglite' ? 'PGlite' : 'PostgreSQL'} (this run): ${[...missed].join(', ') || 'none'}`,
  );
  for (const part of kept) {
    const goals = new Set(
      part
        .split('\n')
        .filter((line) => line.includes('**not met**'))
        .map((line) =>
          line.includes('DuckDB') ? '(a, DuckDB)' : (/^\| (\([^)]*\))/.exec(line)?.[1] ?? '?'),
        ),
    );
    const commit = /commit `([^`]+)`/.exec(part)?.[1] ?? '?';
    engines.push(
      `${part.startsWith('### PGlite') ? 'PGlite' : 'PostgreSQL'} (commit ${commit}): ${[...goals].join(', ') || 'none'}`,
    );
  }
  return `**Goals not met yet** (see the tables) — ${engines.join('; ')}.`;
}

if (!args.small) {
  const kept = keptSections(ran);
  writeFileSync(
    'docs/PERFORMANCE.md',
    [
      ...PERFORMANCE_INTRO,
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Each engine's heading names the commit and time it was measured at.`,
      '',
      status(kept),
      '',
      ...kept,
      ...report,
    ].join('\n'),
  );
  console.error('\nwritten docs/PERFORMANCE.md');
}
