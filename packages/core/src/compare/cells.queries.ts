import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { type Period, parsePeriod } from '../periods/period.ts';
import type { ValueStatus } from '../schemas.ts';

/** A stored number at (indicator, unit, period): a reported value or the rollup of the values below. */
export interface Cell {
  value: number;
  status: ValueStatus;
  derived: boolean;
  /** Values it is made of: 1 for a reported value, the count below for a rollup. */
  n: number;
  /** For a rollup: the units of the indicator's reporting kind below that reported (0 for a value). */
  reporters: number;
}

export interface Cells {
  direct: Map<string, Cell>;
  rollup: Map<string, Cell>;
}

/** The key of a cell: the same text the query starts each record with, so reading needs no rebuild. */
export const cellKey = (indicatorId: number, unitId: number, period: string) =>
  `${indicatorId},${unitId},${period}`;

/**
 * Fetches, in one round trip, the reported values and the rollups for every combination of the
 * given indicators, units and periods (primary-key lookups on both tables).
 */
export async function loadCells(
  db: Kysely<Schema>,
  indicatorIds: number[],
  unitIds: number[],
  periods: string[],
): Promise<Cells> {
  // Both tables are read through their primary key (indicator, unit, period). Indicators and units
  // are array conditions of the key; periods are one key range (the lowest to the highest asked,
  // compared as the database compares text) with the list itself as a filter: PostgreSQL 15 would
  // otherwise descend the index once per indicator × unit × period (8,160 descents for a pivot whose
  // province cells hold no value, ~40 times the time of one range per indicator and unit). Where
  // the periods asked are far apart, the range would read the values between them, so they are
  // probed one by one as before. The cells come back as one text per table
  // (`indicator,unit,period,value,estimate,derived-or-n` joined by ';'): PGlite decodes results
  // row by row in JavaScript, and splitting one string is several times faster.
  // The range's ends are values, not subqueries of the statement: the planner then knows how many
  // rows the range holds (with a subquery it guessed a few hundred for 65,000 pending rows and
  // sorted them on disk instead of hashing them in memory). The database finds the ends, since only
  // it knows how its collation orders the ids. The list itself is tested as `(… = any(…)) is true`:
  // a filter the planner cannot turn into index descents, checked against a hash of the list
  // (array_position compared every id in turn: a third of the time to scan 65,000 pending rows).
  const range = periodsAreDense(periods) ? await periodRange(db, periods) : null;
  const where = range
    ? sql`indicator_id = any(${indicatorIds}::int[]) and unit_id = any(${unitIds}::int[])
      and period between ${range.lo} and ${range.hi}
      and (period = any(${periods}::text[])) is true`
    : sql`indicator_id = any(${indicatorIds}::int[]) and unit_id = any(${unitIds}::int[])
      and period = any(${periods}::text[])`;
  // Two statements rather than one with two subqueries: PGlite runs them faster apart, and the
  // PostgreSQL pool runs them at once.
  // The rollups and their pending changes are read by one statement, so from one snapshot (a
  // compaction committing in between could otherwise count a change twice or not at all). Only the
  // pending rows are summed per cell (they are bounded by the writers that held a slot at once, see
  // values.queries.ts), then joined to the folded totals by a hash: summing the folded rows with
  // them (a union, then a group by) had the planner sort every cell of the pivot by its text key,
  // half of the statement's time with nothing pending (PGlite 36 → 19 ms, a server 31 → 21 ms,
  // on the bench's 8,160 cells). A full join, as a cell may have pending changes and no total yet.
  const [direct, rolled] = await Promise.all([
    sql<Texts>`
      select string_agg(concat_ws(',', indicator_id, unit_id, period), ';') as k,
             string_agg(concat_ws(',', value, (status = 'estimate')::int, derived::int), ',') as v
      from data_value where ${where}`.execute(db),
    // A rollup that no value stands under any more (every value below deleted) is no figure.
    sql<Texts>`
      select string_agg(concat_ws(',', indicator_id, unit_id, period), ';') as k,
             string_agg(concat_ws(',', total, ne, n, nr), ',') as v
      from (
        select indicator_id, unit_id, period,
               coalesce(r.total, 0) + coalesce(d.total, 0) as total, coalesce(r.n_estimate, 0) + coalesce(d.ne, 0) as ne,
               coalesce(r.n, 0) + coalesce(d.n, 0) as n, coalesce(r.n_reporters, 0) + coalesce(d.nr, 0) as nr
        from (select indicator_id, unit_id, period, total, n_estimate, n, n_reporters from rollup where ${where}) r
        full join (
          select indicator_id, unit_id, period, sum(total) as total, sum(n_estimate) as ne, sum(n) as n,
                 sum(n_reporters) as nr
          from rollup_delta where ${where}
          group by 1, 2, 3
        ) d using (indicator_id, unit_id, period)
      ) c
      where n > 0`.execute(db),
  ]);
  const cells: Cells = { direct: new Map(), rollup: new Map() };
  fill(cells.direct, direct.rows[0], false);
  fill(cells.rollup, rolled.rows[0], true);
  return cells;
}

type Range = { lo: string; hi: string } | null;
/** Ranges found per store and list of periods: a pivot asks for the same few lists again and again. */
const ranges = new WeakMap<Kysely<Schema>, Map<string, Range>>();
const RANGES_KEPT = 256;

/**
 * The lowest and highest of these period ids as the database orders text, asked of the database
 * once per list (one statement more costs PGlite, which runs it on this thread, a tenth of a pivot).
 */
async function periodRange(db: Kysely<Schema>, periods: string[]): Promise<Range> {
  let known = ranges.get(db);
  if (!known) ranges.set(db, (known = new Map()));
  const key = periods.join(',');
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const r = await sql<{ lo: string | null; hi: string | null }>`
    select min(p) as lo, max(p) as hi from unnest(${periods}::text[]) p`.execute(db);
  const { lo, hi } = r.rows[0] ?? {};
  const range = lo && hi ? { lo, hi } : null;
  if (known.size >= RANGES_KEPT) known.clear();
  known.set(key, range);
  return range;
}

/**
 * Whether the periods asked fill most of the span from the first to the last of them (a year's
 * months, a quarter and its months), so that one key range per indicator and unit reads little
 * beside them: at most about two stored periods per month of the span and per period asked.
 */
function periodsAreDense(periods: string[]): boolean {
  if (periods.length < 2) return false;
  let first = Infinity;
  let last = -Infinity;
  for (const id of periods) {
    let p: Period;
    try {
      p = parsePeriod(id);
    } catch {
      return false;
    }
    if (p.first < first) first = p.first;
    if (p.last > last) last = p.last;
  }
  return last - first + 1 <= 2 * new Set(periods).size;
}

/** The cells of one statement as two texts: their keys, and their numbers in the same order. */
interface Texts {
  /** `indicator,unit,period` of each cell (cellKey's text), joined by ';'. */
  k: string | null;
  /** Per cell `value,estimates,derived` (a value) or `total,estimates,n,reporters` (a rollup), joined by ','. */
  v: string | null;
}

/**
 * Reads the cells of `texts` (a later cell of a key replaces it). Two texts split by the engine in
 * one call each: the keys come out as cellKey writes them, and the numbers need no search for their
 * commas (taking each record apart field by field was a sixth of a pivot's time).
 */
function fill(into: Map<string, Cell>, texts: Texts | undefined, rollup: boolean): void {
  if (!texts?.k || !texts.v) return;
  const keys = texts.k.split(';');
  const numbers = texts.v.split(',');
  const width = rollup ? 4 : 3;
  for (let i = 0, j = 0; i < keys.length; i++, j += width) {
    const estimates = Number(numbers[j + 1]);
    into.set(keys[i]!, {
      value: Number(numbers[j]),
      status: estimates > 0 ? 'estimate' : 'official',
      derived: !rollup && numbers[j + 2] === '1',
      n: rollup ? Number(numbers[j + 2]) : 1,
      reporters: rollup ? Number(numbers[j + 3]) : 0,
    });
  }
}
