import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeAccount } from '../accounts/account-admin.ts';
import { loadConfig } from '../config.ts';
import { type Ctx, systemCtx } from '../context.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { saveForm } from '../forms/forms.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { approveForm, returnForm } from '../forms/review.ts';
import { previewReminder, sendReminder } from '../reminders/manual.ts';
import { type TestDatabase, createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { LEASE_MS, type Mailer, createMailer, runQueue } from './deliver.ts';
import { queueMessages } from './enqueue.ts';
import { getNotifyPreferences, listNotifications, setNotifyPreferences } from './inbox.ts';
import { selectJobs, selectRecipients } from './notify.queries.ts';
import { type NotifySettings, notifySettings } from './settings.ts';
import { type SmtpInbox, addPerson, startSmtpInbox } from './smtp-inbox.ts';

let db: TestDatabase;
let sys: Ctx;
let inbox: SmtpInbox;
let settings: NotifySettings;
let clock: Date | null = null;
let reporter: Ctx;
const officer = (c: Ctx): Ctx => ({ ...c, actor: { username: 'tonghop', role: 'officer', unitId: null } });
const KEY = { unit: 'P48', period: '2026M10' };
const URL_BASE = 'https://baocao.example.vn';

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
  inbox = await startSmtpInbox();
  await openReportingPeriod(sys, { period: '2026M10' });
  await addPerson(db.k, { username: 'nhap-danang', role: 'reporter', unit: 'P48' });
  await addPerson(db.k, { username: 'reporter-danang', role: 'reporter', unit: 'P48', language: 'en' });
  await addPerson(db.k, { username: 'tonghop', role: 'officer' });
  const graph = await loadUnitGraph(db.k);
  reporter = {
    ...sys,
    actor: { username: 'nhap-danang', role: 'reporter', unitId: graph.byCode.get('P48')!.id },
  };
  settings = notifySettings(loadConfig({}), {
    smtpUrl: inbox.url,
    publicUrl: URL_BASE,
    replyTo: 'thongke@mst.gov.vn',
    now: () => clock ?? new Date(),
  });
});
afterAll(async () => {
  await inbox.close();
  await db.close();
});

const deliver = (o: { node?: string; mailer?: Mailer; on?: Database } = {}) =>
  runQueue((o.on ?? db).k, {
    settings,
    mailer: o.mailer ?? createMailer(inbox.url),
    ...(o.node ? { node: o.node } : {}),
  });
const submit = (value: number) =>
  saveForm(reporter, { ...KEY, values: [{ indicator: 'VT.DOANH_THU', value }], submit: true });
const mailsTo = (user: string) => inbox.received.filter((m) => m.to === `${user}@example.vn`);
const COMMENT = 'Doanh thu tháng 10 giảm 40% so với tháng 9, đề nghị kiểm tra lại số liệu';

describe('event messages to the unit’s reporters', () => {
  it('a returned form reaches its reporters with the officer’s comment and the link, in their language', async () => {
    await submit(512.3);
    await returnForm(officer(sys), { ...KEY, comment: COMMENT });
    const r = await deliver();
    expect(r).toEqual({ sent: 4, skipped: 0, retried: 0, failed: 0 });
    const [vi] = mailsTo('nhap-danang');
    expect(vi!.subject).toBe('Biểu mẫu tháng 10/2026 bị trả lại');
    expect(vi!.text).toContain(`Nhận xét: ${COMMENT}`);
    expect(vi!.text).toContain(`Mở biểu mẫu: ${URL_BASE}/forms/P48/2026M10`);
    expect(vi!.replyTo).toBe('thongke@mst.gov.vn');
    const [en] = mailsTo('reporter-danang');
    expect(en!.subject).toBe('October 2026 form returned');
    expect(en!.text).toContain(`Comment: ${COMMENT}`);
    expect(en!.text).toContain(`Open the form: ${URL_BASE}/forms/P48/2026M10`);
    // In the app too: unread, with the comment, until read.
    const list = await listNotifications(reporter);
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'returned', link: '/forms/P48/2026M10', read: false });
    expect(list.items[0]!.body).toContain(COMMENT);
    // Every send is audited.
    const audit = await db.k
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'notification')
      .execute();
    expect(audit.filter((a) => a.action === 'send')).toHaveLength(4);
  });

  it('people turn off kinds they do not want, but never returns', async () => {
    const en: Ctx = { ...reporter, actor: { ...reporter.actor, username: 'reporter-danang' } };
    const prefs = await setNotifyPreferences(en, { muted: ['approved', 'returned', 'period_open'] });
    expect(prefs.muted).toEqual(['period_open', 'approved']);
    await expect(
      setNotifyPreferences(en, { username: 'nhap-danang', muted: ['approved'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await submit(812.3);
    await returnForm(officer(sys), { ...KEY, comment: 'Thiếu ghi chú' });
    await submit(812.3);
    await approveForm(officer(sys), KEY);
    await deliver();
    expect(mailsTo('reporter-danang').map((m) => m.kind)).toEqual(['returned', 'returned']);
    expect(mailsTo('nhap-danang').map((m) => m.kind)).toEqual(['returned', 'returned', 'approved']);
    expect(mailsTo('nhap-danang').at(-1)!.subject).toBe('Biểu mẫu tháng 10/2026 đã được duyệt');
  });
});

describe('the officer’s reminder: confirmation, counts, channel; a disabled account gets nothing', () => {
  it('says how many units and people by which channel, then what was sent; not twice a day', async () => {
    await addPerson(db.k, { username: 'nhap-hanoi', role: 'reporter', unit: 'P01' });
    await addPerson(db.k, { username: 'nhap-hanoi-2', role: 'reporter', unit: 'P01', email: null });
    await addPerson(db.k, { username: 'nhap-nghi', role: 'reporter', unit: 'P01' });
    const preview = await previewReminder(officer(sys), { period: '2026M10' });
    // Đà Nẵng is approved; every other province still owes the form; only Hà Nội has accounts.
    expect(preview.units.find((u) => u.code === 'P48')).toBeUndefined();
    expect(preview.units.find((u) => u.code === 'P01')).toMatchObject({ people: 3 });
    expect(preview).toMatchObject({ people: 3, email: 2, app: 3 });
    expect(preview.unitsWithoutPeople).toBe(preview.units.length - 1);
    await expect(previewReminder(reporter, { period: '2026M10' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await selectJobs(db.k, 'reminder:')).toHaveLength(0);

    const sent = await sendReminder(officer(sys), { period: '2026M10' });
    expect(sent.queued).toEqual({ email: 2, app: 3 });
    expect(sent.alreadyToday).toBe(0);
    // The account is disabled before the queue runs: its messages are skipped, audited.
    await changeAccount({ ...sys }, { username: 'nhap-nghi', disabled: true, reason: 'nghỉ hưu' });
    const r = await deliver();
    expect(r).toMatchObject({ sent: 3, skipped: 2 });
    expect(mailsTo('nhap-hanoi').map((m) => m.subject)).toEqual(['Nhắc nộp báo cáo tháng 10/2026']);
    expect(mailsTo('nhap-nghi')).toEqual([]);
    const skips = await db.k
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'notification')
      .where('action', '=', 'skip')
      .execute();
    expect(skips.map((s) => s.reason)).toEqual(['account disabled', 'account disabled']);
    const again = await sendReminder(officer(sys), { period: '2026M10' });
    expect(again).toMatchObject({ people: 2, queued: { email: 0, app: 0 }, alreadyToday: 3 });
  });

  it('a disabled account is planned nothing at all, events and reminders alike', async () => {
    const [nghi] = await selectRecipients(db.k, { usernames: ['nhap-nghi'] });
    const q = await queueMessages(db.k, [
      {
        key: 'test-disabled',
        to: nghi!,
        kind: 'returned',
        render: () => ({ subject: 's', body: 'b', link: null, linkLabel: '', language: 'vi' }),
        runAt: new Date(),
      },
    ]);
    expect(q).toEqual({ email: 0, app: 0 });
    const me: Ctx = { ...sys, actor: { username: 'nhap-nghi', role: 'reporter', unitId: null } };
    expect((await listNotifications(me)).items).toEqual([]);
    expect((await getNotifyPreferences(me)).email).toBe('nhap-nghi@example.vn');
  });
});

describe('the queue: retried with backoff, never lost on restart, never twice on two nodes', () => {
  const queueTo = async (user: string, n: number, tag: string) => {
    const [to] = await selectRecipients(db.k, { usernames: [user] });
    return queueMessages(
      db.k,
      Array.from({ length: n }, (_, i) => ({
        key: `${tag}-${i}`,
        to: to!,
        kind: 'reminder' as const,
        render: () => ({
          subject: `${tag} ${i}`,
          body: `Thư số ${i}`,
          link: null,
          linkLabel: '',
          language: 'vi' as const,
        }),
        runAt: new Date(),
      })),
    );
  };

  it('retries a refused email later, with backoff, and sends it once', async () => {
    await queueTo('nhap-hanoi', 1, 'retry');
    inbox.refuse(1);
    const t0 = new Date();
    clock = t0;
    expect(await deliver()).toMatchObject({ retried: 1, sent: 1 }); // the in-app copy is delivered
    const [job] = (await selectJobs(db.k, 'retry-0:email'))!;
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job!.last_error).toMatch(/451/);
    expect(job!.run_at.getTime() - t0.getTime()).toBe(30_000);
    clock = new Date(t0.getTime() + 29_000);
    expect(await deliver()).toMatchObject({ sent: 0, retried: 0 });
    clock = new Date(t0.getTime() + 31_000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(inbox.received.filter((m) => m.subject === 'retry 0')).toHaveLength(1);
    clock = null;
  });

  it('a node stopped mid-queue loses nothing: another takes its messages when its lease ends', async () => {
    await queueTo('nhap-hanoi', 12, 'restart');
    const real = createMailer(inbox.url);
    let sentByA = 0;
    // Node A delivers four, then dies in the middle of the fifth (its promise never settles).
    const dying: Mailer = {
      sendMail: (m) => (++sentByA <= 4 ? real.sendMail(m) : new Promise(() => undefined)),
    };
    void deliver({ node: 'node-a', mailer: dying });
    const subjects = () =>
      inbox.received.filter((m) => m.subject.startsWith('restart ')).map((m) => m.subject);
    for (let i = 0; i < 200 && subjects().length < 4; i++) await new Promise((r) => setTimeout(r, 50));
    expect(subjects()).toHaveLength(4);
    // Restarted as a new process (on PostgreSQL: its own connections), after A's lease ran out.
    const b = db.url ? await openDatabase({ url: db.url }) : db;
    clock = new Date(Date.now() + LEASE_MS + 1000);
    await deliver({ node: 'node-b', on: b });
    clock = null;
    if (b !== db) await b.close();
    expect(subjects().sort()).toEqual(Array.from({ length: 12 }, (_, i) => `restart ${i}`).sort());
    const jobs = await selectJobs(db.k, 'restart-');
    expect(jobs.filter((j) => j.channel === 'email').map((j) => j.status)).toEqual(Array(12).fill('sent'));
  });

  it.skipIf(!process.env.BAOCAO_TEST_PG)('two nodes on one PostgreSQL send each message once', async () => {
    await queueTo('nhap-hanoi', 40, 'twonodes');
    const other = await openDatabase({ url: db.url! });
    const [a, b] = await Promise.all([
      runQueue(db.k, { settings, mailer: createMailer(inbox.url), node: 'node-a', limit: 3 }),
      runQueue(other.k, { settings, mailer: createMailer(inbox.url), node: 'node-b', limit: 3 }),
    ]);
    await other.close();
    const got = inbox.received.filter((m) => m.subject.startsWith('twonodes '));
    expect(got).toHaveLength(40);
    expect(new Set(got.map((m) => m.subject)).size).toBe(40);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(40);
    // Both nodes worked (40 emails and 40 in-app copies between them), neither took the other's.
    expect(a.sent + b.sent).toBe(80);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
  });
});
