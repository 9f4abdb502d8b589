// Profiling helper (not part of npm run bench): builds (or reuses) a bench instance and runs the
// pivot many times, printing the time of each phase. Run under `node --cpu-prof` to see where the
// client's time goes.  node --import tsx bench/profile-pivot.ts --engine postgres --small --runs 50
import { parseArgs } from 'node:util';
import { loadCells, pivotValues, systemCtx } from '@baocao/core';
import { buildInstance, openBenchStore } from './instance.ts';
import { groupBy, pivotSpec } from './pivot-bench.ts';
import { median } from './measure.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    small: { type: 'boolean', default: false },
    runs: { type: 'string', default: '30' },
  },
});
const scale = args.small
  ? { indicators: 20, provinces: 34, units: 70, months: 72 }
  : { indicators: 200, provinces: 34, units: 700, months: 72 };
const engine = args.engine === 'pglite' ? 'pglite' : 'postgres';
const db = await openBenchStore(
  engine,
  scale,
  process.env.BAOCAO_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test',
);
await buildInstance(db, scale, (s) => console.error(s));
const s = await pivotSpec(db, scale.provinces);
const ctx = systemCtx(db);
const runs = Number(args.runs);
const pivot = () => pivotValues(ctx, { indicators: s.indicators, units: s.units, periods: s.periods });
console.log('pivot', (await median(runs, pivot)).toFixed(1), 'ms');
console.log(
  'sums (loadCells)',
  (await median(runs, () => loadCells(db.k, s.indicatorIds, s.unitIds, s.periods))).toFixed(1),
  'ms',
);
console.log('group by', (await median(Math.min(runs, 7), () => groupBy(db, s))).toFixed(1), 'ms');
// The phases of the pivot, apart.
const { loadResolveEnv } = await import('../packages/core/src/compare/env.ts');
const { resolveFigure } = await import('../packages/core/src/compare/resolve.ts');
const { parsePeriod } = await import('../packages/core/src/periods/period.ts');
const { loadUnitGraph } = await import('../packages/core/src/units/unit-graph.ts');
const { listIndicators } = await import('../packages/core/src/catalog/indicators.ts');
const graph = await loadUnitGraph(db.k);
const byCode = new Map((await listIndicators(ctx)).map((i) => [i.code, i]));
const inds = s.indicators.map((c) => byCode.get(c)!);
const units = s.units.map((c) => graph.byCode.get(c)!);
const periods = s.periods.map(parsePeriod);
console.log(
  'loadResolveEnv',
  (await median(runs, () => loadResolveEnv(db.k, graph, byCode, { inds, units, periods }))).toFixed(1),
  'ms',
);
const env = await loadResolveEnv(db.k, graph, byCode, { inds, units, periods });
const loop = async () => {
  for (const ind of inds) for (const u of units) for (const p of periods) resolveFigure(env, ind, u, p);
};
{
  const ts: number[] = [];
  for (let i = 0; i < 200; i++)
    ts.push((await import('./measure.ts')).time(loop).then(([t]) => t) as unknown as number);
  const all = (await Promise.all(ts)).sort((a, b) => a - b);
  console.log('resolveFigure x cells: min', all[0]!.toFixed(1), 'ms, median', all[100]!.toFixed(1), 'ms');
}
console.log(
  'resolveFigure x cells',
  (
    await median(runs, async () => {
      for (const ind of inds) for (const u of units) for (const p of periods) resolveFigure(env, ind, u, p);
    })
  ).toFixed(1),
  'ms',
);
{
  const { planResolve } = await import('../packages/core/src/compare/env.ts');
  const parts: Record<string, number[]> = {};
  const lap = (name: string, t0: number) => (
    (parts[name] ??= []).push(performance.now() - t0),
    performance.now()
  );
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    await Promise.all([listIndicators(ctx), loadUnitGraph(db.k)]);
    t = lap('catalog and graph (2 stamp reads)', t);
    const plan = planResolve(graph, byCode, { inds, units, periods });
    t = lap('plan', t);
    await loadCells(db.k, plan.indicatorIds, plan.unitIds, plan.periods);
    t = lap('loadCells', t);
    const out = [];
    for (const ind of inds)
      for (const u of units)
        for (const p of periods) {
          const r = resolveFigure(env, ind, u, p);
          out.push({
            indicator: ind.code,
            unit: u.code,
            period: p.id,
            value: r?.value ?? null,
            status: r?.status ?? null,
            source: r?.source ?? null,
            ...(r?.status === 'partial' ? { coverage: r.coverage } : {}),
            ...(r?.derived ? { derived: true } : {}),
          });
        }
    t = lap('resolve and cells out', t);
  }
  for (const [k, v] of Object.entries(parts))
    console.log(
      k,
      'min',
      v.sort((a, b) => a - b)[0]!.toFixed(1),
      'median',
      v[Math.floor(v.length / 2)]!.toFixed(1),
      'ms',
    );
}
await db.close();
