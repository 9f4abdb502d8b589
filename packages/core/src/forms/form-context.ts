import { inScope } from '../access/access.ts';
import { formAbilities } from '../access/policy.ts';
import type { Actor, Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { type Period, parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { Indicator, Unit } from '../schemas.ts';
import { REGISTRY_COMPUTED } from '../catalog/registry-indicators.ts';
import { type UnitGraph, loadUnitGraph, unitCovers } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { type PeriodFacts, loadPeriodWorld, periodFacts, todayInVietnam } from '../periods/period-state.ts';
import type { FormStatus } from '../schemas.ts';
import { type FormSummary, draftOf, emptyCellsOf } from './form-schemas.ts';
import type { SubmissionRow } from './forms.queries.ts';
import { selectReportingPeriod } from '../periods/periods.queries.ts';

const CENTRAL: readonly Unit['kind'][] = ['country', 'ministry', 'department'];

/** The indicators a unit reports on its form: those of its kind; central units report the rest. */
export function formIndicators(indicators: Indicator[], unit: Unit): Indicator[] {
  const central = CENTRAL.includes(unit.kind);
  return indicators
    .filter((i) => !REGISTRY_COMPUTED.has(i.code))
    .filter((i) => (central ? i.reportingKind === null : i.reportingKind === unit.kind));
}

/** Units that fill forms in a period: those of a kind some indicator is reported by, alive then. */
export function reportingUnits(
  graph: UnitGraph,
  indicators: Indicator[],
  p: Period,
  within: number | null,
): Unit[] {
  const kinds = new Set(indicators.map((i) => i.reportingKind).filter((k) => k !== null));
  return [...graph.byId.values()]
    .filter((u) => kinds.has(u.kind) && unitCovers(u, p))
    .filter((u) => within === null || graph.ancestorsOf(u.id).includes(within))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The deadline of a unit's form: the reporting period's date for units (the 15th of the next month
 * under Thông tư 02/2023/TT-BTTTT); ministry departments report a day later (the 16th).
 */
export function unitDueOn(dueOn: string, unit: Unit): string {
  if (unit.kind !== 'department') return dueOn;
  const d = new Date(`${dueOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The summary line of one unit's form, from its submission row (absent when never started): its
 * state (status, closed and why, from the period's state) and what `actor` may do with it — the
 * one place a form's abilities are worked out; the form functions refuse by the same facts.
 */
export function summarize(
  actor: Actor,
  graph: UnitGraph,
  unit: Unit,
  p: Period,
  rp: { due_on: string },
  period: PeriodFacts,
  sub: SubmissionRow | undefined,
  required: number,
): FormSummary {
  const due = unitDueOn(rp.due_on, unit);
  const daysLeft = dayNumber(due) - dayNumber(todayInVietnam());
  const draft = draftOf(sub?.draft);
  const status: FormStatus = sub && (sub.status !== 'draft' || draft.length > 0) ? sub.status : 'missing';
  const closed = !period.open;
  const handedIn = status === 'submitted' || status === 'approved';
  const reviewed = status === 'approved' || status === 'returned';
  return {
    unit: unit.code,
    unitName: unit.nameVi,
    unitNameEn: unit.nameEn ?? unit.nameVi,
    period: p.id,
    periodLabel: periodLabelVi(p),
    dueOn: due,
    daysLeft,
    status,
    comment: status === 'returned' ? (sub?.comment ?? null) : null,
    submittedAt: iso(sub?.submitted_at ?? null),
    submittedBy: sub?.submitted_by ?? null,
    submittedByName: sub?.submitted_by_name ?? sub?.submitted_by ?? null,
    // A review is the form's state only until the unit sends it again: once resubmitted, the
    // earlier return is history (the audit keeps it), not "reviewed by … at …" on the new sending.
    reviewedAt: reviewed ? iso(sub?.reviewed_at ?? null) : null,
    reviewedBy: reviewed ? (sub?.reviewed_by ?? null) : null,
    reviewedByName: reviewed ? (sub?.reviewed_by_name ?? sub?.reviewed_by ?? null) : null,
    remindedAt: iso(sub?.reminded_at ?? null),
    late: daysLeft < 0 && !handedIn,
    handedIn,
    filled: draft.length,
    required,
    emptyCells: handedIn ? emptyCellsOf(sub?.empty_cells) : [],
    closed,
    closedBy: period.closedBy,
    abilities: formAbilities(actor.role, {
      status,
      closed,
      inScope: inScope(actor, unit.id, graph.ancestorsOf),
      ownSubmission: sub?.submitted_by === actor.username,
    }),
  };
}

/** What every form operation starts from: the unit, the period and its deadline, the catalog. */
export async function loadFormContext(ctx: Ctx, key: { unit: string; period: string }) {
  const graph = await loadUnitGraph(ctx.db.k);
  const unit = graph.byCode.get(key.unit.trim().toUpperCase());
  if (!unit) throw unknownUnit(key.unit);
  const p = parsePeriod(key.period);
  const rp = await selectReportingPeriod(ctx.db.k, p.id);
  if (!rp) {
    throw new BaocaoError(
      'FORM_NOT_OPEN',
      `Kỳ ${periodLabelVi(p)} chưa được mở để báo cáo; đề nghị cán bộ tổng hợp mở kỳ`,
      `Period ${p.id} is not open for reporting; ask a synthesis officer to open it`,
      { status: 409 },
    );
  }
  const [indicators, world] = await Promise.all([listIndicators(ctx), loadPeriodWorld(ctx.db.k)]);
  return {
    graph,
    unit,
    p,
    rp,
    /** The period's state (`periods/period-state.ts`): open, or closed and why. */
    period: periodFacts(world, p, rp.opened_early),
    indicators,
    form: formIndicators(indicators, unit),
  };
}
