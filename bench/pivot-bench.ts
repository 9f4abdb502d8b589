// (a) the pivot through core against a plain GROUP BY and the sums read alone; (a′) the same pivot
// with a million rollup changes pending, and how fast compaction folds them.
import { type Database, compactRollups, loadCells, pivotValues, systemCtx } from '@baocao/core';
import { sql } from 'kysely';
import { code } from './instance.ts';
import { interleaved, median, time } from './measure.ts';

/** The pivot every measure here shares: 20 indicators × 12 months of 2024 × the provinces. */
export interface PivotSpec {
  indicators: string[];
  units: string[];
  periods: string[];
  indicatorIds: number[];
  unitIds: number[];
}

export async function pivotSpec(db: Database, provinces: number): Promise<PivotSpec> {
  const indicators = Array.from({ length: 20 }, (_, i) => code('BENCH.I', i + 1, 3));
  const units = Array.from({ length: provinces }, (_, i) => code('BP', i + 1, 2));
  const periods = Array.from({ length: 12 }, (_, i) => `2024M${String(i + 1).padStart(2, '0')}`);
  const ids = await db.k.selectFrom('indicator').select('id').where('code', 'in', indicators).execute();
  const unitIds = await db.k.selectFrom('org_unit').select('id').where('code', 'in', units).execute();
  return {
    indicators,
    units,
    periods,
    indicatorIds: ids.map((i) => i.id),
    unitIds: unitIds.map((u) => u.id),
  };
}

/** The plain GROUP BY over the raw values that the pivot's province totals replace. */
export const groupBy = (db: Database, s: PivotSpec) =>
  sql<{ total: string }>`
    select d.indicator_id, a.ancestor_id, d.period, sum(d.value) as total
    from data_value d join unit_ancestor a on a.unit_id = d.unit_id and a.depth = 1
    where d.indicator_id = any(${s.indicatorIds}::int[]) and d.period = any(${s.periods}::text[])
      and a.ancestor_id = any(${s.unitIds}::int[])
    group by 1, 2, 3`.execute(db.k);

const ours = (db: Database, s: PivotSpec) =>
  pivotValues(systemCtx(db), { indicators: s.indicators, units: s.units, periods: s.periods });

/** Checks the pivot against the GROUP BY (same cells, same total) and returns its total. */
async function checkedTotal(db: Database, s: PivotSpec): Promise<number> {
  const [a, b] = [await ours(db, s), (await groupBy(db, s)).rows];
  const sumOurs = a.reduce((t, c) => t + (c.value ?? 0), 0);
  const sumBase = b.reduce((t, r) => t + Number(r.total), 0);
  const cells = s.indicators.length * s.units.length * s.periods.length;
  if (a.length !== cells || Math.abs(sumOurs - sumBase) > 1e-6 * Math.abs(sumBase))
    throw new Error(
      `pivot mismatch: ours ${a.length} cells sum ${sumOurs}, baseline ${b.length} rows sum ${sumBase}`,
    );
  return sumOurs;
}

export interface PivotResult {
  cells: number;
  tOurs: number;
  tBase: number;
  /** The sums alone (rollups, pending changes and values of the same cells), as the pivot reads them. */
  tSums: number;
  ratio: number;
}

export async function pivotBench(db: Database, s: PivotSpec): Promise<PivotResult> {
  await checkedTotal(db, s);
  const sums = () => loadCells(db.k, s.indicatorIds, s.unitIds, s.periods);
  const t = await interleaved(7, [() => ours(db, s), () => groupBy(db, s), sums]);
  const [tOurs, tBase, tSums] = [t[0]!, t[1]!, t[2]!];
  return {
    cells: s.indicators.length * s.units.length * s.periods.length,
    tOurs,
    tBase,
    tSums,
    ratio: tBase / tOurs,
  };
}

export interface PendingResult {
  /** Changes written while compaction was held off. */
  pending: number;
  /** Rows they left in `rollup_delta` (what a reader sums): cells × writer slots used. */
  rows: number;
  writers: number;
  tPending: number;
  tCompacted: number;
  tCompact: number;
  /** Pending rows folded per second by one compaction (its vacuum included). */
  foldRate: number;
}

/**
 * About a million changes on the pivot's cells (pairs that cancel, so every answer stays the same),
 * written the way writers write them: each transaction leases the lowest free writer slot (the
 * expression of values.queries.ts) and adds one change to every cell of the pivot in that slot.
 * `writers` transactions are open at once in every round (the worst case for the slots: each holds
 * its own), and commit together, like a burst of imports. Times the pivot with them pending, folds
 * them (timed), and times the pivot again. Leaves the store as it found it.
 */
export async function pendingBench(db: Database, s: PivotSpec, writers: number): Promise<PendingResult> {
  const total = await checkedTotal(db, s);
  const cells = s.indicatorIds.length * s.unitIds.length * s.periods.length;
  const rounds = 2 * Math.ceil(1_008_000 / (2 * cells * writers));
  await compactRollups(db.k);
  const change = (trx: Database['k'], g: number) =>
    sql`
      insert into rollup_delta (indicator_id, unit_id, period, slot, total, n, n_estimate, n_reporters)
      select i, u, p, (select s from generate_series(0, 4095) s where pg_try_advisory_xact_lock(7482003, s) limit 1),
             ${g % 2 === 0 ? 7.5 : -7.5}, 0, 0, 0
      from unnest(${s.indicatorIds}::int[]) i, unnest(${s.unitIds}::int[]) u, unnest(${s.periods}::text[]) p
      on conflict (indicator_id, unit_id, period, slot) do update set
        total = rollup_delta.total + excluded.total, n = rollup_delta.n + excluded.n,
        n_estimate = rollup_delta.n_estimate + excluded.n_estimate,
        n_reporters = rollup_delta.n_reporters + excluded.n_reporters`.execute(trx);
  for (let g = 0; g < rounds; g++) {
    // Every writer of the round holds its slot until all have written.
    let arrived = 0;
    let release = () => undefined as void;
    const all = new Promise<void>((r) => (release = r));
    await Promise.all(
      Array.from({ length: writers }, () =>
        db.k.transaction().execute(async (trx) => {
          await change(trx, g);
          if (++arrived === writers) release();
          await all;
        }),
      ),
    );
  }
  if (db.engine === 'postgres') await sql`analyze rollup_delta`.execute(db.k);
  const rows = (await sql<{ n: number }>`select count(*)::int as n from rollup_delta`.execute(db.k)).rows[0]!
    .n;
  const pending = cells * rounds * writers;
  if (Math.abs((await checkedTotal(db, s)) - total) > 1e-6 * Math.abs(total))
    throw new Error('pending changes altered the pivot');
  const tPending = await median(5, () => ours(db, s));
  const [tCompact, folded] = await time(() => compactRollups(db.k));
  if (folded < rows) throw new Error(`compaction folded ${folded} of ${rows} pending rows`);
  const tCompacted = await median(5, () => ours(db, s));
  return { pending, rows, writers, tPending, tCompacted, tCompact, foldRate: folded / (tCompact / 1000) };
}
