import type { PlannedMessage } from '../notify/enqueue.ts';
import { digestMessage, type DigestSubject } from '../notify/messages.ts';
import type { Recipient } from '../notify/notify.queries.ts';
import { type NotifySettings, daysBetween, vnDay, vnMorning } from '../notify/settings.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import { type OpenForm, owed } from './open-forms.ts';

/**
 * The officers' morning digest: the forms of open periods that are late, and those submitted
 * since yesterday morning, each officer seeing the units of their scope. One a day per officer,
 * only when there is something to say.
 */
export function planDigests(
  forms: OpenForm[],
  officers: Recipient[],
  graph: UnitGraph,
  s: NotifySettings,
): PlannedMessage[] {
  const now = s.now();
  const today = vnDay(now);
  const since = vnMorning(today).getTime() - 86_400_000;
  const out: PlannedMessage[] = [];
  for (const to of officers) {
    const mine = forms.filter(
      (f) => to.unit_id === null || graph.ancestorsOf(f.unit.id).includes(to.unit_id),
    );
    const d: DigestSubject = {
      day: today,
      late: mine
        .filter((f) => owed(f.form) && daysBetween(today, f.form.dueOn) < 0)
        .map((f) => ({
          unitName: f.form.unitName,
          unitNameEn: f.form.unitNameEn,
          period: f.form.period,
          daysLate: -daysBetween(today, f.form.dueOn),
        })),
      submitted: mine
        .filter((f) => f.form.submittedAt !== null && Date.parse(f.form.submittedAt) >= since)
        .filter((f) => f.form.status === 'submitted' || f.form.status === 'approved')
        .map((f) => ({ unitName: f.form.unitName, unitNameEn: f.form.unitNameEn, period: f.form.period })),
    };
    if (d.late.length === 0 && d.submitted.length === 0) continue;
    out.push({
      key: `digest:${today}:${to.username}`,
      to,
      kind: 'digest',
      render: (lang) => digestMessage(d, lang),
      runAt: now,
    });
  }
  return out;
}
