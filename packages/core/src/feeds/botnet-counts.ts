import type { Ctx } from '../context.ts';
import { parsePeriod, periodFromMonths } from '../periods/period.ts';
import { deleteValueRows } from '../values/values.queries.ts';
import { unionAll } from './addr-sets.ts';
import type { BotnetCounts } from './feed-schemas.ts';
import { requireNationalRead, spansOf, writeComputedValues } from './feed-values.ts';
import {
  type AddressSets,
  computedProvinceValues,
  loadPrefixes,
  loadSets,
  storedMonths,
} from './feeds.queries.ts';
import { type PrefixRow, placeAddresses } from './prefix-index.ts';

const INDICATOR = 'ATTT.IP_BOTNET';

/** Distinct addresses of months [first, last] among loaded sets, placed by the prefix table. */
function distinctOver(sets: AddressSets, first: number, last: number, prefixes: PrefixRow[]) {
  const within = <T>(m: Map<number, T>) =>
    [...m].filter(([month]) => month >= first && month <= last).map(([, v]) => v);
  const v4 = unionAll(within(sets.v4));
  const v6 = [...new Set(within(sets.v6).flat())];
  return { national: v4.length + v6.length, ...placeAddresses(prefixes, v4, v6) };
}

/** Addresses per province or operator (non-zero only), from the per-prefix counts. */
function tally(
  prefixes: PrefixRow[],
  perRow: number[],
  key: 'province_code' | 'operator',
): Map<string, number> {
  const m = new Map<string, number>();
  prefixes.forEach((r, i) => {
    const k = r[key];
    if (k && perRow[i]) m.set(k, (m.get(k) ?? 0) + perRow[i]!);
  });
  return m;
}

/** ATTT.IP_BOTNET for each span (distinct addresses, never a sum of months): nationally and per province. */
export function botnetSpanCounts(
  spans: { first: number; last: number }[],
  sets: AddressSets,
  prefixes: PrefixRow[],
): { first: number; last: number; unit: string; value: number }[] {
  return spans.flatMap((s) => {
    const d = distinctOver(sets, s.first, s.last, prefixes);
    const byProvince = [...tally(prefixes, d.perRow, 'province_code')].map(([unit, value]) => ({
      ...s,
      unit,
      value,
    }));
    return [{ ...s, unit: 'VN', value: d.national }, ...byProvince];
  });
}

/** Distinct infected addresses of any period: nationally, by province and by network operator. */
export async function botnetCounts(ctx: Ctx, input: { period: string }): Promise<BotnetCounts> {
  await requireNationalRead(ctx);
  const p = parsePeriod(input.period);
  const prefixes = await loadPrefixes(ctx.db.k);
  const d = distinctOver(await loadSets(ctx.db.k, p.first, p.last), p.first, p.last, prefixes);
  const sum = (key: 'province_code' | 'operator') =>
    [...tally(prefixes, d.perRow, key)]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return {
    period: p.id,
    national: d.national,
    byProvince: sum('province_code'),
    byOperator: sum('operator'),
    unmapped: d.unmapped,
  };
}

/**
 * Recomputes ATTT.IP_BOTNET from the stored address sets and the current prefix table, for every
 * month that has addresses and its quarter and year, one year at a time (bounded memory). Province
 * values a feed computed earlier that the table no longer supports are deleted, audited; values
 * entered by people are left alone. Runs inside the caller's transaction (`ctx.db.k`).
 */
export async function recomputeBotnetValues(
  ctx: Ctx,
  source: string,
): Promise<{ written: number; removed: number }> {
  const byYear = new Map<number, number[]>();
  for (const m of await storedMonths(ctx.db.k)) {
    const year = Math.floor(m / 12);
    byYear.set(year, (byYear.get(year) ?? []).concat(m));
  }
  const prefixes = await loadPrefixes(ctx.db.k);
  let written = 0;
  let removed = 0;
  for (const [year, months] of byYear) {
    const spans = spansOf(months);
    const sets = await loadSets(ctx.db.k, year * 12, year * 12 + 11, true);
    const counts = botnetSpanCounts(spans, sets, prefixes);
    written += await writeComputedValues(ctx, INDICATOR, counts, source);
    const kept = new Set(counts.map((c) => `${c.unit}|${periodFromMonths(c.first, c.last).id}`));
    const periods = spans.map((s) => periodFromMonths(s.first, s.last).id);
    const stale = (await computedProvinceValues(ctx.db.k, INDICATOR, periods)).filter(
      (v) => !kept.has(`${v.code}|${v.period}`),
    );
    if (stale.length)
      removed += await deleteValueRows(ctx.db.k, stale, {
        actor: ctx.actor.username,
        reason: `${source}: no address of this province in the prefix table`,
      });
  }
  return { written, removed };
}
