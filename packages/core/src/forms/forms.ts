import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import { compareMany } from '../compare/compare.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, errorList } from '../errors.ts';
import { readValueFile } from '../imports/parse-off-thread.ts';
import { entersForOthers, isEditableStatus } from '../access/policy.ts';
import { loadPeriodWorld, periodFacts, periodNotOpen } from '../periods/period-state.ts';
import { formFileValues } from '../imports/form-file.ts';
import { parsePeriod } from '../periods/period.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { loadValidationContext, rejectRows } from '../values/values.ts';
import { validateValueRows } from '../values/validate.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { hardMax } from '../quality/bounds.ts';
import { loadCellBounds } from '../quality/ranges.ts';
import {
  type DraftValue,
  type EmptyCell,
  type Form,
  draftOf,
  type FormKey,
  FormSaveInput,
  type FormSummary,
} from './form-schemas.ts';
import { formIndicators, loadFormContext, reportingUnits, summarize } from './form-context.ts';
import { lockSubmission, selectSubmissions, writeSubmission } from './forms.queries.ts';
import { selectReportingPeriods } from '../periods/periods.queries.ts';
import { collectFlags } from '../quality/flags.ts';
import { refuseErrorFlags, requireSubmittable } from '../quality/explanations.ts';
import { flaggedInDraft, notifyFlaggedValues } from '../notify/flagged.ts';

const scopeOf = (fc: Awaited<ReturnType<typeof loadFormContext>>) => ({
  unitIds: [fc.unit.id],
  ancestorsOf: fc.graph.ancestorsOf,
});

/**
 * The forms the actor's unit (and the units below it) must fill, for every open period (a period
 * that has not ended is not offered unless an administrator opened it early).
 */
export async function listMyForms(ctx: Ctx): Promise<FormSummary[]> {
  requireAccess(ctx, 'form.write');
  if (ctx.actor.unitId === null) return [];
  const [graph, indicators, periods, world] = await Promise.all([
    loadUnitGraph(ctx.db.k),
    listIndicators(ctx),
    selectReportingPeriods(ctx.db.k),
    loadPeriodWorld(ctx.db.k),
  ]);
  const out: FormSummary[] = [];
  for (const rp of periods) {
    const p = parsePeriod(rp.period);
    const period = periodFacts(world, p, rp.opened_early);
    if (!period.open) continue;
    const subs = new Map((await selectSubmissions(ctx.db.k, { period: p.id })).map((s) => [s.unit_id, s]));
    for (const u of reportingUnits(graph, indicators, p, ctx.actor.unitId)) {
      out.push(
        summarize(ctx.actor, graph, u, p, rp, period, subs.get(u.id), formIndicators(indicators, u).length),
      );
    }
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.unit.localeCompare(b.unit));
}

/** One unit's form for a period: each indicator with the typed value, last period and last year. */
export async function getForm(ctx: Ctx, key: FormKey): Promise<Form> {
  const fc = await loadFormContext(ctx, key);
  requireAccess(ctx, 'value.read', scopeOf(fc));
  const [sub] = await selectSubmissions(ctx.db.k, { period: fc.p.id, unitId: fc.unit.id });
  const draft = new Map(draftOf(sub?.draft).map((d) => [d.indicator, d]));
  const [history, bounds] = await Promise.all([
    compareMany(
      ctx,
      fc.form.map((i) => ({ indicator: i.code, unit: fc.unit.code, period: fc.p.id })),
    ),
    loadCellBounds(ctx.db.k, fc.graph, [fc.unit.id]),
  ]);
  const shown = fc.form.map((i, n) => {
    const d = draft.get(i.code);
    return d ? d.value : sub ? null : history[n]!.value;
  });
  const flags = await collectFlags(ctx, {
    unit: fc.unit,
    period: fc.p,
    values: new Map(fc.form.flatMap((i, n) => (shown[n] === null ? [] : [[i.code, shown[n]!]]))),
  });
  const rows = fc.form.map((i, n) => {
    const h = history[n]!;
    const d = draft.get(i.code);
    return {
      indicator: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      unitVi: i.unitVi,
      unitEn: i.unitEn ?? i.unitVi,
      precision: i.precision,
      valueDecimals: i.valueDecimals,
      nonNegative: i.nonNegative,
      maxValue: hardMax(i, bounds(i.id, fc.unit.id)),
      kind: i.kind,
      value: shown[n] ?? null,
      status: d?.status ?? (h.status === 'official' ? 'official' : 'estimate'),
      note: d?.note ?? null,
      explanation: d?.explanation ?? null,
      flags: flags.filter((f) => f.indicator === i.code),
      previous: h.previous ? { period: h.previous.period, value: h.previous.value } : null,
      lastYear: { period: h.lastYear.period, value: h.lastYear.value },
    };
  });
  return { ...summarize(ctx.actor, fc.graph, fc.unit, fc.p, fc.rp, fc.period, sub, fc.form.length), rows };
}

const formLocked = (status: string) =>
  status === 'approved'
    ? new BaocaoError(
        'FORM_APPROVED',
        'Biểu mẫu đã được duyệt và khóa; đề nghị cán bộ tổng hợp mở khóa nếu cần sửa',
        'The form is approved and locked; ask a synthesis officer to unlock it',
        { status: 409 },
      )
    : new BaocaoError(
        'FORM_SUBMITTED',
        'Biểu mẫu đã gửi, đang chờ duyệt; chỉ sửa được khi bị trả lại',
        'The form is submitted and awaiting review; it can be edited only when returned',
        { status: 409 },
      );

/**
 * Saves a form's values as a draft (all or none: every error is reported, with the row of the
 * input), or with `submit` also sends it for review. Values reach the statistics on approval.
 * `refuseErrors` (a form file) refuses a draft that breaks an error rule, as an import is refused.
 */
export async function saveForm(
  ctx: Ctx,
  input: FormSaveInput & { submit?: boolean; source?: string; refuseErrors?: boolean },
): Promise<Form> {
  const { unit, period, values, emptyReasons, emptyReason } = FormSaveInput.parse(input);
  const fc = await loadFormContext(ctx, { unit, period });
  requireAccess(ctx, 'form.write', scopeOf(fc));
  // The period's state (locks, closed, not ended) decides before any validation.
  if (!fc.period.open) throw periodNotOpen(fc.p, fc.period);
  // The form's state decides first (checked again under the row lock when writing).
  const [current] = await selectSubmissions(ctx.db.k, { period: fc.p.id, unitId: fc.unit.id });
  if (current && !isEditableStatus(current.status)) throw formLocked(current.status);
  const onForm = new Set(fc.form.map((i) => i.code));
  const errors = errorList();
  const typed = values
    .map((v, i) => ({ ...v, row: v.row ?? i + 1 }))
    .filter((v) => v.value !== null && v.value !== undefined && String(v.value).trim() !== '');
  for (const v of typed) {
    if (!onForm.has(v.indicator.trim().toUpperCase())) {
      errors.push({
        row: v.row,
        field: 'indicator',
        code: 'NOT_ON_FORM',
        message: `Dòng ${v.row}: chỉ tiêu "${v.indicator}" không thuộc biểu mẫu của ${fc.unit.nameVi}`,
        messageEn: `Row ${v.row}: indicator "${v.indicator}" is not on ${fc.unit.code}'s form`,
      });
    }
  }
  const rows = typed.map((v) => ({ ...v, unit: fc.unit.code, period: fc.p.id }));
  const vc = await loadValidationContext(ctx, rows);
  const checked = await validateValueRows(ctx, vc, rows, errors);
  if (errors.total > 0) rejectRows(errors);
  const codeOf = new Map([...vc.indicators.values()].map((i) => [i.id, i.code]));
  // Every typed row is valid here, so checked.valid[i] is typed[i] (its explanation and row).
  const draft: DraftValue[] = checked.valid.map((r, n) => ({
    indicator: codeOf.get(r.indicatorId) ?? '',
    value: r.value,
    status: r.status,
    note: r.note,
    explanation: typed[n]?.explanation?.trim() || null,
  }));
  if (input.submit && draft.length === 0) {
    throw new BaocaoError(
      'EMPTY_FORM',
      'Biểu mẫu chưa có số liệu nào; nhập ít nhất một chỉ tiêu trước khi gửi',
      'The form has no values; enter at least one before submitting',
    );
  }
  // Values written by someone else than the unit's own reporter typing in its form (an officer, a
  // file import): the unit's reporters are told which they must explain (notify/flagged.ts).
  const byOther = input.source !== undefined || entersForOthers(ctx.actor.role, ctx.actor.unitId, fc.unit.id);
  const flags =
    input.submit || input.refuseErrors || byOther
      ? await collectFlags(ctx, {
          unit: fc.unit,
          period: fc.p,
          values: new Map(draft.map((d) => [d.indicator, d.value])),
        })
      : [];
  if (input.submit || input.refuseErrors) {
    // The quality checks judge what is sent: errors refuse it, warnings need an explanation (at submit).
    const rowOf = new Map(draft.map((d, n) => [d.indicator, typed[n]?.row]));
    if (input.submit) requireSubmittable(flags, draft, (code) => rowOf.get(code));
    else refuseErrorFlags(flags, (code) => rowOf.get(code), { vi: 'Chưa lưu tệp', en: 'File not saved' });
  }
  // Submitting with empty cells records which and why (the web asks first; the API records).
  const typedCodes = new Set(draft.map((d) => d.indicator));
  const reasonOf = new Map((emptyReasons ?? []).map((r) => [r.indicator, r.reason]));
  const emptyCells: EmptyCell[] = fc.form
    .filter((i) => !typedCodes.has(i.code))
    .map((i) => ({ indicator: i.code, reason: reasonOf.get(i.code) ?? emptyReason ?? null }));
  await ctx.db.k.transaction().execute(async (trx) => {
    const sub = await lockSubmission(trx, fc.unit.id, fc.p.id);
    if (sub && !isEditableStatus(sub.status)) throw formLocked(sub.status);
    const status = input.submit ? 'submitted' : (sub?.status ?? 'draft');
    await writeSubmission(trx, {
      unit_id: fc.unit.id,
      period: fc.p.id,
      status,
      draft,
      updated_by: ctx.actor.username,
      ...(input.submit ? { submitted_at: new Date(), submitted_by: ctx.actor.username, emptyCells } : {}),
    });
    if (input.submit && emptyCells.length > 0) {
      await writeAudit(trx, ctx.actor, {
        entity: 'submission_empty_cells',
        key: `${fc.unit.code}/${fc.p.id}`,
        action: 'submit',
        new: { filled: draft.length, required: fc.form.length, emptyCells },
      });
    }
    await writeAudit(trx, ctx.actor, {
      entity: 'submission',
      key: `${fc.unit.code}/${fc.p.id}`,
      action: input.submit ? 'submit' : 'save',
      old: draftOf(sub?.draft),
      new: draft,
      reason: input.source ?? null,
    });
    if (byOther) {
      const form = { unit: fc.unit, period: fc.p.id, indicators: fc.form };
      await notifyFlaggedValues(trx, ctx.actor, flaggedInDraft(form, draft, flags), input.source ?? null);
    }
  });
  return getForm(ctx, { unit: fc.unit.code, period: fc.p.id });
}

/**
 * Fills a form from its XLSX (or CSV, JSON) template: every row must be this unit and period;
 * errors come per row and column (an error rule broken by the file's values too: RULE_VIOLATION
 * with the row, the cell and the rule's name), and nothing is saved unless all rows are right.
 */
export async function importFormFile(
  ctx: Ctx,
  input: FormKey & { data: Buffer; filename: string },
): Promise<Form> {
  const rows = await readValueFile(input.data, input.filename);
  const fc = await loadFormContext(ctx, input);
  const key = { unit: fc.unit.code, period: fc.p.id };
  const values = formFileValues({
    rows,
    filename: input.filename,
    unit: fc.unit,
    period: fc.p,
    indicators: fc.indicators,
    unitName: (code) => fc.graph.byCode.get(code)?.nameVi ?? null,
  });
  // A file is refused on an error rule like every other file path (row, cell, rule), not kept as a draft.
  return saveForm(ctx, { ...key, values, source: `import:${input.filename}`, refuseErrors: true });
}
