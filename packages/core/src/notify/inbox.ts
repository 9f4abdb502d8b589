import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import type { z } from 'zod';
import { isMuted } from './enqueue.ts';
import {
  ALWAYS_SENT,
  NOTIFY_KINDS,
  type NotificationList,
  type NotifyPreferences,
  NotifyPreferencesInput,
  ReadInput,
} from './notify-schemas.ts';
import {
  type Recipient,
  countUnread,
  markRead,
  selectNotifications,
  selectRecipients,
  upsertProfile,
} from './notify.queries.ts';

/** The account of `username` (the actor's own when absent): another's needs `user.manage`. */
async function accountOf(ctx: Ctx, username?: string): Promise<Recipient> {
  const name = username ?? ctx.actor.username;
  if (name !== ctx.actor.username) requireAccess(ctx, 'user.manage');
  const [r] = await selectRecipients(ctx.db.k, { usernames: [name] });
  if (!r) throw notFound(`Không có tài khoản "${name}"`, `No account "${name}"`);
  return r;
}

/** The actor's notifications, newest first (the last 50), with how many are unread. */
export async function listNotifications(ctx: Ctx): Promise<NotificationList> {
  const me = await accountOf(ctx);
  const [rows, unread] = await Promise.all([
    selectNotifications(ctx.db.k, me.id, 50),
    countUnread(ctx.db.k, me.id),
  ]);
  return {
    unread,
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      subject: r.subject,
      body: r.body,
      link: r.link,
      createdAt: r.created_at.toISOString(),
      read: r.read_at !== null,
    })),
  };
}

/** Marks the actor's notifications read (these, or all); answers the list as it now is. */
export async function readNotifications(
  ctx: Ctx,
  input: z.input<typeof ReadInput>,
): Promise<NotificationList> {
  const { ids } = ReadInput.parse(input);
  const me = await accountOf(ctx);
  await markRead(ctx.db.k, me.id, ids, new Date());
  return listNotifications(ctx);
}

const present = (r: Recipient): NotifyPreferences => ({
  username: r.username,
  email: r.email,
  language: r.language,
  muted: NOTIFY_KINDS.filter((k) => isMuted(r, k)),
});

/** A person's channels and the kinds they turned off (their own; another's for administrators). */
export async function getNotifyPreferences(
  ctx: Ctx,
  input: { username?: string } = {},
): Promise<NotifyPreferences> {
  return present(await accountOf(ctx, input.username));
}

/**
 * Changes a person's email address, language or the kinds they turned off (a returned form
 * cannot be turned off: it is dropped from the list). Audited.
 */
export async function setNotifyPreferences(
  ctx: Ctx,
  input: NotifyPreferencesInput,
): Promise<NotifyPreferences> {
  const v = NotifyPreferencesInput.parse(input);
  const before = await accountOf(ctx, v.username);
  const old = present(before);
  const next = {
    user_id: before.id,
    email: v.email === undefined ? old.email : v.email,
    language: v.language ?? old.language,
    muted: [...new Set(v.muted ?? old.muted)].filter((k) => !ALWAYS_SENT.includes(k)),
  };
  await ctx.db.k.transaction().execute(async (trx) => {
    await upsertProfile(trx, next);
    await writeAudit(trx, ctx.actor, {
      entity: 'notify_profile',
      key: before.username,
      action: 'update',
      old,
      new: { email: next.email, language: next.language, muted: next.muted },
    });
  });
  return getNotifyPreferences(ctx, { username: before.username });
}
