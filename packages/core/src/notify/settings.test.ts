import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { backoffMs } from './deliver.ts';
import { notifySettings, vnDay, vnMorning } from './settings.ts';

describe('notification settings', () => {
  it('reads SMTP, sender, reply-to, links and the schedule from the validated config', () => {
    const s = notifySettings(
      loadConfig({
        SMTP_URL: 'smtps://thongbao:mk@mail.mst.gov.vn:465',
        NOTIFY_FROM: 'Thống kê KH&CN <thongke@mst.gov.vn>',
        NOTIFY_REPLY_TO: 'hotro@mst.gov.vn',
        BAOCAO_PUBLIC_URL: 'https://baocao.mst.gov.vn/',
        NOTIFY_REMIND_DAYS: 'M:2, Q:7',
        NOTIFY_OVERDUE_MAX: '3',
      }),
    );
    expect(s).toMatchObject({
      smtpUrl: 'smtps://thongbao:mk@mail.mst.gov.vn:465',
      from: 'Thống kê KH&CN <thongke@mst.gov.vn>',
      replyTo: 'hotro@mst.gov.vn',
      publicUrl: 'https://baocao.mst.gov.vn',
      remindDays: { M: 2, Q: 7, S: 7, Y: 10 },
      overdueMax: 3,
    });
    // Nothing set: in-app only, the defaults.
    expect(notifySettings(loadConfig({}))).toMatchObject({
      smtpUrl: null,
      overdueMax: 5,
      remindDays: { M: 3 },
    });
  });

  it('refuses wrong settings by name', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.vn' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ NOTIFY_FROM: 'không phải email' })).toThrow(/NOTIFY_FROM/);
    expect(() => loadConfig({ NOTIFY_REMIND_DAYS: 'tháng:3' })).toThrow(/NOTIFY_REMIND_DAYS/);
    expect(() => loadConfig({ NOTIFY_OVERDUE_MAX: '-1' })).toThrow(/NOTIFY_OVERDUE_MAX/);
  });

  it('counts days in Vietnam and waits longer after each failure', () => {
    expect(vnDay(new Date('2026-11-15T16:59:00Z'))).toBe('2026-11-15');
    expect(vnDay(new Date('2026-11-15T17:00:00Z'))).toBe('2026-11-16');
    expect(vnMorning('2026-11-16').toISOString()).toBe('2026-11-16T01:00:00.000Z');
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n) / 1000)).toEqual([
      30, 120, 480, 1920, 7680, 21600, 21600,
    ]);
  });
});
