import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { loadValidationContext, rejectRows, storeValidRows } from '../values/values.ts';
import { validateValueRows } from '../values/validate.ts';
import { requireSecondPerson } from './four-eyes.ts';
import { lockValueCells, unlockValueCells } from '../values/value-locks.queries.ts';
import { loadPeriodWorld, periodFacts, periodNotOpen, reportingPeriodOf } from '../periods/period-state.ts';
import { type FormKey, type SubmissionBoard, draftOf } from './form-schemas.ts';
import { formIndicators, loadFormContext, reportingUnits, summarize, unitDueOn } from './form-context.ts';
import { notifyFormEvent } from '../notify/enqueue.ts';
import { getForm } from './forms.ts';
import { lockSubmission, selectSubmissions, writeSubmission } from './forms.queries.ts';
import { selectReportingPeriod } from '../periods/periods.queries.ts';
import { collectFlags } from '../quality/flags.ts';
import { requireAcknowledged } from '../quality/explanations.ts';
import { ACKNOWLEDGE_VI } from '../quality/flag-schemas.ts';

/** The board of one period: every unit that must report, with its form's status, lateness and counts. */
export async function submissionBoard(ctx: Ctx, input: { period: string }): Promise<SubmissionBoard> {
  requireAccess(ctx, 'value.read');
  const p = parsePeriod(input.period);
  const [graph, indicators, rp, subs, world] = await Promise.all([
    loadUnitGraph(ctx.db.k),
    listIndicators(ctx),
    selectReportingPeriod(ctx.db.k, p.id),
    selectSubmissions(ctx.db.k, { period: p.id }),
    loadPeriodWorld(ctx.db.k),
  ]);
  const byUnit = new Map(subs.map((s) => [s.unit_id, s]));
  const forms = rp
    ? reportingUnits(graph, indicators, p, ctx.actor.unitId).map((u) =>
        summarize(
          ctx.actor,
          graph,
          u,
          p,
          rp,
          periodFacts(world, p, rp.opened_early),
          byUnit.get(u.id),
          formIndicators(indicators, u).length,
        ),
      )
    : [];
  const counts: Record<string, number> = { late: forms.filter((f) => f.late).length };
  for (const f of forms) counts[f.status] = (counts[f.status] ?? 0) + 1;
  return {
    period: p.id,
    periodLabel: periodLabelVi(p),
    dueOn: rp?.due_on ?? null,
    reportingPeriod: rp ? reportingPeriodOf(ctx.actor, world, rp) : null,
    forms,
    counts,
  };
}

const wrongState = (want: string, have: string) =>
  new BaocaoError(
    'FORM_STATE',
    `Biểu mẫu đang ở trạng thái "${have}", không thể ${want}`,
    `The form is "${have}"; it cannot be ${want === 'duyệt' ? 'approved' : want === 'trả lại' ? 'returned' : 'unlocked'}`,
    { status: 409 },
  );

/** Shared steps of review actions: access on the unit, the row locked, its state checked. */
async function review(
  ctx: Ctx,
  key: FormKey,
  want: { from: string; verb: string; action: string; reason?: string | null },
  apply: (
    c: Ctx,
    sub: NonNullable<Awaited<ReturnType<typeof lockSubmission>>>,
    unitCode: string,
  ) => Promise<'approved' | 'returned'>,
) {
  const fc = await loadFormContext(ctx, key);
  requireAccess(ctx, 'form.review', { unitIds: [fc.unit.id], ancestorsOf: fc.graph.ancestorsOf });
  // Approving or returning changes what the unit may do in the period: only while it is open.
  if (want.action !== 'unlock' && !fc.period.open) throw periodNotOpen(fc.p, fc.period);
  await ctx.db.k.transaction().execute(async (trx) => {
    const sub = await lockSubmission(trx, fc.unit.id, fc.p.id);
    if (!sub || sub.status !== want.from) throw wrongState(want.verb, sub?.status ?? 'missing');
    const tctx = { ...ctx, db: { ...ctx.db, k: trx } };
    const status = await apply(tctx, sub, fc.unit.code);
    await writeSubmission(trx, {
      unit_id: fc.unit.id,
      period: fc.p.id,
      status,
      comment: want.reason ?? null,
      reviewed_at: new Date(),
      reviewed_by: ctx.actor.username,
      updated_by: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      entity: 'submission',
      key: `${fc.unit.code}/${fc.p.id}`,
      action: want.action,
      // Who submitted beside who acted: the audit shows both people of a review.
      new: { status, submittedBy: sub.submitted_by, reviewedBy: ctx.actor.username },
      reason: want.reason ?? null,
    });
    // The unit's reporters are told (returned with the comment, approved, unlocked), queued in this transaction.
    await notifyFormEvent(trx, ctx.actor, {
      ...want,
      unit: fc.unit,
      period: fc.p.id,
      dueOn: unitDueOn(fc.rp.due_on, fc.unit),
      comment: want.reason ?? null,
    });
  });
  return getForm(ctx, { unit: fc.unit.code, period: fc.p.id });
}

const needReason = (what: string, whatEn: string) =>
  new BaocaoError('REASON_REQUIRED', `Cần ghi ${what}`, `${whatEn} is required`, {
    details: [
      {
        field: 'comment',
        code: 'REASON_REQUIRED',
        message: `Cần ghi ${what}`,
        messageEn: `${whatEn} is required`,
      },
    ],
  });

/** Sends a submitted form back to its unit with the reviewer's comment (required). Audited. */
export async function returnForm(ctx: Ctx, input: FormKey & { comment: string }) {
  if (!input.comment?.trim()) throw needReason('nhận xét để đơn vị biết cần sửa gì', 'A comment');
  return review(
    ctx,
    input,
    { from: 'submitted', verb: 'trả lại', action: 'return', reason: input.comment.trim() },
    async () => 'returned',
  );
}

/**
 * Approves a submitted form: its values are validated again and written to the statistics (audited,
 * rolled up) in the same transaction as the status, and the form is locked. Every flagged value
 * (quality flags) must be in `acknowledge` — the reviewer's "Tôi đã kiểm tra giá trị bất thường" —
 * and the acknowledgement is audited with the reporter's explanations.
 */
export async function approveForm(ctx: Ctx, input: FormKey & { acknowledge?: string[] }) {
  return review(
    ctx,
    input,
    { from: 'submitted', verb: 'duyệt', action: 'approve' },
    async (tctx, sub, unit) => {
      requireAccess(tctx, 'value.write');
      requireSecondPerson(tctx.actor.username, sub.submitted_by);
      const draft = draftOf(sub.draft);
      const rows = draft.map((d, i) => ({ row: i + 1, ...d, unit, period: sub.period }));
      const vc = await loadValidationContext(tctx, rows);
      const { valid, errors } = await validateValueRows(tctx, vc, rows);
      if (errors.total > 0) rejectRows(errors);
      const unitRow = vc.graph.byCode.get(unit)!;
      const flags = await collectFlags(tctx, {
        unit: unitRow,
        period: parsePeriod(sub.period),
        values: new Map(draft.map((d) => [d.indicator, d.value])),
      });
      requireAcknowledged(flags, input.acknowledge ?? []);
      if (flags.length > 0)
        await writeAudit(tctx.db.k, tctx.actor, {
          entity: 'submission',
          key: `${unit}/${sub.period}`,
          action: 'acknowledge',
          new: flags.map((f) => ({
            indicator: f.indicator,
            flag: f.ref,
            explanation: draft.find((d) => d.indicator === f.indicator)?.explanation ?? null,
          })),
          reason: ACKNOWLEDGE_VI,
        });
      await storeValidRows(tctx, vc, valid, {
        actor: tctx.actor.username,
        source: `form:${unit}/${sub.period}`,
        reason: `duyệt biểu mẫu / form approved; gửi bởi / submitted by ${sub.submitted_by ?? '?'}, duyệt bởi / approved by ${tctx.actor.username}`,
      });
      // The approved values are locked for every writer until the form is unlocked.
      await lockValueCells(tctx.db.k, valid, {
        actor: tctx.actor.username,
        reason: `biểu mẫu ${unit}/${sub.period} đã duyệt / form approved`,
      });
      return 'approved';
    },
  );
}

/** Reopens an approved form for correction: an explicit act with a reason, audited; the unit sees it returned. */
export async function unlockForm(ctx: Ctx, input: FormKey & { reason: string }) {
  if (!input.reason?.trim()) throw needReason('lý do mở khóa', 'A reason to unlock');
  return review(
    ctx,
    input,
    { from: 'approved', verb: 'mở khóa', action: 'unlock', reason: input.reason.trim() },
    async (tctx, sub) => {
      await unlockValueCells(tctx.db.k, sub.unit_id, sub.period);
      return 'returned';
    },
  );
}

/** Records a reminder to every unit of the period that has not submitted; returns their codes. */
export async function remindUnits(ctx: Ctx, input: { period: string }): Promise<string[]> {
  requireAccess(ctx, 'form.review');
  const board = await submissionBoard(ctx, input);
  const due = board.forms.filter(
    (f) => f.status === 'missing' || f.status === 'draft' || f.status === 'returned',
  );
  const graph = await loadUnitGraph(ctx.db.k);
  await ctx.db.k.transaction().execute(async (trx) => {
    for (const f of due) {
      const unit = graph.byCode.get(f.unit);
      if (!unit) continue;
      const sub = await lockSubmission(trx, unit.id, board.period);
      await writeSubmission(trx, {
        unit_id: unit.id,
        period: board.period,
        status: sub?.status ?? 'draft',
        reminded_at: new Date(),
        updated_by: sub?.updated_by ?? ctx.actor.username,
      });
    }
    await writeAudit(trx, ctx.actor, {
      entity: 'submission',
      key: board.period,
      action: 'remind',
      new: due.map((f) => f.unit),
    });
  });
  return due.map((f) => f.unit);
}
