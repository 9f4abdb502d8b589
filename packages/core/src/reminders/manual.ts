import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { remindUnits } from '../forms/review.ts';
import { type PlannedMessage, channelsOf, queueMessages, reaches, unitReporters } from '../notify/enqueue.ts';
import { formMessage } from '../notify/messages.ts';
import type { ReminderPreview, ReminderResult } from '../notify/notify-schemas.ts';
import { vnDay } from '../notify/settings.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { openForms, owed } from './open-forms.ts';

async function reach(ctx: Ctx, period: string) {
  requireAccess(ctx, 'form.review');
  const p = parsePeriod(period);
  const forms = (await openForms(ctx, p.id)).filter((f) => owed(f.form));
  const people = (
    await unitReporters(
      ctx.db.k,
      forms.map((f) => f.unit.id),
    )
  ).filter((r) => reaches(r, 'reminder'));
  const units = forms.map((f) => ({
    ...f,
    people: people.filter((r) => r.unit_id === f.unit.id),
  }));
  const preview: ReminderPreview = {
    period: p.id,
    periodLabel: periodLabelVi(p),
    units: units.map((u) => ({ code: u.unit.code, name: u.unit.nameVi, people: u.people.length })),
    people: people.length,
    email: people.filter((r) => channelsOf(r).includes('email')).length,
    app: people.length,
    unitsWithoutPeople: units.filter((u) => u.people.length === 0).length,
  };
  return { preview, units };
}

/**
 * What a reminder of `period` would reach, for the officer to confirm: the units in their scope
 * that still owe the form, how many people, and by which channel. Sends nothing.
 */
export async function previewReminder(ctx: Ctx, input: { period: string }): Promise<ReminderPreview> {
  return (await reach(ctx, input.period)).preview;
}

/**
 * Reminds the units that still owe `period`'s form: records the reminder on each form (shown to
 * the unit) and queues a message to each of their reporters, in the app and by email — once a
 * day per person (a second click the same day sends nothing again). Answers what was queued.
 */
export async function sendReminder(ctx: Ctx, input: { period: string }): Promise<ReminderResult> {
  const { preview, units } = await reach(ctx, input.period);
  await remindUnits(ctx, { period: preview.period });
  const day = vnDay(new Date());
  const planned: PlannedMessage[] = units.flatMap(({ form, unit, people }) =>
    people.map((to) => ({
      key: `reminder:${unit.code}/${form.period}:${to.username}:${day}`,
      to,
      kind: 'reminder' as const,
      render: (lang) =>
        formMessage(
          'reminder',
          {
            unitCode: unit.code,
            unitName: unit.nameVi,
            unitNameEn: unit.nameEn ?? unit.nameVi,
            period: form.period,
            dueOn: form.dueOn,
            by: null,
          },
          lang,
        ),
      runAt: new Date(),
    })),
  );
  const queued = await ctx.db.k.transaction().execute(async (trx) => {
    const q = await queueMessages(trx, planned);
    await writeAudit(trx, ctx.actor, {
      entity: 'notification',
      key: preview.period,
      action: 'remind',
      new: { units: preview.units.map((u) => u.code), people: preview.people, queued: q },
    });
    return q;
  });
  const expected = preview.email + preview.app;
  return { ...preview, queued, alreadyToday: Math.max(0, expected - queued.email - queued.app) };
}
