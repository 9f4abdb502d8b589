import { existsSync } from 'node:fs';
/**
 * The deployment's settings, read once from the environment and validated at start: a bad value
 * stops the start with a message naming the variable, rather than surfacing later as a strange
 * failure. README's "Operating settings" table documents each one.
 */
import { z } from 'zod';
import { BaocaoError } from './errors.ts';

// An unset variable and an empty one mean the same: the default.
const optional = <T extends z.ZodType>(t: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), t.optional());

// "Name <a@b.vn>" or "a@b.vn".
const MAILBOX = /^(?:[^<>\r\n]{0,100}<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;
const TRUST_PROXY = /^(?:true|false|\d+|[\d.:a-fA-F/]+(?:\s*,\s*[\d.:a-fA-F/]+)*)$/;

export const ConfigSchema = z
  .object({
    DATABASE_URL: optional(
      z.url({ protocol: /^postgres(?:ql)?$/, error: 'phải là postgres://… / must be postgres://…' }),
    ),
    DATABASE_REPLICA_URL: optional(
      z.url({ protocol: /^postgres(?:ql)?$/, error: 'phải là postgres://… / must be postgres://…' }),
    ),
    BAOCAO_DATA: optional(z.string()),
    PORT: optional(z.coerce.number().int().min(0).max(65535)),
    HOST: optional(z.string().regex(/^[\w.:-]+$/, 'tên máy hoặc địa chỉ / a host name or address')),
    BAOCAO_API_TOKEN: optional(z.string().min(16, 'ít nhất 16 ký tự / 16 characters or more')),
    BAOCAO_TRUST_PROXY: optional(
      z
        .string()
        .regex(
          TRUST_PROXY,
          'true, false, số bước hoặc danh sách địa chỉ / true, false, a hop count or addresses',
        ),
    ),
    BAOCAO_FOUR_EYES: optional(z.enum(['on', 'off'])),
    LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
    BAOCAO_DEMO_PASSWORD: optional(z.string().min(10, 'ít nhất 10 ký tự / 10 characters or more')),
    DB_POOL_MAX: optional(z.coerce.number().int().min(1).max(200)),
    METRICS_PORT: optional(z.coerce.number().int().min(0).max(65535)),
    METRICS_HOST: optional(z.string().regex(/^[\w.:-]+$/, 'tên máy hoặc địa chỉ / a host name or address')),
    TLS_CERT_FILE: optional(z.string()),
    TLS_KEY_FILE: optional(z.string()),
    SHUTDOWN_GRACE_SECONDS: optional(z.coerce.number().int().min(1).max(3600)),
    // Notifications (core/src/notify): the SMTP server (none: in-app only), sender and reply-to,
    // the address links in messages start with, and the reminder schedule.
    SMTP_URL: optional(
      z.url({ protocol: /^smtps?$/, error: 'phải là smtp://… hoặc smtps://… / must be smtp:// or smtps://' }),
    ),
    NOTIFY_FROM: optional(z.string().regex(MAILBOX, 'một địa chỉ email / an email address')),
    NOTIFY_REPLY_TO: optional(z.string().regex(MAILBOX, 'một địa chỉ email / an email address')),
    BAOCAO_PUBLIC_URL: optional(
      z.url({ protocol: /^https?$/, error: 'phải là http(s)://… / must be http(s)://…' }),
    ),
    NOTIFY_REMIND_DAYS: optional(
      z
        .string()
        .regex(
          /^\s*[MQSY]\s*:\s*\d{1,2}\s*(?:,\s*[MQSY]\s*:\s*\d{1,2}\s*)*$/,
          'dạng M:3,Q:7,Y:10 (số ngày trước hạn theo loại kỳ) / like M:3,Q:7,Y:10',
        ),
    ),
    NOTIFY_OVERDUE_MAX: optional(z.coerce.number().int().min(0).max(60)),
    // Imputation (core/src/compare/impute.ts): whether a report may print an imputed figure, and
    // above what imputed share (percent of the figure) it refuses to.
    BAOCAO_REPORT_IMPUTED: optional(z.enum(['on', 'off'])),
    BAOCAO_REPORT_IMPUTED_MAX_PCT: optional(z.coerce.number().min(0).max(100)),
  })
  .superRefine((c, ctx) => {
    // HTTPS needs both files, and both must be there to read.
    for (const [name, other] of [
      ['TLS_CERT_FILE', 'TLS_KEY_FILE'],
      ['TLS_KEY_FILE', 'TLS_CERT_FILE'],
    ] as const) {
      const file = c[name];
      if (!file && c[other])
        ctx.addIssue({ code: 'custom', path: [name], message: `cần cùng ${other} / needed with ${other}` });
      if (file && !existsSync(file))
        ctx.addIssue({ code: 'custom', path: [name], message: 'không có tệp này / no such file' });
    }
  });
export type Config = z.infer<typeof ConfigSchema>;

/**
 * The settings from `env` (the process's by default). Throws `INVALID_CONFIG` naming every
 * variable that is wrong and why, in Vietnamese and English.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = ConfigSchema.safeParse(env);
  if (r.success) return r.data;
  const wrong = r.error.issues.map(
    (i) => `${String(i.path[0])}="${env[String(i.path[0])] ?? ''}": ${i.message}`,
  );
  throw new BaocaoError(
    'INVALID_CONFIG',
    `Cấu hình không hợp lệ, không khởi động: ${wrong.join('; ')}`,
    `Invalid configuration, not starting: ${wrong.join('; ')}`,
  );
}
