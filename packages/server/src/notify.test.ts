import {
  type Database,
  createDemoUsers,
  createLogger,
  createMailer,
  initStore,
  loadConfig,
  notifySettings,
  openDatabase,
  openReportingPeriod,
  systemCtx,
} from '@baocao/core';
import {
  type SmtpInbox,
  type TestDatabase,
  addPerson,
  createTestDatabase,
  startSmtpInbox,
} from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

const PW = 'mat-khau-thong-bao-01';
const PERIOD = '2026M10';
let db: TestDatabase;
let inbox: SmtpInbox;
let app: App;

const settings = () =>
  notifySettings(loadConfig({}), { smtpUrl: inbox.url, publicUrl: 'https://baocao.example.vn' });
const nodeOn = (on: Database, pollMs = 100) =>
  buildApp({
    db: on,
    log: createLogger({ level: 'silent' }),
    apiToken: 'notify-token-0123456789',
    webRoot: null,
    // Planned once at start (the real clock's day: the October forms are long overdue, so only
    // the officers' digest), then delivered every pollMs.
    notify: { settings: settings(), pollMs, planMs: 3_600_000, mailer: createMailer(inbox.url) },
  });

async function signIn(node: App, username: string) {
  const r = await node.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PW },
  });
  expect(r.statusCode).toBe(200);
  const c = r.cookies.find((x) => x.name === 'baocao_session')!;
  const headers = { cookie: `baocao_session=${c.value}`, 'x-csrf-token': r.json().csrfToken as string };
  return (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    node.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

const until = async (ok: () => boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; !ok() && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
  expect(ok()).toBe(true);
};

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  await createDemoUsers(sys, PW);
  await openReportingPeriod(sys, { period: PERIOD });
  inbox = await startSmtpInbox();
  app = await nodeOn(db);
});
afterAll(async () => {
  await app.close();
  await inbox.close();
  await db.close();
});

describe('notifications over HTTP', () => {
  it('a returned form reaches the reporter by email and in the app; the list is one’s own', async () => {
    const admin = await signIn(app, 'admin');
    const set = await admin('PUT', '/api/notifications/preferences', {
      username: 'reporter-danang',
      email: 'nhap.danang@example.vn',
    });
    expect(set.json()).toMatchObject({
      username: 'reporter-danang',
      email: 'nhap.danang@example.vn',
      language: 'vi',
    });
    const reporter = await signIn(app, 'reporter-danang');
    const officer = await signIn(app, 'officer');
    const key = { unit: 'P48', period: PERIOD };
    expect(
      (
        await reporter('POST', '/api/forms/submit', {
          ...key,
          values: [{ indicator: 'VT.DOANH_THU', value: 700 }],
        })
      ).statusCode,
    ).toBe(200);
    const comment = 'Số thuê bao giảm bất thường, đề nghị giải trình';
    expect((await officer('POST', '/api/forms/return', { ...key, comment })).statusCode).toBe(200);
    await until(() => inbox.received.some((m) => m.to === 'nhap.danang@example.vn'));
    const mail = inbox.received.find((m) => m.to === 'nhap.danang@example.vn')!;
    expect(mail.text).toContain(comment);
    expect(mail.text).toContain('https://baocao.example.vn/forms/P48/2026M10');
    const list = (await reporter('GET', '/api/notifications')).json();
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'returned', link: '/forms/P48/2026M10' });
    // The officer's list holds the officer's own (the morning digest), never the reporter's.
    const theirs = (await officer('GET', '/api/notifications')).json().items;
    expect(theirs.map((n: { kind: string }) => n.kind)).not.toContain('returned');
    const read = (await reporter('POST', '/api/notifications/read', {})).json();
    expect(read.unread).toBe(0);
    // Returns cannot be turned off; other kinds can.
    const prefs = (
      await reporter('PUT', '/api/notifications/preferences', { muted: ['returned', 'digest'] })
    ).json();
    expect(prefs.muted).toEqual(['digest']);
  });

  it('the reminder is previewed (units, people, channels), then answers what it sent', async () => {
    const officer = await signIn(app, 'officer');
    const preview = (await officer('GET', `/api/forms/remind/preview?period=${PERIOD}`)).json();
    // Đà Nẵng's form was returned: it still owes it; its one reporter has an address.
    expect(preview.units.find((u: { code: string }) => u.code === 'P48')).toMatchObject({ people: 1 });
    expect(preview).toMatchObject({ people: 1, email: 1, app: 1 });
    const before = inbox.received.length;
    const sent = (await officer('POST', '/api/forms/remind/send', { period: PERIOD })).json();
    expect(sent).toMatchObject({ people: 1, queued: { email: 1, app: 1 }, alreadyToday: 0 });
    await until(() => inbox.received.length === before + 1);
    expect(inbox.received.at(-1)!.subject).toBe('Nhắc nộp báo cáo tháng 10/2026');
    const board = (await officer('GET', `/api/forms/board?period=${PERIOD}`)).json();
    expect(board.forms.find((f: { unit: string }) => f.unit === 'P48').remindedAt).not.toBeNull();
  });
});

describe.skipIf(!process.env.BAOCAO_TEST_PG)('two app nodes on one PostgreSQL', () => {
  it('deliver each message once', async () => {
    for (let i = 0; i < 30; i++)
      await addPerson(db.k, { username: `nhap-hanoi-${i}`, role: 'reporter', unit: 'P01' });
    const other = await openDatabase({ url: db.url! });
    const a = await nodeOn(db, 30);
    const b = await nodeOn(other, 30);
    try {
      const officer = await signIn(a, 'officer');
      const before = inbox.received.length;
      const sent = (await officer('POST', '/api/forms/remind/send', { period: PERIOD })).json();
      expect(sent.queued.email).toBe(30);
      const mine = () => inbox.received.slice(before).filter((m) => m.to.startsWith('nhap-hanoi-'));
      await until(() => mine().length >= 30);
      // Both nodes keep polling a while longer: a duplicate would arrive now.
      await new Promise((r) => setTimeout(r, 1000));
      expect(mine()).toHaveLength(30);
      expect(new Set(mine().map((m) => m.to)).size).toBe(30);
      const who = await db.k
        .selectFrom('audit_log')
        .select('new_data')
        .where('entity', '=', 'notification')
        .where('action', '=', 'send')
        .execute();
      expect(who.length).toBeGreaterThanOrEqual(60);
    } finally {
      await a.close();
      await b.close();
      await other.close();
    }
  });
});
