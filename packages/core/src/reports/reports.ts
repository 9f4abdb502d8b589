import { hasRole, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Kysely } from 'kysely';
import type { Actor, Ctx } from '../context.ts';
import { reportAbilities } from '../access/policy.ts';
import type { Schema } from '../db/schema.ts';
import { BaocaoError } from '../errors.ts';
import { parseIsoDate } from '../format/date.ts';
import { coveredBy } from '../periods/visibility.ts';
import { selectReleasedSpans } from '../periods/periods.queries.ts';
import { calendarDates, parsePeriod, type Period } from '../periods/period.ts';
import { orgNamesOn } from '../org/org-names.ts';
import type { Unit } from '../schemas.ts';
import { loadUnitGraph, type UnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { buildReportDoc } from './build.ts';
import {
  type ReportDoc,
  ReportDoc as ReportDocSchema,
  ReportKey,
  type ReportRecord,
  type ReportTemplate,
  type ReportView,
  SectionOverride,
} from './report-schemas.ts';
import {
  ensureReportRow,
  type ReportRow,
  selectPublishedReportRows,
  selectReportRow,
  updateReportRow,
} from './reports.queries.ts';
import { getReportTemplate } from './templates.ts';

interface Resolved {
  template: ReportTemplate;
  period: Period;
  unit: Unit;
  graph: UnitGraph;
}

async function resolveKey(ctx: Ctx, key: ReportKey): Promise<Resolved> {
  const k = ReportKey.parse(key);
  const template = await getReportTemplate(ctx, k.template);
  const period = parsePeriod(k.period);
  if (!template.periodTypes.includes(period.type))
    throw new BaocaoError(
      'PERIOD_TYPE_MISMATCH',
      `Mẫu "${template.code}" dùng cho kỳ ${template.periodTypes.join(', ')}; "${k.period}" không phải kỳ như vậy (ví dụ 2024M08 cho tháng, 2024Q1 cho quý)`,
      `Template "${template.code}" takes ${template.periodTypes.join(', ')} periods; "${k.period}" is not one`,
    );
  const graph = await loadUnitGraph(ctx.db.k);
  const unit = graph.byCode.get(k.unit.toUpperCase());
  if (!unit) throw unknownUnit(k.unit);
  return { template, period, unit, graph };
}

const today = () => new Date().toISOString().slice(0, 10);

const overridesOf = (row: ReportRow | undefined): Record<string, SectionOverride> => {
  const raw = row?.overrides;
  const out: Record<string, SectionOverride> = {};
  if (raw && typeof raw === 'object')
    for (const [k, v] of Object.entries(raw)) {
      const o = SectionOverride.safeParse(v);
      if (o.success) out[k] = o.data;
    }
  return out;
};

/** A report's record: its state and what `actor` may do with it (`reportAbilities`, the one rule). */
const recordOf = (actor: Actor, r: Resolved, row: ReportRow | undefined): ReportRecord => ({
  abilities: reportAbilities(actor.role, { published: row?.status === 'published' }),
  id: row?.id ?? null,
  template: r.template.code,
  title: r.template.nameVi,
  period: r.period.id,
  unit: r.unit.code,
  status: row?.status ?? 'draft',
  number: row?.number ?? null,
  issuedOn: row?.issued_on ?? null,
  publishedAt: row?.published_at ? new Date(row.published_at).toISOString() : null,
  publishedBy: row?.published_by ?? null,
});

/**
 * A report built from the current data. Its names (ministry, departments, titles, number symbol)
 * are those in force on its date of issue, or, with no date set yet, on the last day of its
 * period: a 2024 report keeps the names of 2024. A draft with no date of issue prints none (not
 * today's, which would sit beside names of another time); publishing dates it.
 */
const liveDoc = async (
  ctx: Ctx,
  r: Resolved,
  row: ReportRow | undefined,
  extra: { number?: string | null; issuedOn?: string | null } = {},
) => {
  const dated = extra.issuedOn ?? row?.issued_on ?? null;
  return buildReportDoc(ctx, {
    graph: r.graph,
    template: r.template,
    period: r.period,
    unit: r.unit.code,
    number: extra.number ?? row?.number ?? null,
    issuedOn: dated,
    overrides: overridesOf(row),
    names: await orgNamesOn(ctx, dated ?? calendarDates(r.period).end),
  });
};

function differences(published: ReportDoc, live: ReportDoc): ReportView['differences'] {
  const now = new Map(live.figures.map((f) => [f.id, f]));
  return published.figures.flatMap((f) => {
    const c = now.get(f.id);
    const pairs: [string, number | null, number | null][] = [
      [f.period, f.value, c?.value ?? null],
      [f.lastYear.period, f.lastYear.value, c?.lastYear.value ?? null],
      ...(f.previous
        ? [
            [f.previous.period, f.previous.value, c?.previous?.value ?? null] satisfies [
              string,
              number | null,
              number | null,
            ],
          ]
        : []),
      [String(f.plan.year), f.plan.value, c?.plan.value ?? null],
    ];
    return pairs
      .filter(([, a, b]) => a !== b)
      .map(([period, a, b]) => ({ figure: f.id, indicator: f.indicator, period, published: a, current: b }));
  });
}

/**
 * The published document and nothing else: the frozen copy keeps the pre-publication checks and
 * who edited which section (audit), but what anyone reads, prints or downloads has neither.
 */
export function publishedCopy(doc: ReportDoc): ReportDoc {
  return { ...doc, warnings: [], sections: doc.sections.map((s) => ({ ...s, edited: null })) };
}

/**
 * A report as it stands: a published one exactly as published (its frozen copy) with the data
 * corrections made since listed as differences; a draft built from the current data. The public
 * may read published reports only.
 */
export async function getReport(ctx: Ctx, key: ReportKey): Promise<ReportView> {
  const r = await resolveKey(ctx, key);
  const row = await selectReportRow(ctx.db.k, {
    template: r.template.code,
    period: r.period.id,
    unitId: r.unit.id,
  });
  if (row?.status === 'published' && row.frozen) {
    const doc = publishedCopy(ReportDocSchema.parse(row.frozen));
    // Differences come from current, unpublished data: only those who may read drafts see them.
    if (!hasRole(ctx, 'report.read') || !hasRole(ctx, 'value.read'))
      return { report: recordOf(ctx.actor, r, row), doc, differences: [] };
    const live = await liveDoc(ctx, r, row, { number: doc.number, issuedOn: doc.issuedOn });
    return { report: recordOf(ctx.actor, r, row), doc, differences: differences(doc, live) };
  }
  requireAccess(ctx, 'report.read');
  return { report: recordOf(ctx.actor, r, row), doc: await liveDoc(ctx, r, row), differences: [] };
}

/** The report's row, created as a draft if it has none; a published report refuses every change. */
async function draftRow(trx: Kysely<Schema>, ctx: Ctx, r: Resolved): Promise<ReportRow> {
  const row = await ensureReportRow(
    trx,
    { template: r.template.code, period: r.period.id, unitId: r.unit.id },
    ctx.actor.username,
  );
  if (row.status === 'published')
    throw new BaocaoError(
      'REPORT_PUBLISHED',
      'Báo cáo đã phát hành, không sửa được; số liệu điều chỉnh sau đó được liệt kê là chênh lệch',
      'The report is published and cannot change; later data corrections are listed as differences',
      { status: 409 },
    );
  return row;
}

/** Replaces or adds to the generated text of one section (or, with text null, removes the edit). Audited. */
export async function setReportSection(
  ctx: Ctx,
  input: ReportKey & {
    section: string;
    mode?: 'replace' | 'append';
    text: string | null;
    reason?: string | null;
  },
): Promise<ReportView> {
  requireAccess(ctx, 'report.write');
  const r = await resolveKey(ctx, input);
  if (!r.template.sections.some((s) => s.id === input.section))
    throw new BaocaoError(
      'UNKNOWN_SECTION',
      `Mẫu "${r.template.code}" không có mục "${input.section}" (có: ${r.template.sections.map((s) => s.id).join(', ')})`,
      `Template "${r.template.code}" has no section "${input.section}"`,
    );
  await ctx.db.k.transaction().execute(async (trx) => {
    const row = await draftRow(trx, ctx, r);
    const overrides = overridesOf(row);
    const old = overrides[input.section];
    if (input.text === null) delete overrides[input.section];
    else
      overrides[input.section] = SectionOverride.parse({
        mode: input.mode ?? 'replace',
        text: input.text,
        by: ctx.actor.username,
        at: new Date().toISOString(),
      });
    await updateReportRow(trx, row.id, { overrides: JSON.stringify(overrides) });
    await writeAudit(trx, ctx.actor, {
      entity: 'report',
      key: `${r.template.code}|${r.period.id}|${r.unit.code}|${input.section}`,
      action: 'edit_section',
      old: old ?? undefined,
      new: overrides[input.section],
      reason: input.reason ?? null,
    });
  });
  return getReport(ctx, input);
}

/** Sets the document's number and date (Decree 30's "Số:" and place-and-date line). Audited. */
export async function setReportDetails(
  ctx: Ctx,
  input: ReportKey & { number?: string | null; issuedOn?: string | null },
): Promise<ReportRecord> {
  requireAccess(ctx, 'report.write');
  const r = await resolveKey(ctx, input);
  const issuedOn = input.issuedOn
    ? parseIsoDate(input.issuedOn, { vi: 'Ngày ban hành', en: 'issuedOn' })
    : input.issuedOn;
  return ctx.db.k.transaction().execute(async (trx) => {
    const row = await draftRow(trx, ctx, r);
    const set = {
      number: input.number === undefined ? row.number : input.number,
      issued_on: issuedOn === undefined ? row.issued_on : issuedOn,
    };
    const updated = await updateReportRow(trx, row.id, set);
    await writeAudit(trx, ctx.actor, {
      entity: 'report',
      key: `${r.template.code}|${r.period.id}|${r.unit.code}`,
      action: 'details',
      old: { number: row.number, issuedOn: row.issued_on },
      new: set,
    });
    return recordOf(ctx.actor, r, updated);
  });
}

/** Warnings that stop a report going out: a figure with no data, a number that traces to nothing. */
export const BLOCKING_WARNINGS = new Set(['MISSING_DATA', 'UNTRACED_NUMBER', 'PARTIAL_FIGURE']);

/**
 * Publishes a report: runs the checks, then freezes the whole document, numbers included, so later
 * corrections to the data show as differences rather than silently changing what was published.
 * Blocking findings refuse publication unless `force` is given with a reason (audited).
 */
export async function publishReport(
  ctx: Ctx,
  input: ReportKey & {
    number?: string | null;
    issuedOn?: string | null;
    force?: boolean;
    reason?: string | null;
  },
): Promise<ReportView> {
  requireAccess(ctx, 'report.publish');
  const r = await resolveKey(ctx, input);
  await ctx.db.k.transaction().execute(async (trx) => {
    const row = await draftRow(trx, ctx, r);
    const doc = await liveDoc({ ...ctx, db: { ...ctx.db, k: trx } }, r, row, {
      number: input.number ?? null,
      issuedOn: input.issuedOn
        ? parseIsoDate(input.issuedOn, { vi: 'Ngày ban hành', en: 'issuedOn' })
        : (row.issued_on ?? today()),
    });
    // Publishing puts every printed figure before the public: the periods they belong to must have
    // been released first (the one gate), comparison bases included.
    const spans = await selectReleasedSpans(trx);
    const printed = doc.figures.flatMap((f) => [
      ...(f.value !== null ? [f.period] : []),
      ...(f.previous && f.previous.value !== null ? [f.previous.period] : []),
      ...(f.lastYear.value !== null ? [f.lastYear.period] : []),
    ]);
    const unreleased = [...new Set(printed)].filter((id) => !coveredBy(spans, parsePeriod(id)));
    if (unreleased.length > 0)
      throw new BaocaoError(
        'FIGURES_NOT_RELEASED',
        `Báo cáo in số liệu của kỳ chưa công bố (${unreleased.join(', ')}); công bố số liệu các kỳ đó trước khi phát hành`,
        `The report prints figures of unreleased periods (${unreleased.join(', ')}); release them before publishing`,
        {
          status: 409,
          details: unreleased.map((id) => ({
            field: id,
            code: 'PERIOD_NOT_RELEASED',
            message: `Kỳ ${id} chưa công bố số liệu`,
            messageEn: `${id} is not released`,
          })),
        },
      );
    const blocking = doc.warnings.filter((w) => BLOCKING_WARNINGS.has(w.code));
    if (blocking.length && !(input.force && input.reason))
      throw new BaocaoError(
        'REPORT_CHECKS_FAILED',
        `Báo cáo chưa phát hành được: còn ${blocking.length} vấn đề cần xử lý (xem danh sách bên dưới)`,
        `The report cannot be published: ${blocking.length} finding(s) to resolve (listed below)`,
        {
          details: blocking.map((w) => ({
            field: w.section ?? undefined,
            code: w.code,
            message: w.message,
            messageEn: w.messageEn,
          })),
          status: 409,
        },
      );
    await updateReportRow(trx, row.id, {
      status: 'published',
      frozen: JSON.stringify(doc),
      number: doc.number,
      issued_on: doc.issuedOn,
      published_at: new Date(),
      published_by: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      entity: 'report',
      key: `${r.template.code}|${r.period.id}|${r.unit.code}`,
      action: 'publish',
      new: {
        number: doc.number,
        issuedOn: doc.issuedOn,
        figures: doc.figures.length,
        forced: blocking.length > 0,
      },
      reason: input.reason ?? null,
    });
  });
  return getReport(ctx, input);
}

/** Published reports, newest first: what the public pages list. */
export async function listPublishedReports(ctx: Ctx): Promise<ReportRecord[]> {
  const rows = await selectPublishedReportRows(ctx.db.k);
  return rows.map((row) => ({
    abilities: reportAbilities(ctx.actor.role, { published: row.status === 'published' }),
    id: row.id,
    template: row.template_code,
    title:
      ReportDocSchema.pick({ templateName: true }).safeParse(row.frozen).data?.templateName ??
      row.template_code,
    period: row.period,
    unit: row.unit_code,
    status: row.status,
    number: row.number,
    issuedOn: row.issued_on,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    publishedBy: row.published_by,
  }));
}
