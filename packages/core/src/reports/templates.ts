import { readdirSync, readFileSync } from 'node:fs';
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, notFound } from '../errors.ts';
import { coreFile } from '../files.ts';
import { zodFieldErrors } from '../zod-errors.ts';
import { ReportTemplate } from './report-schemas.ts';
import { selectTemplateRow, selectTemplateRows, upsertTemplate } from './templates.queries.ts';

const DIR = coreFile('data/templates/');

/** The templates that ship with baocao (data files, one per report type). */
export function builtinTemplates(): ReportTemplate[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ReportTemplate.parse(JSON.parse(readFileSync(new URL(f, DIR), 'utf8'))));
}

function parseTemplate(input: unknown): ReportTemplate {
  const r = ReportTemplate.safeParse(input);
  if (!r.success)
    throw new BaocaoError('INVALID_TEMPLATE', 'Mẫu báo cáo không hợp lệ', 'Invalid report template', {
      details: zodFieldErrors(r.error),
    });
  return r.data;
}

/**
 * Adds or replaces a report template — a new report type, with no code. Built-in templates are
 * refreshed from their files at start-up, so a customised one needs a code of its own.
 */
export async function saveReportTemplate(ctx: Ctx, input: unknown, opts: { builtin?: boolean } = {}) {
  requireAccess(ctx, 'catalog.write');
  const t = parseTemplate(input);
  await ctx.db.k.transaction().execute(async (trx) => {
    const old = await selectTemplateRow(trx, t.code);
    if (old?.builtin && !opts.builtin)
      throw new BaocaoError(
        'BUILTIN_TEMPLATE',
        `Mẫu "${t.code}" có sẵn trong hệ thống; hãy lưu bản sửa với mã khác`,
        `"${t.code}" is built in; save your version under another code`,
      );
    const data = JSON.stringify(t);
    if (old && JSON.stringify(old.data) === data) return;
    await upsertTemplate(trx, {
      code: t.code,
      data,
      builtin: opts.builtin ?? false,
      updated_by: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      entity: 'report_template',
      key: t.code,
      action: old ? 'update' : 'create',
      new: t,
    });
  });
  return t;
}

/** Every report template, built-in ones first. */
export async function listReportTemplates(ctx: Ctx): Promise<(ReportTemplate & { builtin: boolean })[]> {
  const rows = await selectTemplateRows(ctx.db.k);
  return rows.map((r) => ({ ...ReportTemplate.parse(r.data), builtin: r.builtin }));
}

/** One template by its code. */
export async function getReportTemplate(ctx: Ctx, code: string): Promise<ReportTemplate> {
  const row = await selectTemplateRow(ctx.db.k, code);
  if (!row) {
    const codes = (await listReportTemplates(ctx)).map((t) => t.code).join(', ');
    throw notFound(
      `Không có mẫu báo cáo "${code}" (có: ${codes})`,
      `No report template "${code}" (available: ${codes})`,
    );
  }
  return ReportTemplate.parse(row.data);
}
