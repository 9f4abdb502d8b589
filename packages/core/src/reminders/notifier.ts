import { type Ctx, type Log, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { type Mailer, createMailer, runQueue } from '../notify/deliver.ts';
import type { NotifySettings } from '../notify/settings.ts';
import { planScheduled } from './schedule.ts';

export interface Notifier {
  /** Plans (when due) and delivers once, now; resolves when done. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

/**
 * Runs notifications in an app node: every `pollMs` the due messages are delivered, and every
 * `planMs` (5 minutes) today's scheduled ones planned. Every node runs one; the queue's claims and the
 * messages' keys make each message go once however many nodes there are.
 */
export function startNotifier(
  db: Database,
  log: Log,
  settings: NotifySettings,
  o: { pollMs?: number; planMs?: number; mailer?: Mailer | null; node?: string } = {},
): Notifier {
  const mailer = o.mailer !== undefined ? o.mailer : settings.smtpUrl ? createMailer(settings.smtpUrl) : null;
  const ctx: Ctx = { ...systemCtx(db), log };
  let lastPlan = 0;
  let running: Promise<void> | null = null;
  const once = async () => {
    const now = Date.now();
    if (now - lastPlan >= (o.planMs ?? 300_000)) {
      lastPlan = now;
      await planScheduled(ctx, settings);
    }
    const r = await runQueue(db.k, { settings, mailer, ...(o.node ? { node: o.node } : {}) });
    if (r.sent + r.skipped + r.failed + r.retried > 0) log.info({ notify: r }, 'notifications delivered');
  };
  const tick = () => {
    running ??= once()
      .catch((err: unknown) => log.warn({ err }, 'notification run failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), o.pollMs ?? 5000);
  timer.unref();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running;
      if (mailer && 'close' in mailer && typeof mailer.close === 'function') mailer.close();
    },
  };
}
