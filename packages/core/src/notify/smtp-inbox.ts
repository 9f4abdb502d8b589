/**
 * A real SMTP server for tests (npm's smtp-server, listening on a free port): every message it
 * accepts is parsed (mailparser) into `received`. `refuse(n)` makes it reject the next n messages
 * with a temporary error, as a busy mail server does. Tests only; never bundled.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { Role } from '../roles.ts';
import { insertUser } from '../accounts/accounts.queries.ts';
import { upsertProfile } from './notify.queries.ts';
import { selectUnitIdByCode } from './smtp-inbox.queries.ts';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  replyTo: string | null;
  kind: string | null;
}

export interface SmtpInbox {
  url: string;
  received: ReceivedMail[];
  refuse(n: number): void;
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      if (refusals > 0) {
        refusals--;
        stream.resume();
        stream.on('end', () => done(Object.assign(new Error('try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((m) => {
          const kind = m.headers.get('x-baocao-kind');
          received.push({
            to,
            subject: m.subject ?? '',
            text: m.text ?? '',
            messageId: m.messageId ?? '',
            replyTo: m.replyTo?.text ?? null,
            kind: typeof kind === 'string' ? kind : null,
          });
          done();
        })
        .catch((err: unknown) => done(err instanceof Error ? err : new Error(String(err))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const at = server.server.address();
  if (!at || typeof at === 'string') throw new Error('the test SMTP server has no port');
  return {
    url: `smtp://127.0.0.1:${at.port}`,
    received,
    refuse: (n) => {
      refusals = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A person who receives messages, for tests: an account (no usable password) with an email
 * address and language, attached to a unit by code.
 */
export async function addPerson(
  db: Kysely<Schema>,
  p: { username: string; role: Role; unit?: string; email?: string | null; language?: 'vi' | 'en' },
): Promise<number> {
  const unit = p.unit ? await selectUnitIdByCode(db, p.unit) : null;
  const { id } = await insertUser(db, {
    username: p.username,
    display_name: p.username,
    role: p.role,
    unit_id: unit?.id ?? null,
    password_hash: '!',
  });
  await upsertProfile(db, {
    user_id: id,
    email: p.email === undefined ? `${p.username}@example.vn` : p.email,
    language: p.language ?? 'vi',
    muted: [],
  });
  return id;
}
