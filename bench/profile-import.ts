// Profiling helper (not part of npm run bench): the import bench on a subset of the indicators of
// the 10M instance, our import and the bare INSERT floor, each once.
//   node --import tsx bench/profile-import.ts --indicators 20 [--jit off]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { importValues, systemCtx } from '@baocao/core';
import { openBenchStore, code } from './instance.ts';
import { cleanPeriods } from './import-bench.ts';
import { time } from './measure.ts';

const { values: args } = parseArgs({
  options: {
    indicators: { type: 'string', default: '20' },
    jit: { type: 'string', default: '' },
    local: { type: 'boolean', default: false },
  },
});
const scale = { indicators: 200, provinces: 34, units: 700, months: 72 };
const db = await openBenchStore(
  'postgres',
  scale,
  process.env.BAOCAO_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test',
);
if (args.jit) await sql.raw(`set jit = ${args.jit}`).execute(db.k);
const periods = ['2025M01', '2025M02'];
await cleanPeriods(db, periods);
const lines = ['indicator,unit,period,value,status'];
for (let i = 1; i <= Number(args.indicators); i++)
  for (let u = 1; u <= scale.units; u++)
    for (const p of periods)
      lines.push(`${code('BENCH.I', i, 3)},${code('BE', u, 3)},${p},${(i * 31 + u * 7) % 9973}.5,official`);
// The worker takes a file's bytes over: each read gets its own copy.
const csvOf = () => Buffer.from(lines.join('\n') + '\n');
const [t, r] = await time(() => importValues(systemCtx(db), { data: csvOf(), filename: 'bench.csv' }));
console.log(`ours: ${r.inserted} rows in ${t.toFixed(0)} ms`);
await cleanPeriods(db, periods);
await db.close();

// The phases of submitValues, apart.
{
  const { readValueFile } = await import('../packages/core/src/imports/parse-off-thread.ts');
  const { loadValidationContext } = await import('../packages/core/src/values/values.ts');
  const { validateValueRows } = await import('../packages/core/src/values/validate.ts');
  const { upsertValues, upsertLocalValues } = await import('../packages/core/src/values/values.queries.ts');
  const { cumulativeWarnings } = await import('../packages/core/src/values/consistency.ts');
  const db2 = await openBenchStore(
    'postgres',
    scale,
    process.env.BAOCAO_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test',
  );
  const ctx = systemCtx(db2);
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    console.log(`${name}: ${(t - t0).toFixed(0)} ms`);
    t0 = t;
  };
  const rows = await readValueFile(csvOf(), 'bench.csv');
  lap('parse');
  const vc = await loadValidationContext(ctx, rows);
  lap('validation context');
  const { valid } = await validateValueRows(ctx, vc, rows);
  lap('validate');
  const { importRuleVerdicts } = await import('../packages/core/src/quality/rule-import.ts');
  await importRuleVerdicts(
    ctx,
    vc.graph,
    valid,
    (i) => i + 2,
    new Map([...vc.indicators.values()].map((x) => [x.id, x.code])),
  );
  lap('rule verdicts');
  await db2.k.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    for (let i = 0; i < valid.length; i += 20_000) {
      const rows = valid.slice(i, i + 20_000);
      const meta = { actor: 'bench', source: 'bench', reason: null };
      if (args.local) await upsertLocalValues(trx, rows, meta, vc.stamp ?? '');
      else await upsertValues(trx, rows, meta);
      lap(`upsert chunk ${i / 20_000}`);
    }
    await cumulativeWarnings(trx, vc, valid);
    lap('cumulative warnings');
  });
  lap('commit');
  await cleanPeriods(db2, periods);
  await db2.close();
}
