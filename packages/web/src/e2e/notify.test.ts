import { loadConfig, notifySettings, runQueue } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, audit, browserTests, expectClean, signIn, startPlatform } from './harness.ts';

/**
 * The officer's reminder and the reporter's notifications, reached by clicking: the board's button
 * asks for confirmation with the counts, then says what it sent; the reporter sees the unread
 * count in the header, reads the reminder, follows it to the form, and turns a kind off.
 */
for (const width of [1366, 390]) {
  describe.runIf(browserTests)(`notifications at ${width} px`, () => {
    let h: Harness;
    const shot = (name: string) => `${width}-notify-${name}`;
    beforeAll(async () => {
      h = await startPlatform();
    }, 180_000);
    afterAll(async () => {
      await h?.close();
    });

    it('the officer confirms a reminder that says whom it reaches, and is told what was sent', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      await page.getByRole('link', { name: 'Theo dõi nộp báo cáo' }).click();
      await page.getByRole('heading', { name: 'Theo dõi nộp báo cáo' }).waitFor();
      await page.getByRole('button', { name: 'Nhắc các đơn vị chưa nộp…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByText(/đơn vị chưa nộp; lời nhắc tới 1 người: 1 trong ứng dụng, 0 qua email/)
        .waitFor();
      await audit(page, shot('confirm'));
      await dialog.getByRole('button', { name: 'Gửi lời nhắc' }).click();
      await page
        .getByText(/^Đã gửi lời nhắc tới \d+ đơn vị: 1 thông báo trong ứng dụng, 0 email\.$/)
        .waitFor();
      await expect(dialog.count()).resolves.toBe(0);
      expectClean(watch);
      await page.close();
    });

    it('the reporter sees it in the header, reads it, opens the form, and turns off a kind', async () => {
      // What every app node's notifier does every few seconds (no SMTP here: in the app only).
      await runQueue(h.db.k, { settings: notifySettings(loadConfig({})), mailer: null });
      const { page, watch } = await signIn(h, 'reporter-danang', width);
      await page.getByRole('link', { name: 'Thông báo 1 chưa đọc' }).click();
      await page.getByRole('heading', { name: 'Thông báo', exact: true }).waitFor();
      await page.getByText(/^Nhắc nộp báo cáo tháng \d+\/\d{4}$/).waitFor();
      await audit(page, shot('list'));
      await page.getByRole('checkbox', { name: 'Lời nhắc của cán bộ tổng hợp' }).uncheck();
      await expect(page.getByRole('checkbox', { name: /Biểu mẫu bị trả lại/ }).isDisabled()).resolves.toBe(
        true,
      );
      await page.getByLabel(/Email nhận thông báo/).fill('nhap.danang@example.vn');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu cài đặt thông báo').waitFor();
      await page.getByRole('link', { name: 'Mở biểu mẫu' }).click();
      await page.waitForURL(/\/forms\/P48\/\d{4}M\d{2}$/);
      await page.getByRole('link', { name: 'Thông báo', exact: true }).waitFor();
      expectClean(watch);
      await page.close();
    });
  });
}
