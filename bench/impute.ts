/**
 * How good is non-response imputation? Replays a synthetic history of 34 provinces (sizes as uneven
 * as Vietnam's, growth calibrated on the seed figures' published year-on-year rates, seasons and
 * noise) and, for each of its last 24 months, hides k = 1…5 random provinces, completes the national
 * figure with the method the store uses (`imputeMissing`, the same code), and compares it with the
 * truth — against the naive alternatives: the reporters' sum only, and each missing province's last
 * value carried forward. Then measures what imputing costs a read on the embedded store.
 *
 *   npm run bench:impute [-- --trials 200] [-- --no-timing]
 *
 * docs/IMPUTATION.md gives the method in words and the results of a run.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { STOCK_LOOKBACK, imputeMissing } from '../packages/core/src/compare/impute-method.ts';

const args = process.argv.slice(2);
const TRIALS = Number(args[args.indexOf('--trials') + 1] ?? 0) || 200;
const PROVINCES = 34;
const MONTHS = 36; // 12 months of history before the 24 replayed
const REPLAYED = 24;

/** A seeded generator (mulberry32), so that every run replays the same history. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

/** The seed figures' year-on-year rates (percent), by kind: what national growth looks like. */
function seedGrowth(): { flow: number[]; stock: number[] } {
  const out = { flow: [] as number[], stock: [] as number[] };
  const path = '/work/shared/data/seed-figures.csv';
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = readFileSync(new URL('../packages/core/data/seed-figures.csv', import.meta.url), 'utf8');
  }
  for (const line of text.trim().split('\n').slice(1)) {
    const f = line.split(',');
    const pct = Number(f[8]);
    if (f[5] !== 'same_period_last_year' || !Number.isFinite(pct) || f[8] === '') continue;
    (/stock/.test(line) ? out.stock : out.flow).push(pct);
  }
  return out;
}

/** Province sizes: heavy-tailed like Vietnam's (two cities far ahead, a long tail), shares summing to 1. */
function sizes(r: ReturnType<typeof rng>): number[] {
  const raw = Array.from({ length: PROVINCES }, (_, i) => (i < 2 ? 8 : 1) * Math.exp(0.8 * r.normal()));
  const total = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => x / total);
}

/** Season of a month (0 = January): Tết lowers January–February, the year's end is strong. */
const SEASON = [0.86, 0.8, 1.0, 0.98, 1.0, 1.01, 1.0, 1.02, 1.0, 1.03, 1.07, 1.23];

/**
 * A history: values[province][month]. Each province has its own growth around the national rate
 * (σ 6 points a year) and its own monthly noise (flows 4%, stocks 0.7%); stocks carry forward.
 */
function history(kind: 'flow' | 'stock', yoyPct: number, seed: number): number[][] {
  const r = rng(seed);
  const share = sizes(r);
  return share.map((s) => {
    const g = (1 + yoyPct / 100 + 0.06 * r.normal()) ** (1 / 12);
    const out: number[] = [];
    let level = s * 1_000_000;
    for (let t = 0; t < MONTHS; t++) {
      level *= g;
      if (kind === 'flow') out.push(level * SEASON[t % 12]! * (1 + 0.04 * r.normal()));
      else out.push(level * (1 + 0.007 * r.normal()));
    }
    return out;
  });
}

type Method = 'ratio' | 'reporters' | 'carried';

/** The national figure for month t with `hidden` provinces missing, by each method. */
function estimates(kind: 'flow' | 'stock', v: number[][], t: number, hidden: Set<number>) {
  const reporters = v.reduce((s, row, u) => s + (hidden.has(u) ? 0 : row[t]!), 0);
  const bases = (u: number) =>
    kind === 'flow'
      ? [v[u]![t - 12]!]
      : Array.from({ length: STOCK_LOOKBACK }, (_, i) => v[u]![t - 1 - i] ?? null);
  const { estimates: est } = imputeMissing(
    v.map((row, u) => ({ unit: String(u), current: hidden.has(u) ? null : row[t]!, bases: bases(u) })),
  );
  const carried = [...hidden].reduce((s, u) => s + v[u]![t - 1]!, 0);
  return {
    ratio: reporters + est.reduce((s, e) => s + e.value, 0),
    reporters,
    carried: reporters + carried,
  } satisfies Record<Method, number>;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)]! + (s[Math.ceil(i)]! - s[Math.floor(i)]!) * (i - Math.floor(i));
};

/** Errors (percent of the truth) of each method, for k hidden provinces, over all indicators and months. */
function replay(kind: 'flow' | 'stock', rates: number[], k: number) {
  const errors: Record<Method, number[]> = { ratio: [], reporters: [], carried: [] };
  const shares: number[] = [];
  rates.forEach((rate, n) => {
    const v = history(kind, rate, 1000 * n + (kind === 'flow' ? 1 : 2));
    const pick = rng(7919 * (n + 1) + k);
    for (let t = MONTHS - REPLAYED; t < MONTHS; t++) {
      const truth = v.reduce((s, row) => s + row[t]!, 0);
      for (let trial = 0; trial < TRIALS; trial++) {
        const hidden = new Set<number>();
        while (hidden.size < k) hidden.add(Math.floor(pick.next() * PROVINCES));
        const e = estimates(kind, v, t, hidden);
        for (const m of ['ratio', 'reporters', 'carried'] as const)
          errors[m].push((Math.abs(e[m] - truth) / truth) * 100);
        shares.push(([...hidden].reduce((s, u) => s + v[u]![t]!, 0) / truth) * 100);
      }
    }
  });
  return { errors, share: quantile(shares, 0.5) };
}

const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

function accuracy() {
  const seeds = seedGrowth();
  console.log(
    `Seed growth (year on year, %): flows ${seeds.flow.join(', ')}; stocks ${seeds.stock.join(', ')}`,
  );
  console.log(
    `${PROVINCES} provinces, the last ${REPLAYED} of ${MONTHS} months, ${TRIALS} random draws per month and k.\n`,
  );
  let goal = false;
  for (const kind of ['flow', 'stock'] as const) {
    const rates = kind === 'flow' ? seeds.flow : seeds.stock;
    console.log(`### ${kind === 'flow' ? 'Flows' : 'Stocks'} (${rates.length} indicators' growth)\n`);
    console.log(
      '| k missing | their median share | ratio imputation: median / p90 | reporters only: median / p90 | last value carried: median / p90 |',
    );
    console.log('|---|---|---|---|---|');
    for (let k = 1; k <= 5; k++) {
      const { errors, share } = replay(kind, rates, k);
      const cell = (m: Method) => `${f(quantile(errors[m], 0.5))}% / ${f(quantile(errors[m], 0.9))}%`;
      console.log(
        `| ${k}/34 | ${f(share)}% | ${cell('ratio')} | ${cell('reporters')} | ${cell('carried')} |`,
      );
      if (kind === 'flow' && k === 3) goal = quantile(errors.ratio, 0.5) < 1;
    }
    console.log('');
  }
  console.log(`Goal (flows, 3 of 34 imputed, median error under 1%): ${goal ? 'met' : 'NOT met'}\n`);
}

/**
 * What imputing costs a read: a national figure with 3 of 34 provinces missing (imputed at read)
 * against the same figure complete (nothing to impute), on an embedded store.
 */
async function timing() {
  const { systemCtx } = await import('../packages/core/src/context.ts');
  const { initStore } = await import('../packages/core/src/demo/init.ts');
  const { createTestDatabase } = await import('../packages/core/src/testing.ts');
  const { loadUnitGraph } = await import('../packages/core/src/units/unit-graph.ts');
  const { submitValues } = await import('../packages/core/src/values/values.ts');
  const { compareMany } = await import('../packages/core/src/compare/compare.ts');
  const db = await createTestDatabase();
  const ctx = systemCtx(db);
  await initStore(ctx);
  const provinces = [...(await loadUnitGraph(db.k)).byCode.values()]
    .filter((u) => u.kind === 'province' && !u.validTo)
    .map((u) => u.code);
  const rows = provinces.flatMap((unit, i) =>
    ['2025M09', '2026M09', '2026M08'].flatMap((period) =>
      ['VT.DOANH_THU', 'VT.THUE_BAO_DI_DONG'].flatMap((indicator) =>
        // 2026M09: three provinces missing for both indicators.
        period === '2026M09' && i < 3 ? [] : [{ indicator, unit, period, value: 1000 + i }],
      ),
    ),
  );
  await submitValues(ctx, { rows: rows.map((r, i) => ({ row: i + 1, ...r, status: 'official' })) });
  const ask = (period: string) =>
    ['VT.DOANH_THU', 'VT.THUE_BAO_DI_DONG'].map((indicator) => ({ indicator, unit: 'VN', period }));
  const time = async (period: string) => {
    for (let i = 0; i < 5; i++) await compareMany(ctx, ask(period));
    const ms: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await compareMany(ctx, ask(period));
      ms.push(performance.now() - t0);
    }
    return quantile(ms, 0.5);
  };
  const imputed = await time('2026M09');
  const complete = await time('2026M08');
  const check = await compareMany(ctx, ask('2026M09'));
  console.log(
    `Read cost (PGlite, 2 national figures): imputed ${imputed.toFixed(1)} ms, complete ${complete.toFixed(1)} ms (median of 40); statuses ${check.map((c) => c.status).join(', ')}`,
  );
  await db.close();
}

accuracy();
if (!args.includes('--no-timing')) await timing();
