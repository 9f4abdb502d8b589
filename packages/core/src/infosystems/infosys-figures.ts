import type { Ctx } from '../context.ts';
import { requireNationalRead } from '../feeds/feed-values.ts';
import { calendarDates, parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import type { InfosystemFigures } from './infosys-schemas.ts';
import { type Tally, emptyTally, tallyOn } from './infosys-state.ts';
import { loadApprovedRecords } from './infosys-values.ts';
import { countPending } from './infosystems.queries.ts';

/** How the briefings group owners: ministries and their agencies, provinces, enterprises, others. */
export const OWNER_KIND: Record<string, string> = {
  ministry: 'bo_nganh',
  department: 'bo_nganh',
  province: 'dia_phuong',
  enterprise: 'doanh_nghiep',
  other: 'khac',
  country: 'khac',
};

const pct = (n: number, d: number) => (d ? (100 * n) / d : null);

function merge(into: Tally, t: Tally): void {
  into.total += t.total;
  into.approved += t.approved;
  into.deployed += t.deployed;
  t.byLevel.forEach((n, i) => (into.byLevel[i]! += n));
}

/**
 * The registry's state at the last day of `period`: the approved records in service that day,
 * nationally, by level, by owner kind and by owner (a province merged on 1 July 2025 counted under
 * the new one from then), with how many provinces have declared. National figures: readers scoped
 * to one unit may not see them.
 */
export async function infosystemFigures(ctx: Ctx, input: { period: string }): Promise<InfosystemFigures> {
  await requireNationalRead(ctx);
  const p = parsePeriod(input.period);
  const at = calendarDates(p).end;
  const graph = await loadUnitGraph(ctx.db.k);
  const records = await loadApprovedRecords(ctx, graph);
  const byUnit = tallyOn(graph, records, at);
  const total = emptyTally();
  const kinds = new Map<string, Tally>();
  const byOwner: InfosystemFigures['byOwner'] = [];
  for (const [unitId, t] of byUnit) {
    const u = graph.byId.get(unitId)!;
    merge(total, t);
    const kind = OWNER_KIND[u.kind] ?? 'khac';
    const k = kinds.get(kind) ?? emptyTally();
    kinds.set(kind, k);
    merge(k, t);
    byOwner.push({ unit: u.code, unitName: u.nameVi, kind, ...t });
  }
  byOwner.sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit));
  const provinces = [...graph.byId.values()].filter(
    (u) => u.kind === 'province' && (!u.validFrom || u.validFrom <= at) && (!u.validTo || at <= u.validTo),
  );
  return {
    period: p.id,
    periodLabel: periodLabelVi(p),
    at,
    ...total,
    approvedPct: pct(total.approved, total.total),
    deployedPct: pct(total.deployed, total.total),
    byOwnerKind: [...kinds].map(([kind, t]) => ({ kind, ...t })).sort((a, b) => a.kind.localeCompare(b.kind)),
    byOwner,
    coverage: { expected: provinces.length, reported: provinces.filter((u) => byUnit.has(u.id)).length },
    pending: await countPending(ctx.db.k),
  };
}
