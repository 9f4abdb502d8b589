// npm run bench:outliers [-- --seed N --runs N]
// The outlier check (packages/core/src/quality/outliers.ts) over a synthetic history: the 34
// provinces (their 2025 populations) × 36 months, for a seasonal flow (revenue) and a growing stock
// (subscriptions), with growth, season and noise drawn per province. Errors of known kinds are
// planted; the months are checked in order as a reviewer would meet them (a caught error is
// corrected before it becomes history, a missed one stays). Prints how many planted errors of each
// kind are caught and the share of honest values flagged.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { findOutliers } from '../packages/core/src/quality/outliers.ts';
import type { Indicator } from '../packages/core/src/schemas.ts';

type IndicatorKind = Indicator['kind'];

const { values: args } = parseArgs({
  options: { seed: { type: 'string', default: '20251' }, runs: { type: 'string', default: '20' } },
});

type Kind = 'x1000' | 'cumulative' | 'transposition';
const MONTHS = 36;

/** mulberry32: reproducible draws. */
function rng(seed: number) {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return { u, normal, pick: <T>(xs: T[]) => xs[Math.floor(u() * xs.length)]! };
}

const populations: number[] = (
  parse(readFileSync(new URL('../packages/core/data/population-2025.csv', import.meta.url)), {
    columns: true,
  }) as { population: string }[]
).map((r) => Number(r.population));

/** Month-of-year factors of a revenue flow: Tết (January/February) low, year end high. */
const SEASON = [0.86, 0.8, 0.97, 0.98, 1.0, 1.0, 1.01, 1.02, 1.0, 1.03, 1.07, 1.26];

/** One honest history per province: `kind` flow (revenue, billion VND) or stock (subscriptions). */
function honest(kind: IndicatorKind, r: ReturnType<typeof rng>): number[][] {
  return populations.map((pop) => {
    const level = kind === 'flow' ? 0.0004 : 0.85; // per inhabitant per month / per inhabitant
    let x = pop * level * Math.exp(0.4 * r.normal());
    const growth = (kind === 'flow' ? 0.09 : 0.05) + (kind === 'flow' ? 0.05 : 0.03) * r.normal(); // a year
    const amp = 0.7 + 0.6 * r.u(); // how seasonal this province is
    const out: number[] = [];
    for (let m = 0; m < MONTHS; m++) {
      x *= Math.exp(growth / 12 + (kind === 'flow' ? 0.01 : 0.004) * r.normal()); // drifting level
      const season = kind === 'flow' ? 1 + amp * (SEASON[m % 12]! - 1) : 1;
      const noise = Math.exp((kind === 'flow' ? 0.04 : 0.003) * r.normal());
      out.push(Math.max(1, Math.round(x * season * noise)));
    }
    return out;
  });
}

/** Two adjacent different digits swapped, at a random place (a typing slip). */
function transpose(v: number, r: ReturnType<typeof rng>): number {
  const d = String(v).split('');
  const places = d.map((_, i) => i).filter((i) => i + 1 < d.length && d[i] !== d[i + 1]);
  if (places.length === 0) return v;
  const i = r.pick(places);
  [d[i], d[i + 1]] = [d[i + 1]!, d[i]!];
  return Number(d.join(''));
}

interface Tally {
  planted: Record<Kind, number>;
  caught: Record<Kind, number>;
  honest: number;
  flagged: number;
  flaggedBy: Record<string, number>;
}

function runOnce(seed: number, kind: IndicatorKind, t: Tally) {
  const r = rng(seed);
  const truth = honest(kind, r);
  const firstChecked = kind === 'flow' ? 24 : 12; // 12 known changes before the first check
  // Errors planted in about 3% of the checked cells, never two in one province and month.
  const plant = new Map<string, Kind>();
  for (let p = 0; p < truth.length; p++) {
    for (let m = firstChecked; m < MONTHS; m++) {
      if (r.u() > 0.03) continue;
      const kinds: Kind[] =
        kind === 'flow' && m % 12 > 0 ? ['x1000', 'cumulative', 'transposition'] : ['x1000', 'transposition'];
      plant.set(`${p}|${m}`, r.pick(kinds));
    }
  }
  const stored = truth.map((s) => [...s]);
  const entered = (p: number, m: number): number => {
    const k = plant.get(`${p}|${m}`);
    const v = truth[p]![m]!;
    if (k === 'x1000') return v * 1000;
    if (k === 'cumulative') return truth[p]!.slice(m - (m % 12), m + 1).reduce((a, b) => a + b, 0);
    if (k === 'transposition') return transpose(v, r);
    return v;
  };
  for (let m = firstChecked; m < MONTHS; m++) {
    const month = truth.map((_, p) => entered(p, m));
    for (let p = 0; p < truth.length; p++) {
      const value = month[p]!;
      const findings = findOutliers({
        indicator: { code: kind === 'flow' ? 'X.DOANH_THU' : 'X.THUE_BAO', kind, precision: 0 },
        unitName: `P${p}`,
        value,
        history: stored[p]!.slice(Math.max(0, m - 48), m),
        referenceLabel: '',
        size: populations[p]!,
        peers: month.map((v, q) => ({ value: v, size: populations[q]! })).filter((_, q) => q !== p),
      });
      const k = plant.get(`${p}|${m}`);
      const real = k && value !== truth[p]![m]; // a transposition of equal digits changes nothing
      if (real) {
        t.planted[k]++;
        if (findings.length > 0) t.caught[k]++;
      } else {
        t.honest++;
        if (findings.length > 0) t.flagged++;
        for (const f of findings) t.flaggedBy[f.code] = (t.flaggedBy[f.code] ?? 0) + 1;
      }
      // A caught error is corrected before approval; a missed one becomes history.
      stored[p]![m] = real && findings.length === 0 ? value : truth[p]![m]!;
    }
  }
}

const runs = Number(args.runs);
const zero = () => ({ x1000: 0, cumulative: 0, transposition: 0 });
const rows: string[] = [];
for (const kind of ['flow', 'stock'] as const) {
  const t: Tally = { planted: zero(), caught: zero(), honest: 0, flagged: 0, flaggedBy: {} };
  for (let i = 0; i < runs; i++) runOnce(Number(args.seed) + i * 7919, kind, t);
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
  for (const k of ['x1000', 'cumulative', 'transposition'] as const) {
    if (t.planted[k] > 0)
      rows.push(`| ${kind} | ${k} | ${t.planted[k]} | ${t.caught[k]} | ${pct(t.caught[k], t.planted[k])} |`);
  }
  const by = Object.entries(t.flaggedBy)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  rows.push(
    `| ${kind} | honest values flagged | ${t.honest} | ${t.flagged} | ${pct(t.flagged, t.honest)} (${by || 'none'}) |`,
  );
}
console.log(`34 provinces × ${MONTHS} months, ${runs} runs from seed ${args.seed}\n`);
console.log('| indicator | planted kind | values | flagged | share |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
