import { type ColumnType, type Generated, type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { NotifyKind, NotifyLanguage } from './notify-schemas.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A message as stored: rendered in the person's language when it was planned. */
export interface StoredMessage {
  subject: string;
  body: string;
  /** Path of the page it is about (`/forms/P01/2026M11`), made absolute for email. */
  link: string | null;
  linkLabel: string;
  language: NotifyLanguage;
}

/** The notification tables (migration 015), added to the store's schema where used. */
export type NotifyTables = {
  notify_profile: {
    user_id: number;
    email: string | null;
    language: ColumnType<NotifyLanguage, NotifyLanguage | undefined, NotifyLanguage>;
    muted: ColumnType<unknown, string | undefined, string>;
    updated_at: Timestamp;
  };
  notify_job: {
    id: Generated<string>;
    dedupe_key: string;
    user_id: number;
    kind: NotifyKind;
    channel: 'email' | 'app';
    message: ColumnType<StoredMessage, string, string>;
    status: ColumnType<
      'pending' | 'sending' | 'sent' | 'skipped' | 'failed',
      'pending' | undefined,
      'pending' | 'sending' | 'sent' | 'skipped' | 'failed'
    >;
    attempts: ColumnType<number, number | undefined, number>;
    run_at: ColumnType<Date, Date | string, Date | string>;
    locked_until: MaybeTime;
    locked_by: string | null;
    last_error: string | null;
    created_at: Timestamp;
    done_at: MaybeTime;
  };
  notification: {
    id: Generated<string>;
    user_id: number;
    job_id: string | null;
    kind: NotifyKind;
    subject: string;
    body: string;
    link: string | null;
    created_at: ColumnType<Date, Date | string, Date | string>;
    read_at: MaybeTime;
  };
};

export type NotifyDb = Kysely<Schema & NotifyTables>;
/** The store with the notification tables in its type. */
export const nk = (db: Kysely<Schema>): NotifyDb => db.withTables<NotifyTables>();

/** A person who may receive messages: their account with their channel settings. */
export type Recipient = Awaited<ReturnType<typeof selectRecipients>>[number];

/** Accounts with their settings: by name, by role, by unit; disabled accounts included (callers skip them). */
export function selectRecipients(
  db: Kysely<Schema>,
  where: { usernames?: string[]; roles?: string[]; unitIds?: number[]; userIds?: number[] },
) {
  let q = nk(db)
    .selectFrom('app_user as u')
    .leftJoin('notify_profile as p', 'p.user_id', 'u.id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.unit_id',
      'u.disabled',
      'p.email',
      sql<NotifyLanguage>`coalesce(p.language, 'vi')`.as('language'),
      sql<unknown>`coalesce(p.muted, '[]'::jsonb)`.as('muted'),
    ]);
  if (where.usernames) q = q.where('u.username', 'in', where.usernames.length ? where.usernames : ['']);
  if (where.userIds) q = q.where('u.id', 'in', where.userIds.length ? where.userIds : [-1]);
  if (where.roles) q = q.where('u.role', 'in', where.roles as never[]);
  if (where.unitIds) q = q.where('u.unit_id', 'in', where.unitIds.length ? where.unitIds : [-1]);
  return q.orderBy('u.username').execute();
}

export const upsertProfile = (
  db: Kysely<Schema>,
  row: { user_id: number; email: string | null; language: NotifyLanguage; muted: string[] },
) =>
  nk(db)
    .insertInto('notify_profile')
    .values({ ...row, muted: JSON.stringify(row.muted), updated_at: new Date() })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        email: row.email,
        language: row.language,
        muted: JSON.stringify(row.muted),
        updated_at: new Date(),
      }),
    )
    .execute();

export interface NewJob {
  dedupe_key: string;
  user_id: number;
  kind: NotifyKind;
  channel: 'email' | 'app';
  message: StoredMessage;
  run_at: Date;
}

/** Queues messages; one already planned under the same key is left as it is. Returns the keys queued. */
export async function insertJobs(db: Kysely<Schema>, jobs: NewJob[]): Promise<string[]> {
  if (jobs.length === 0) return [];
  const rows = await nk(db)
    .insertInto('notify_job')
    .values(jobs.map((j) => ({ ...j, message: JSON.stringify(j.message) })))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('dedupe_key')
    .execute();
  return rows.map((r) => r.dedupe_key);
}

/** Which of these keys are planned already (any state). */
export async function existingKeys(db: Kysely<Schema>, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await nk(db)
    .selectFrom('notify_job')
    .select('dedupe_key')
    .where('dedupe_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.dedupe_key));
}

export type JobRow = Awaited<ReturnType<typeof claimJobs>>[number];

/**
 * Takes up to `limit` due messages for this node: pending ones whose time has come, and ones
 * another node took but never finished (its lease ran out: it stopped or crashed). `SKIP LOCKED`
 * lets two nodes claim at once without waiting for, or taking, each other's rows.
 */
export function claimJobs(
  db: Kysely<Schema>,
  o: { now: Date; leaseUntil: Date; node: string; limit: number },
) {
  const k = nk(db);
  return k
    .updateTable('notify_job')
    .set((eb) => ({
      status: 'sending',
      locked_until: o.leaseUntil,
      locked_by: o.node,
      attempts: eb('attempts', '+', 1),
    }))
    .where(
      'id',
      'in',
      k
        .selectFrom('notify_job')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', o.now)]),
            eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', o.now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(o.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Ends a claimed job (sent, skipped, failed) — only while this node still holds it. */
export async function finishJob(
  db: Kysely<Schema>,
  id: string,
  node: string,
  set: { status: 'sent' | 'skipped' | 'failed'; last_error?: string | null; done_at: Date },
): Promise<boolean> {
  const r = await nk(db)
    .updateTable('notify_job')
    .set({ ...set, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('locked_by', '=', node)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Puts a claimed job back to wait until `runAt` (a failed attempt, retried later). */
export const retryJob = (db: Kysely<Schema>, id: string, node: string, runAt: Date, error: string) =>
  nk(db)
    .updateTable('notify_job')
    .set({ status: 'pending', run_at: runAt, locked_until: null, locked_by: null, last_error: error })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('locked_by', '=', node)
    .execute();

export const insertNotification = (db: Kysely<Schema>, job: JobRow, at: Date) =>
  nk(db)
    .insertInto('notification')
    .values({
      user_id: job.user_id,
      job_id: job.id,
      kind: job.kind,
      subject: job.message.subject,
      body: job.message.body,
      link: job.message.link,
      created_at: at,
    })
    .onConflict((oc) => oc.column('job_id').doNothing())
    .execute();

export const selectNotifications = (db: Kysely<Schema>, userId: number, limit: number) =>
  nk(db)
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export async function countUnread(db: Kysely<Schema>, userId: number): Promise<number> {
  const r = await nk(db)
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export const markRead = (db: Kysely<Schema>, userId: number, ids: number[] | undefined, at: Date) => {
  let q = nk(db)
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids.map(String) : ['-1']);
  return q.execute();
};

/** Jobs by dedupe-key prefix (tests and the reminder's "already sent today" count). */
export const selectJobs = (db: Kysely<Schema>, keyPrefix = '') =>
  nk(db)
    .selectFrom('notify_job')
    .selectAll()
    .where('dedupe_key', 'like', `${keyPrefix.replace(/[\\%_]/g, '\\$&')}%`)
    .orderBy('id')
    .execute();
