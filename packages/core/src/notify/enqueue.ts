import type { Kysely } from 'kysely';
import type { Actor } from '../context.ts';
import type { Schema } from '../db/schema.ts';
import { randomUUID } from 'node:crypto';
import type { Unit } from '../schemas.ts';
import { type FormSubject, formMessage } from './messages.ts';
import { ALWAYS_SENT, NotifyKind, type NotifyLanguage } from './notify-schemas.ts';
import { type Recipient, type StoredMessage, insertJobs, selectRecipients } from './notify.queries.ts';
import { z } from 'zod';

/** Whether a person turned this kind off (a returned form cannot be). */
export function isMuted(r: Pick<Recipient, 'muted'>, kind: NotifyKind): boolean {
  if (ALWAYS_SENT.includes(kind)) return false;
  const muted = z.array(z.string()).catch([]).parse(r.muted);
  return muted.includes(kind);
}

/** One message planned for one person: the key makes it exist once (per channel) however often planned. */
export interface PlannedMessage {
  key: string;
  to: Recipient;
  kind: NotifyKind;
  render: (lang: NotifyLanguage) => StoredMessage;
  runAt: Date;
}

/** The channels a person is reached by now: the app always, email when they gave an address. */
export const channelsOf = (r: Recipient): ('email' | 'app')[] => (r.email ? ['app', 'email'] : ['app']);

/** Whether a person gets this kind at all: not a disabled account, not a kind they turned off. */
export const reaches = (r: Recipient, kind: NotifyKind) => !r.disabled && !isMuted(r, kind);

/**
 * Queues messages, one job per person and channel, in the caller's transaction: disabled accounts
 * and kinds a person turned off get nothing; a message already planned (same key) is not queued
 * again. Returns how many were queued per channel.
 */
export async function queueMessages(
  db: Kysely<Schema>,
  planned: PlannedMessage[],
): Promise<{ email: number; app: number }> {
  const jobs = planned
    .filter((p) => reaches(p.to, p.kind))
    .flatMap((p) => {
      const message = p.render(p.to.language);
      return channelsOf(p.to).map((channel) => ({
        dedupe_key: `${p.key}:${channel}`,
        user_id: p.to.id,
        kind: p.kind,
        channel,
        message,
        run_at: p.runAt,
      }));
    });
  const out = { email: 0, app: 0 };
  // Bounded statements: a national reminder reaches a few hundred people.
  for (let i = 0; i < jobs.length; i += 500) {
    const queued = new Set(await insertJobs(db, jobs.slice(i, i + 500)));
    for (const j of jobs.slice(i, i + 500)) if (queued.has(j.dedupe_key)) out[j.channel]++;
  }
  return out;
}

/** The reporters of a unit: who its form's messages go to. */
export const unitReporters = (db: Kysely<Schema>, unitIds: number[]) =>
  selectRecipients(db, { roles: ['reporter'], unitIds });

const EVENT: Record<string, NotifyKind> = { return: 'returned', approve: 'approved', unlock: 'unlocked' };

/**
 * Tells a unit's reporters what happened to their form (returned with the officer's comment,
 * approved, unlocked), in the review's own transaction: the message is queued exactly when the
 * change commits. `action` is the review's audit action; others are ignored.
 */
export async function notifyFormEvent(
  db: Kysely<Schema>,
  actor: Actor,
  e: { action: string; unit: Unit; period: string; dueOn: string; comment?: string | null },
): Promise<void> {
  const kind = EVENT[e.action];
  if (!kind) return;
  const [people, [officer]] = await Promise.all([
    unitReporters(db, [e.unit.id]),
    selectRecipients(db, { usernames: [actor.username] }),
  ]);
  const subject: FormSubject = {
    unitCode: e.unit.code,
    unitName: e.unit.nameVi,
    unitNameEn: e.unit.nameEn ?? e.unit.nameVi,
    period: e.period,
    dueOn: e.dueOn,
    comment: e.comment ?? null,
    by: officer?.display_name ?? actor.username,
  };
  // Each event is its own message (a form may be returned twice).
  const event = randomUUID();
  await queueMessages(
    db,
    people.map((to) => ({
      key: `${kind}:${e.unit.code}/${e.period}:${to.username}:${event}`,
      to,
      kind,
      render: (lang) => formMessage(kind, subject, lang),
      runAt: new Date(),
    })),
  );
}
