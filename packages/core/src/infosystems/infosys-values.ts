import type { Ctx } from '../context.ts';
import { INFOSYS, SECURITY_LEVELS } from '../catalog/registry-indicators.ts';
import { calendarDates, monthIndexOfDate, parsePeriod, periodFromMonths } from '../periods/period.ts';
import { loadUnitGraph, unitCovers, type UnitGraph } from '../units/unit-graph.ts';
import type { RawValueRow } from '../values/validate.ts';
import { validateValueRows } from '../values/validate.ts';
import { loadValidationContext, rejectRows, storeValidRows } from '../values/values.ts';
import { deleteValueRows } from '../values/values.queries.ts';
import { isPeriodWritable, loadClosedSpans } from '../periods/period-rule.ts';
import type { Unit } from '../schemas.ts';
import { InfosystemInput, type InfosystemData } from './infosys-schemas.ts';
import { type Tally, tallyOn } from './infosys-state.ts';
import { selectApprovedData, selectComputedValueKeys } from './infosystems.queries.ts';

/** The `source` of every value the registry writes: how its own values are told from typed ones. */
export const INFOSYS_SOURCE = 'registry:infosystems';
/** How far back the registry's monthly values are kept computed. */
const MAX_MONTHS = 120;

const COUNT_CODES = [
  INFOSYS.total,
  ...SECURITY_LEVELS.map(INFOSYS.level),
  INFOSYS.approved,
  INFOSYS.deployed,
];

/** The approved records with their owners (what every figure counts). */
export async function loadApprovedRecords(
  ctx: Ctx,
  graph: UnitGraph,
): Promise<{ owner: Unit; data: InfosystemData }[]> {
  return (await selectApprovedData(ctx.db.k)).flatMap((r) => {
    const owner = graph.byId.get(r.owner_unit_id);
    const parsed = InfosystemInput.safeParse(r.data);
    return owner && parsed.success ? [{ owner, data: parsed.data }] : [];
  });
}

/** The months whose end-state is computed: from the first dated event to the current month, at most ten years. */
function monthsToCompute(records: { data: InfosystemData }[], today: string): number[] {
  const now = monthIndexOfDate(today);
  const dates = records.flatMap((r) =>
    [r.data.inServiceFrom, r.data.decisionDate, r.data.deployedOn, r.data.retiredOn].filter(
      (d): d is string => !!d,
    ),
  );
  if (!records.length) return [];
  const first = Math.max(now - MAX_MONTHS + 1, Math.min(now, ...dates.map(monthIndexOfDate)));
  return Array.from({ length: now - first + 1 }, (_, i) => first + i);
}

const tallyValues = (t: Tally): [string, number][] => [
  [INFOSYS.total, t.total],
  ...SECURITY_LEVELS.map((n): [string, number] => [INFOSYS.level(n), t.byLevel[n - 1]!]),
  [INFOSYS.approved, t.approved],
  [INFOSYS.deployed, t.deployed],
];

/**
 * Recomputes the registry's indicators from the approved records: for every month from the first
 * dated event to now, each declaring unit's state at the month's end, written as that unit's value
 * (official, source {@link INFOSYS_SOURCE}) through the validated, audited value path; quarters and
 * years are the stock's last month. Closed periods keep what was published. Values computed earlier
 * that no record supports any more are deleted, audited. Runs inside the caller's transaction
 * (`ctx.db.k`); the caller has checked access.
 */
export async function recomputeInfosystemValues(
  ctx: Ctx,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ written: number; removed: number }> {
  const graph = await loadUnitGraph(ctx.db.k);
  const records = await loadApprovedRecords(ctx, graph);
  const closed = await loadClosedSpans(ctx.db.k);
  const rows: RawValueRow[] = [];
  for (const m of monthsToCompute(records, today)) {
    const p = periodFromMonths(m, m);
    if (!isPeriodWritable(closed, p)) continue;
    for (const [unitId, t] of tallyOn(graph, records, calendarDates(p).end)) {
      const unit = graph.byId.get(unitId)!;
      if (!unitCovers(unit, p)) continue;
      for (const [indicator, value] of tallyValues(t))
        rows.push({
          row: rows.length + 1,
          indicator,
          unit: unit.code,
          period: p.id,
          value,
          status: 'official',
        });
    }
  }
  let written = 0;
  if (rows.length) {
    const vc = await loadValidationContext(ctx, rows);
    const { valid, errors } = await validateValueRows(ctx, vc, rows);
    if (errors.total) rejectRows(errors);
    const r = await storeValidRows(ctx, vc, valid, {
      actor: ctx.actor.username,
      source: INFOSYS_SOURCE,
      reason: 'computed from the registry of information systems',
    });
    written = r.inserted + r.updated;
  }
  const kept = new Set(rows.map((r) => `${r.indicator}|${r.unit}|${r.period}`));
  const codeOf = (id: number) => graph.byId.get(id)?.code;
  const stale = (await selectComputedValueKeys(ctx.db.k, COUNT_CODES, INFOSYS_SOURCE)).filter(
    (v) =>
      !kept.has(`${v.code}|${codeOf(v.unitId)}|${v.period}`) &&
      isPeriodWritable(closed, parsePeriod(v.period)),
  );
  const removed = stale.length
    ? await deleteValueRows(ctx.db.k, stale, {
        actor: ctx.actor.username,
        reason: 'registry of information systems: no record supports this value any more',
      })
    : 0;
  return { written, removed };
}
