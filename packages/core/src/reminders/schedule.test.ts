import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { saveForm } from '../forms/forms.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { createMailer, runQueue } from '../notify/deliver.ts';
import { listNotifications } from '../notify/inbox.ts';
import { type NotifySettings, notifySettings } from '../notify/settings.ts';
import { type SmtpInbox, addPerson, startSmtpInbox } from '../notify/smtp-inbox.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { planScheduled } from './schedule.ts';

let db: Database;
let sys: Ctx;
let inbox: SmtpInbox;
let settings: NotifySettings;
let clock = new Date();
const mailer = () => createMailer(inbox.url);

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
  inbox = await startSmtpInbox();
  // October 2026: due on 15 November (Thông tư 02/2023); "due soon" 3 days before; 2 overdue at most.
  await openReportingPeriod(sys, { period: '2026M10' });
  await addPerson(db.k, { username: 'nhap-danang', role: 'reporter', unit: 'P48' });
  await addPerson(db.k, { username: 'reporter-hanoi', role: 'reporter', unit: 'P01', language: 'en' });
  await addPerson(db.k, { username: 'tonghop', role: 'officer' });
  settings = notifySettings(loadConfig({}), {
    smtpUrl: inbox.url,
    publicUrl: 'https://baocao.example.vn',
    remindDays: { M: 3, Q: 7, S: 7, Y: 10, R: 3 },
    overdueMax: 2,
    now: () => clock,
  });
});
afterAll(async () => {
  await inbox.close();
  await db.close();
});

/** One scheduler run at `time` (UTC) on `day`, then delivery; the mails that arrived. */
async function dayAt(day: string, time = '02:00') {
  clock = new Date(`${day}T${time}:00Z`);
  const before = inbox.received.length;
  await planScheduled(sys, settings);
  await runQueue(db.k, { settings, mailer: mailer() });
  return inbox.received
    .slice(before)
    .map((m) => [m.to.split('@')[0], m.kind, m.subject] as const)
    .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
}

describe('scheduled reminders on the right days (fake clock, real SMTP)', () => {
  it('tells each unit the period is open, once', async () => {
    const got = await dayAt('2026-11-11');
    expect(got).toEqual([
      ['nhap-danang', 'period_open', 'Đã mở kỳ báo cáo tháng 10/2026'],
      ['reporter-hanoi', 'period_open', 'Reporting for October 2026 is open'],
    ]);
    expect(await dayAt('2026-11-11', '05:00')).toEqual([]);
  });

  it('reminds 3 days before the deadline (the setting for months), not 4, not again at 2', async () => {
    expect(await dayAt('2026-11-12')).toEqual([
      ['nhap-danang', 'due_soon', 'Còn 3 ngày đến hạn nộp báo cáo tháng 10/2026'],
      ['reporter-hanoi', 'due_soon', '3 days left to report for October 2026'],
    ]);
    expect(await dayAt('2026-11-13')).toEqual([]);
    expect(await dayAt('2026-11-14')).toEqual([]);
  });

  it('reminds on the day, with the link to the exact form', async () => {
    const got = await dayAt('2026-11-15');
    expect(got.map((m) => m[1])).toEqual(['due_today', 'due_today']);
    const mail = inbox.received.find((m) => m.kind === 'due_today' && m.to.startsWith('nhap-danang'))!;
    expect(mail.text).toContain('Hạn nộp là hôm nay, 15/11/2026');
    expect(mail.text).toContain('Mở biểu mẫu: https://baocao.example.vn/forms/P48/2026M10');
    expect(mail.messageId).toMatch(/^<baocao-\d+@baocao\.example\.vn>$/);
  });

  it('sends nothing at night: the day starts at 08:00 in Vietnam', async () => {
    // 23:00 UTC on the 15th is 06:00 on the 16th in Hà Nội.
    expect(await dayAt('2026-11-15', '23:00')).toEqual([]);
  });

  it('is overdue daily until submitted, at most the configured times; officers get a digest', async () => {
    const d16 = await dayAt('2026-11-16');
    expect(d16.filter((m) => m[1] === 'overdue')).toEqual([
      ['nhap-danang', 'overdue', 'Quá hạn 1 ngày: báo cáo tháng 10/2026'],
      ['reporter-hanoi', 'overdue', '1 day late: October 2026 report'],
    ]);
    const digest = inbox.received.find((m) => m.kind === 'digest')!;
    expect(digest.to).toBe('tonghop@example.vn');
    expect(digest.subject).toMatch(/^Tình hình nộp báo cáo ngày 16\/11\/2026: \d+ quá hạn, 0 mới gửi$/);
    expect(digest.text).toContain('- Thành phố Đà Nẵng, tháng 10/2026: quá hạn 1 ngày');
    expect(digest.text).toContain('https://baocao.example.vn/board?period=2026M10');

    // Đà Nẵng submits: its reporter hears no more; Hà Nội's gets the second (and last) one.
    const graph = await loadUnitGraph(db.k);
    const reporter: Ctx = {
      ...sys,
      actor: { username: 'nhap-danang', role: 'reporter', unitId: graph.byCode.get('P48')!.id },
    };
    await saveForm(reporter, {
      unit: 'P48',
      period: '2026M10',
      values: [{ indicator: 'VT.DOANH_THU', value: 912.5 }],
      submit: true,
    });
    const d17 = await dayAt('2026-11-17');
    expect(d17.filter((m) => m[1] !== 'digest')).toEqual([
      ['reporter-hanoi', 'overdue', '2 days late: October 2026 report'],
    ]);
    const digest17 = inbox.received.filter((m) => m.kind === 'digest').at(-1)!;
    expect(digest17.text).toContain('Đã gửi từ hôm qua (1):\n- Thành phố Đà Nẵng, tháng 10/2026');
    expect(digest17.text).not.toContain('- Thành phố Đà Nẵng, tháng 10/2026: quá hạn');
    const d18 = await dayAt('2026-11-18');
    expect(d18.filter((m) => m[1] !== 'digest')).toEqual([]);
  });

  it('puts every message in the app too, unread until read', async () => {
    const me: Ctx = { ...sys, actor: { username: 'nhap-danang', role: 'reporter', unitId: null } };
    const list = await listNotifications(me);
    expect(list.items.map((n) => n.kind)).toEqual(['overdue', 'due_today', 'due_soon', 'period_open']);
    expect(list.unread).toBe(4);
    expect(list.items[0]!.link).toBe('/forms/P48/2026M10');
  });
});
