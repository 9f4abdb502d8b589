import type { Ctx } from '../context.ts';
import { type PlannedMessage, queueMessages, unitReporters } from '../notify/enqueue.ts';
import { formMessage, type FormSubject } from '../notify/messages.ts';
import type { NotifyKind } from '../notify/notify-schemas.ts';
import { selectRecipients } from '../notify/notify.queries.ts';
import { type NotifySettings, daysBetween, vnDay, vnMorning } from '../notify/settings.ts';
import { parsePeriod } from '../periods/period.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { planDigests } from './digest.ts';
import { openForms, owed } from './open-forms.ts';

/**
 * Which scheduled message a unit's form gets today, if any: the period opened (once, while the
 * deadline is ahead); its deadline within N days (once, N per period type); the deadline today;
 * overdue (one a day until submitted, at most `overdueMax`). The key makes each exist once.
 */
export function scheduledKind(
  daysLeft: number,
  periodType: keyof NotifySettings['remindDays'],
  s: Pick<NotifySettings, 'remindDays' | 'overdueMax'>,
): { kind: NotifyKind; key: string; days: number }[] {
  const out: { kind: NotifyKind; key: string; days: number }[] = [];
  if (daysLeft > 0) out.push({ kind: 'period_open', key: 'period_open', days: daysLeft });
  if (daysLeft > 0 && daysLeft <= s.remindDays[periodType])
    out.push({ kind: 'due_soon', key: 'due_soon', days: daysLeft });
  if (daysLeft === 0) out.push({ kind: 'due_today', key: 'due_today', days: 0 });
  if (daysLeft < 0 && -daysLeft <= s.overdueMax)
    out.push({ kind: 'overdue', key: `overdue-${-daysLeft}`, days: -daysLeft });
  return out;
}

/**
 * Plans today's scheduled messages to the reporters of every unit that still owes a form of an
 * open period, and the officers' digest. Safe to run on every node and every few minutes: each
 * message has a key and is queued once. Nothing is planned before 08:00 (Vietnam): no reminders
 * at night. `ctx` is the system's (the planner sees every unit).
 */
export async function planScheduled(ctx: Ctx, s: NotifySettings): Promise<{ email: number; app: number }> {
  const now = s.now();
  const today = vnDay(now);
  if (now < vnMorning(today)) return { email: 0, app: 0 };
  const all = await openForms(ctx);
  const forms = all.filter((f) => owed(f.form));
  const reporters = await unitReporters(
    ctx.db.k,
    forms.map((f) => f.unit.id),
  );
  const byUnit = new Map<number | null, typeof reporters>();
  for (const r of reporters) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r]);
  const planned: PlannedMessage[] = [];
  for (const { form, unit } of forms) {
    const daysLeft = daysBetween(today, form.dueOn);
    for (const due of scheduledKind(daysLeft, parsePeriod(form.period).type, s)) {
      const subject: FormSubject = {
        unitCode: unit.code,
        unitName: unit.nameVi,
        unitNameEn: unit.nameEn ?? unit.nameVi,
        period: form.period,
        dueOn: form.dueOn,
        days: due.days,
      };
      for (const to of byUnit.get(unit.id) ?? [])
        planned.push({
          key: `${due.key}:${unit.code}/${form.period}:${to.username}`,
          to,
          kind: due.kind,
          render: (lang) => formMessage(due.kind, subject, lang),
          runAt: now,
        });
    }
  }
  const [officers, graph] = await Promise.all([
    selectRecipients(ctx.db.k, { roles: ['officer'] }),
    loadUnitGraph(ctx.db.k),
  ]);
  planned.push(...planDigests(all, officers, graph, s));
  return queueMessages(ctx.db.k, planned);
}
