/** Shapes of notifications that cross the API (Node-free, shared with the web app). */
import { z } from 'zod';

/**
 * What a message is about. Scheduled: a period opened, its deadline near, today, passed; events
 * of a unit's form: returned (with the officer's comment), approved, unlocked, a value flagged for
 * the reporter's explanation; an officer's reminder; the officers' daily digest.
 */
export const NOTIFY_KINDS = [
  'period_open',
  'due_soon',
  'due_today',
  'overdue',
  'returned',
  'approved',
  'unlocked',
  'flagged',
  'reminder',
  'digest',
] as const;
export const NotifyKind = z.enum(NOTIFY_KINDS);
export type NotifyKind = z.infer<typeof NotifyKind>;

/** Kinds nobody can turn off: a returned form needs its unit to act. */
export const ALWAYS_SENT: readonly NotifyKind[] = ['returned'];

export const NotifyLanguage = z.enum(['vi', 'en']);
export type NotifyLanguage = z.infer<typeof NotifyLanguage>;

/** One notification in a person's list. */
export const NotificationItem = z.object({
  id: z.number().int(),
  kind: NotifyKind,
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationList = z.object({
  unread: z.number().int(),
  items: z.array(NotificationItem),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** A person's channels and the kinds they turned off; an administrator may set another's. */
export const NotifyPreferences = z.object({
  username: z.string(),
  email: z.email().max(254).nullable(),
  language: NotifyLanguage,
  muted: z.array(NotifyKind),
});
export type NotifyPreferences = z.infer<typeof NotifyPreferences>;

export const NotifyPreferencesInput = z.object({
  /** Another person's settings (administrators only); one's own when absent. */
  username: z.string().trim().toLowerCase().min(1).max(50).optional(),
  email: z
    .string()
    .trim()
    .max(254)
    .transform((s) => (s === '' ? null : s))
    .pipe(z.email('Địa chỉ email không hợp lệ / not an email address').nullable())
    .nullable()
    .optional(),
  language: NotifyLanguage.optional(),
  muted: z.array(NotifyKind).max(NOTIFY_KINDS.length).optional(),
});
export type NotifyPreferencesInput = z.input<typeof NotifyPreferencesInput>;

export const ReadInput = z.object({
  /** These notifications; every one of the person's when absent. */
  ids: z.array(z.number().int().positive()).max(500).optional(),
});

/** What an officer's reminder would reach, shown for confirmation before anything is sent. */
export const ReminderPreview = z.object({
  period: z.string(),
  periodLabel: z.string(),
  units: z.array(z.object({ code: z.string(), name: z.string(), people: z.number().int() })),
  /** People reached, and by which channel (everyone in the app; those with an address by email). */
  people: z.number().int(),
  email: z.number().int(),
  app: z.number().int(),
  /** Units whose reporters have no account to reach (the reminder is recorded on their form only). */
  unitsWithoutPeople: z.number().int(),
});
export type ReminderPreview = z.infer<typeof ReminderPreview>;

/** What an officer's reminder sent: messages queued now, and those already sent today (not repeated). */
export const ReminderResult = ReminderPreview.extend({
  queued: z.object({ email: z.number().int(), app: z.number().int() }),
  alreadyToday: z.number().int(),
});
export type ReminderResult = z.infer<typeof ReminderResult>;
