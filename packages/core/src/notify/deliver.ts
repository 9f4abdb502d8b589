import { hostname } from 'node:os';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit.ts';
import { SYSTEM_ACTOR } from '../context.ts';
import type { Schema } from '../db/schema.ts';
import { isMuted } from './enqueue.ts';
import {
  type JobRow,
  claimJobs,
  finishJob,
  insertNotification,
  retryJob,
  selectRecipients,
} from './notify.queries.ts';
import type { NotifySettings } from './settings.ts';

/** What sends an email: nodemailer's SMTP transport (anything with its `sendMail`). */
export interface Mailer {
  sendMail(message: SendMailOptions): Promise<unknown>;
}

/**
 * nodemailer's SMTP transport for `SMTP_URL`. Its timeouts keep one send well inside the queue's
 * lease, so no other node takes a message while it is still being sent; it does not retry on its
 * own (the queue does, with backoff).
 */
export const createMailer = (smtpUrl: string): Mailer & { close(): void } =>
  nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });

/** Attempts before a message is given up (about a day of backoff: 30 s, 2 min, 8 min, 32 min, 2 h, 6 h). */
export const MAX_ATTEMPTS = 7;
/** How long a node holds a message it took; past it (the node stopped mid-send), another takes it. */
export const LEASE_MS = 5 * 60_000;

/** Waiting time before attempt `n + 1` after `n` failures: 30 s × 4ⁿ⁻¹, at most 6 hours. */
export const backoffMs = (attempts: number) =>
  Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 6 * 3_600_000);

export interface QueueRun {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
}

/** This process's name in the queue (`locked_by`): host and pid, unique among live nodes. */
export const nodeName = () => `${hostname()}:${process.pid}`;

const audit = (
  db: Kysely<Schema>,
  job: JobRow,
  action: string,
  extra: Record<string, unknown>,
  reason?: string,
) =>
  writeAudit(db, SYSTEM_ACTOR, {
    entity: 'notification',
    key: job.id,
    action,
    new: {
      kind: job.kind,
      channel: job.channel,
      userId: job.user_id,
      subject: job.message.subject,
      ...extra,
    },
    reason: reason ?? null,
  });

/**
 * Delivers due messages: claims a batch (SKIP LOCKED: two nodes never take the same), then per
 * message checks the person again (a disabled account or a kind turned off since is skipped),
 * delivers — in-app in the same transaction that marks it sent; email through SMTP, then marked —
 * and audits. A failed email waits with backoff and is given up after {@link MAX_ATTEMPTS}.
 * A node that stops mid-batch leaves its messages to be taken again when its lease runs out.
 */
export async function runQueue(
  db: Kysely<Schema>,
  o: { settings: NotifySettings; mailer: Mailer | null; node?: string; limit?: number },
): Promise<QueueRun> {
  const node = o.node ?? nodeName();
  const out: QueueRun = { sent: 0, skipped: 0, retried: 0, failed: 0 };
  for (;;) {
    const now = o.settings.now();
    const jobs = await claimJobs(db, {
      now,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      node,
      limit: o.limit ?? 20,
    });
    if (jobs.length === 0) return out;
    // UPDATE … RETURNING keeps no order: messages go in the order they were planned.
    jobs.sort((a, b) => a.run_at.getTime() - b.run_at.getTime() || Number(a.id) - Number(b.id));
    for (const job of jobs) await deliverOne(db, job, node, o, out);
  }
}

async function deliverOne(
  db: Kysely<Schema>,
  job: JobRow,
  node: string,
  o: { settings: NotifySettings; mailer: Mailer | null },
  out: QueueRun,
): Promise<void> {
  const now = o.settings.now();
  const [to] = await selectRecipients(db, { userIds: [job.user_id] });
  const why = !to
    ? 'no such account'
    : to.disabled
      ? 'account disabled'
      : isMuted(to, job.kind)
        ? 'kind turned off'
        : job.channel === 'email' && !to.email
          ? 'no email address'
          : job.channel === 'email' && !o.mailer
            ? 'no SMTP server configured'
            : null;
  if (why || !to) {
    await db.transaction().execute(async (trx) => {
      if (await finishJob(trx, job.id, node, { status: 'skipped', last_error: why, done_at: now }))
        await audit(trx, job, 'skip', { to: to?.username ?? null }, why ?? undefined);
    });
    out.skipped++;
    return;
  }
  if (job.channel === 'app') {
    await db.transaction().execute(async (trx) => {
      if (!(await finishJob(trx, job.id, node, { status: 'sent', done_at: now }))) return;
      await insertNotification(trx, job, now);
      await audit(trx, job, 'send', { to: to.username });
    });
    out.sent++;
    return;
  }
  const m = job.message;
  try {
    await o.mailer!.sendMail({
      from: o.settings.from,
      ...(o.settings.replyTo ? { replyTo: o.settings.replyTo } : {}),
      to: { name: to.display_name, address: to.email! },
      subject: m.subject,
      text: emailText(m, o.settings.publicUrl),
      // The same id however often it is sent: a resend after a crash is recognisable as such.
      messageId: `<baocao-${job.id}@${new URL(o.settings.publicUrl).hostname}>`,
      headers: { 'X-Baocao-Kind': job.kind },
    });
  } catch (err) {
    const error = err instanceof Error ? err.message.slice(0, 500) : String(err);
    if (job.attempts >= MAX_ATTEMPTS) {
      await db.transaction().execute(async (trx) => {
        if (await finishJob(trx, job.id, node, { status: 'failed', last_error: error, done_at: now }))
          await audit(
            trx,
            job,
            'fail',
            { to: to.username, address: to.email, attempts: job.attempts },
            error,
          );
      });
      out.failed++;
    } else {
      await retryJob(db, job.id, node, new Date(now.getTime() + backoffMs(job.attempts)), error);
      out.retried++;
    }
    return;
  }
  await db.transaction().execute(async (trx) => {
    if (await finishJob(trx, job.id, node, { status: 'sent', done_at: now }))
      await audit(trx, job, 'send', { to: to.username, address: to.email, attempts: job.attempts });
  });
  out.sent++;
}

/** The email's text: the message, the link to the exact page, and how to turn such messages off. */
export function emailText(m: JobRow['message'], publicUrl: string): string {
  const vi = m.language === 'vi';
  return [
    m.body,
    '',
    ...(m.link ? [`${m.linkLabel}: ${publicUrl}${m.link}`, ''] : []),
    '--',
    vi
      ? `Thư tự động của hệ thống Thống kê ngành KH&CN. Chọn loại thông báo nhận qua email: ${publicUrl}/notifications`
      : `An automatic message from the sector statistics system. Choose which messages you receive: ${publicUrl}/notifications`,
  ].join('\n');
}
