import { createRegistryItems, systemCtx } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SETTLE, audit, browserTests, expectClean, signIn, startPlatform } from './harness.ts';

const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}M${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** The registry of information systems in the browser: declared by a reporter, approved by an officer, counted. */
describe.runIf(browserTests)('in a real browser: information systems by security level', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startPlatform();
    await createRegistryItems(systemCtx(h.db), [
      {
        kind: 'task',
        period: '2024M08',
        title: 'Tổng kết thí điểm diễn tập thực chiến trên nền tảng số',
        leadUnit: 'BO.CATTT',
        dueOn: '2024-08-20',
      },
    ]);
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    [1366, 1, 'Cổng dịch vụ công thành phố Đà Nẵng'],
    [390, 2, 'Hệ thống quản lý văn bản và điều hành thành phố'],
  ] as const)(
    'at %i px: a reporter declares a system, the officer approves it, the dashboard counts it',
    async (width, count, name) => {
      const r = await signIn(h, 'reporter-danang', width);
      await r.page.goto(`${h.base}/infosystems`);
      const form = r.page.locator('form', {
        has: r.page.getByRole('heading', { name: 'Kê khai hệ thống thông tin' }),
      });
      await form.getByLabel('Tên hệ thống').fill(name);
      await form.getByLabel('Mục đích sử dụng').fill('Phục vụ người dân và doanh nghiệp trên địa bàn');
      await form.getByLabel('Cấp độ đề xuất').selectOption('3');
      await form.getByRole('button', { name: 'Gửi kê khai' }).click();
      await r.page.getByText('Đã gửi kê khai, chờ cán bộ duyệt.').waitFor();
      const mine = r.page.locator('tr', { hasText: name });
      await mine.getByText('Đã gửi, chờ duyệt').waitFor();
      await audit(r.page, `infosystems-reporter-${width}`);
      expectClean(r.watch);
      await r.page.close();

      const o = await signIn(h, 'officer', width);
      await o.page.goto(`${h.base}/infosystems`);
      const row = o.page.locator('tr', { hasText: name });
      await row.getByRole('button', { name: 'Duyệt' }).click();
      await row.getByText('Đã duyệt').waitFor();
      await o.page
        .getByRole('status')
        .filter({ hasText: `tổng số ${count} hệ thống thông tin` })
        .waitFor();
      await audit(o.page, `infosystems-officer-${width}`);
      await o.page.goto(`${h.base}/dashboard?unit=VN&period=${thisMonth()}`);
      const card = o.page.locator('.kpi', { hasText: 'Tổng số hệ thống thông tin' });
      await card.waitFor();
      await expect.poll(() => card.locator('.kpi-value').textContent(), SETTLE).toBe(`${count} hệ thống`);
      await card.getByText('1/34').waitFor();
      await audit(o.page, `infosystems-dashboard-${width}`);
      // The officer's board lists the task past its date.
      await o.page.goto(`${h.base}/board`);
      await o.page
        .locator('.card', { has: o.page.getByRole('heading', { name: 'Nhiệm vụ quá hạn' }) })
        .getByText('Tổng kết thí điểm diễn tập thực chiến trên nền tảng số')
        .waitFor();
      await audit(o.page, `infosystems-board-${width}`);
      expectClean(o.watch);
      await o.page.close();
    },
    300_000,
  );
});
