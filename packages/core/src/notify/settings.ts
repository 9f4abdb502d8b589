import type { Config } from '../config.ts';
import type { Period } from '../periods/period.ts';

/** The clock every notification rule reads, so tests can move the days (never `new Date()` directly). */
export type Clock = () => Date;

/** How and when messages go out, from the validated config (README's "Operating settings"). */
export interface NotifySettings {
  /** SMTP server (`smtp://user:pass@host:587`); none: messages reach people in the app only. */
  smtpUrl: string | null;
  from: string;
  replyTo: string | null;
  /** Where links in email point (`https://baocao.mst.gov.vn`). */
  publicUrl: string;
  /** Days before a deadline the "due soon" reminder goes, per period type. */
  remindDays: Record<Period['type'], number>;
  /** Overdue reminders: one a day after the deadline until submitted, at most this many. */
  overdueMax: number;
  now: Clock;
}

const DEFAULT_DAYS: Record<Period['type'], number> = { M: 3, Q: 5, S: 7, Y: 10, R: 3 };

/** Reads `M:3,Q:7` into days per period type; types not named keep their default. */
export function parseRemindDays(text: string | undefined): Record<Period['type'], number> {
  const out = { ...DEFAULT_DAYS };
  for (const part of (text ?? '').split(',')) {
    const m = /^\s*([MQSY])\s*:\s*(\d+)\s*$/.exec(part);
    if (m) out[m[1] as 'M' | 'Q' | 'S' | 'Y'] = Number(m[2]);
  }
  return out;
}

/** The notification settings of a deployment (with the real clock unless one is given). */
export function notifySettings(config: Config, overrides: Partial<NotifySettings> = {}): NotifySettings {
  return {
    smtpUrl: config.SMTP_URL ?? null,
    from: config.NOTIFY_FROM ?? 'Thống kê ngành KH&CN <no-reply@baocao.local>',
    replyTo: config.NOTIFY_REPLY_TO ?? null,
    publicUrl: (config.BAOCAO_PUBLIC_URL ?? `http://localhost:${config.PORT ?? 3000}`).replace(/\/+$/, ''),
    remindDays: parseRemindDays(config.NOTIFY_REMIND_DAYS),
    overdueMax: config.NOTIFY_OVERDUE_MAX ?? 5,
    now: () => new Date(),
    ...overrides,
  };
}

/** Vietnam's calendar day of an instant (UTC+7, no daylight saving): deadlines are Vietnamese days. */
export const vnDay = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** 08:00 in Vietnam on a day: reminders are not sent at night. */
export const vnMorning = (day: string): Date => new Date(`${day}T01:00:00Z`);

/** Whole days from `from` to `to` (ISO dates). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
