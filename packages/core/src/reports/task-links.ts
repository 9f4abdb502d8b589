import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { parsePeriod } from '../periods/period.ts';
import { listRegistryItems } from '../registries/registries.ts';
import type { ItemOf } from '../registries/registry-schemas.ts';
import type { TaskAppearance, TaskChange } from '../registries/task-schemas.ts';
import { taskHistories } from '../registries/task-history.ts';
import { periodPlaceholders } from './build.ts';
import { ReportDoc, type ReportTemplate } from './report-schemas.ts';
import { selectReportRowsWithUnit } from './reports.queries.ts';
import { sectionTaskPeriod } from './task-results.ts';
import { listReportTemplates } from './templates.ts';

/** A published report's sections that state the task, read from its frozen copy. */
function publishedSections(frozen: unknown, taskId: number) {
  const doc = ReportDoc.safeParse(frozen);
  if (!doc.success) return [];
  return doc.data.sections.filter((s) =>
    s.blocks.some((b) => b.type === 'list' && b.items.some((i) => i.task === taskId)),
  );
}

/** A draft's sections that list the task's period (what the draft prints as it stands). */
function draftSections(template: ReportTemplate, period: string, task: ItemOf<'task'>) {
  const p = parsePeriod(period);
  const vars = periodPlaceholders(p);
  return template.sections.flatMap((s) =>
    sectionTaskPeriod(s, p) === task.period
      ? [{ id: s.id, heading: s.heading?.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m) ?? null }]
      : [],
  );
}

/**
 * The report sections a task appeared in: every published report whose frozen copy states it (as
 * published, whatever the task became since), and every draft report whose section lists the
 * task's period. Oldest report period first.
 */
export async function taskAppearances(ctx: Ctx, task: ItemOf<'task'>): Promise<TaskAppearance[]> {
  const [rows, templates] = await Promise.all([selectReportRowsWithUnit(ctx.db.k), listReportTemplates(ctx)]);
  const byCode = new Map(templates.map((t) => [t.code, t]));
  return rows.flatMap((r): TaskAppearance[] => {
    const template = byCode.get(r.template_code);
    if (!template) return [];
    const head = {
      template: r.template_code,
      templateName: template.nameVi,
      period: r.period,
      unit: r.unit_code,
    };
    if (r.status === 'published')
      return publishedSections(r.frozen, task.id).map((s) => ({
        ...head,
        section: s.id,
        heading: s.heading,
        published: true,
      }));
    if (!template.periodTypes.includes(parsePeriod(r.period).type)) return [];
    return draftSections(template, r.period, task).map((s) => ({
      ...head,
      section: s.id,
      heading: s.heading,
      published: false,
    }));
  });
}

/** One task with its status history and the report sections it appeared in. */
export async function getTask(
  ctx: Ctx,
  id: number,
): Promise<{ task: ItemOf<'task'>; history: TaskChange[]; appearances: TaskAppearance[] }> {
  const task = (await listRegistryItems(ctx, { kind: 'task' })).find(
    (t): t is ItemOf<'task'> => t.kind === 'task' && t.id === id,
  );
  if (!task) throw notFound(`Không có nhiệm vụ số ${id}`, `No task ${id}`);
  const [history, appearances] = await Promise.all([taskHistories(ctx, [id]), taskAppearances(ctx, task)]);
  return { task, history: history.get(id) ?? [], appearances };
}
