import { listIndicators } from '../catalog/indicators.ts';
import { compareFigures } from '../compare/compare.ts';
import { spanSentence } from '../compare/sentence.ts';
import type { Ctx } from '../context.ts';
import { formatDateVi } from '../format/date.ts';
import { monthIndexOfDate, type Period, periodFromMonths, shiftPeriod } from '../periods/period.ts';
import type { ItemOf, RegistryItem } from '../registries/registry-schemas.ts';
import type { TaskChange } from '../registries/task-schemas.ts';
import { taskHistories } from '../registries/task-history.ts';
import type { ReportBlock, ReportTemplate, TemplateSection } from './report-schemas.ts';

const end = (s: string) => s.trim().replace(/[.;:,]+$/, '');

/** The period whose tasks a results section lists: `offset` periods before the report's. */
export const resultsPeriod = (p: Period, offset: number): Period =>
  shiftPeriod(p, -offset * (p.last - p.first + 1));

/**
 * The period whose tasks a section of a report for `p` lists: a tasks section the one `offset`
 * after (next month's tasks), a results section the one `offset` before; none for other sections.
 * The one rule for what a report lists and where a task appeared.
 */
export function sectionTaskPeriod(s: TemplateSection, p: Period): string | null {
  if (s.kind === 'tasks') return shiftPeriod(p, s.offset * (p.last - p.first + 1)).id;
  if (s.kind === 'taskResults') return resultsPeriod(p, s.offset).id;
  return null;
}

/** The due date a slipped task missed: the one in force before its latest slip. */
function missedDue(history: TaskChange[]): string | null {
  const last = history.map((h) => h.status).lastIndexOf('slipped');
  return last > 0 ? history[last - 1]!.dueOn : null;
}

/**
 * What became of a planned task, as of now: done (and when), in progress with its expected date,
 * slipped with its reason and new date, cancelled with its reason, or not started (overdue or not).
 */
export function taskResultText(
  t: ItemOf<'task'>,
  history: TaskChange[],
  unitName: (code: string) => string,
  today: string,
): string {
  const head = `${end(t.title)}${t.leadUnit ? ` (chủ trì: ${unitName(t.leadUnit)})` : ''}`;
  const last = history.at(-1);
  const note = last?.status === t.status && last.note ? end(last.note) : null;
  const due = t.dueOn ? formatDateVi(t.dueOn) : null;
  switch (t.status) {
    case 'done':
      return `${head}: đã hoàn thành${last?.status === 'done' ? ` ngày ${formatDateVi(last.on)}` : ''}${note ? `; ${note}` : ''}.`;
    case 'in_progress':
      return `${head}: đang thực hiện${due ? `, dự kiến hoàn thành ngày ${due}` : ''}${note ? `; ${note}` : ''}.`;
    case 'slipped': {
      const missed = missedDue(history);
      return `${head}: chậm tiến độ${missed ? ` so với hạn ${formatDateVi(missed)}` : ''}${note ? `; lý do: ${note}` : ''}${due ? `; hạn hoàn thành mới: ${due}` : ''}.`;
    }
    case 'cancelled':
      return `${head}: dừng thực hiện${note ? `; lý do: ${note}` : ''}.`;
    case 'planned':
      return `${head}: chưa triển khai${t.dueOn && t.dueOn < today ? `, đã quá hạn (${due})` : ''}.`;
  }
}

/**
 * The months a campaign's change is measured over: the month before it started, and its last month
 * (when it was done, or its due date) within the report's period and not after today.
 */
function campaignMonths(
  t: ItemOf<'task'>,
  history: TaskChange[],
  p: Period,
  today: string,
): { from: Period; to: Period } | null {
  if (!t.startOn) return null;
  const done = t.status === 'done' ? history.at(-1)?.on : undefined;
  const stop = Math.min(monthIndexOfDate(done ?? t.dueOn ?? today), monthIndexOfDate(today), p.last);
  const from = monthIndexOfDate(t.startOn) - 1;
  return stop > from ? { from: periodFromMonths(from, from), to: periodFromMonths(stop, stop) } : null;
}

/**
 * The blocks of every "kết quả thực hiện nhiệm vụ" section of a template: the tasks planned for
 * the period before (or `offset` before), each with its status now, generated from the registry and
 * each task's history; a campaign naming indicators adds their change over its dates.
 */
export async function taskResultBlocks(
  ctx: Ctx,
  template: ReportTemplate,
  p: Period,
  items: RegistryItem[],
  unitName: (code: string) => string,
  today = new Date().toISOString().slice(0, 10),
): Promise<Map<string, ReportBlock[]>> {
  const out = new Map<string, ReportBlock[]>();
  const sections = template.sections.flatMap((s) => (s.kind === 'taskResults' ? [s] : []));
  if (!sections.length) return out;
  const tasksOf = (period: string) =>
    items.filter((i): i is ItemOf<'task'> => i.kind === 'task' && i.period === period);
  const all = sections.flatMap((s) => tasksOf(resultsPeriod(p, s.offset).id));
  const histories = await taskHistories(
    ctx,
    all.map((t) => t.id),
  );
  const catalog = new Map((await listIndicators(ctx)).map((i) => [i.code, i]));
  const asks = all.flatMap((t) => {
    const m = campaignMonths(t, histories.get(t.id) ?? [], p, today);
    return m
      ? t.indicators
          .filter((c) => catalog.has(c))
          .flatMap((indicator) => [
            { indicator, unit: 'VN', period: m.from.id },
            { indicator, unit: 'VN', period: m.to.id },
          ])
      : [];
  });
  const results = asks.length ? await compareFigures(ctx, asks) : [];
  let at = 0;
  const campaign = new Map<number, string[]>();
  for (const t of all) {
    if (!campaignMonths(t, histories.get(t.id) ?? [], p, today)) continue;
    campaign.set(
      t.id,
      t.indicators.filter((c) => catalog.has(c)).map(() => spanSentence(results[at++]!, results[at++]!)),
    );
  }
  for (const s of sections) {
    const tasks = tasksOf(resultsPeriod(p, s.offset).id);
    out.set(
      s.id,
      tasks.length
        ? [
            {
              type: 'list',
              items: tasks.map((t) => ({
                task: t.id,
                text: [
                  taskResultText(t, histories.get(t.id) ?? [], unitName, today),
                  ...(campaign.get(t.id) ?? []),
                ].join(' '),
                figures: [],
              })),
            },
          ]
        : [],
    );
  }
  return out;
}
