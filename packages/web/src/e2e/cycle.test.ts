import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  audit,
  browserTests,
  expectClean,
  openPage,
  signIn,
  startPlatform,
} from './harness.ts';

const value = (page: Page, indicator: string) => page.locator(`input[name="${indicator}"]`);

/**
 * A month's reporting cycle, walked in the browser by each role, on a laptop (1366 px) and on a phone
 * (390 px): the reporter fills, uploads and submits; the officer returns it with a comment; the
 * reporter fixes it; the officer approves, reads the dashboard, edits the report and downloads it in
 * Word, releases the figures; the leader publishes the report; a visitor reads both; the
 * administrator disables an account. Every page is audited (axe, sideways scroll, screenshot).
 */
for (const width of [1366, 390]) {
  describe.runIf(browserTests)(`the month's cycle at ${width} px`, () => {
    let h: Harness;
    let period = '';
    const shot = (name: string) => `${width}-${name}`;
    beforeAll(async () => {
      h = await startPlatform();
      period = h.periods[0]!;
    }, 180_000);
    afterAll(async () => {
      await h?.close();
    });

    it('a reporter fills the form, loads a file into it, sees a wrong value refused, and submits', async () => {
      const { page, watch } = await signIn(h, 'reporter-danang', width);
      await page.getByRole('heading', { name: 'Biểu mẫu của tôi' }).waitFor();
      await audit(page, shot('01-my-forms'));
      await page.goto(`${h.base}/forms/P48/${period}`);
      await value(page, 'VT.DOANH_THU').waitFor();
      // A filled CSV in the template's columns goes into the draft.
      const csv = `indicator,unit,period,value,status\nVT.THUE_BAO_BRCD,P48,${period},520000,estimate\nBC.SAN_LUONG,P48,${period},3.5,estimate\n`;
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'da-nang.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByText('Đã nạp tệp da-nang.csv vào bản nháp').waitFor();
      // Shown the way the form reads it back: thousands grouped, decimal comma.
      await expect(value(page, 'VT.THUE_BAO_BRCD').inputValue()).resolves.toBe('520.000');
      // The columns stay where they are when a message appears under a field.
      const statusColumn = () =>
        page
          .locator('tr', { has: value(page, 'VT.DOANH_THU') })
          .locator('select')
          .boundingBox();
      const before = await statusColumn();
      await value(page, 'VT.DOANH_THU').fill('12a4');
      await page.getByText('Không phải là số').first().waitFor();
      expect((await statusColumn())?.x).toBe(before?.x);
      await page.getByRole('button', { name: 'Gửi duyệt' }).click();
      await page.getByText('Còn ô nhập sai').waitFor();
      // The first red cell, not the message under the table, has the focus and is in view (finding 16).
      await page.waitForFunction(() => document.activeElement?.id === 'v-VT.DOANH_THU');
      const box = await value(page, 'VT.DOANH_THU').boundingBox();
      const viewport = page.viewportSize();
      expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
      await audit(page, shot('02-form-invalid'));
      // A whole-number count written with a thousands dot is read as thousands.
      await value(page, 'VT.DOANH_THU').fill('1.234');
      await page.getByRole('button', { name: 'Gửi duyệt' }).click();
      // Cells left empty: asked first (e2e/completeness.test.ts walks that dialog).
      await page.getByRole('button', { name: 'Gửi vẫn' }).click();
      await page.getByText('Đã gửi để duyệt').waitFor();
      await expect(value(page, 'VT.DOANH_THU').isDisabled()).resolves.toBe(true);
      await expect(value(page, 'VT.DOANH_THU').inputValue()).resolves.toBe('1.234');
      await audit(page, shot('03-form-submitted'));
      expectClean(watch);
      await page.close();
    });

    it('an officer finds it on the board and returns it with a comment', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      await page.goto(`${h.base}/board?period=${period}`);
      const row = page.locator('tr[data-unit="P48"]');
      await row.getByText('Đã gửi, chờ duyệt').waitFor();
      await audit(page, shot('04-board'));
      await row.getByRole('link', { name: 'Xem xét' }).click();
      await page.getByText('gửi bởi Sở KH&CN Đà Nẵng').waitFor();
      // Returning without a comment is refused, and the reason is said once.
      await page.getByRole('button', { name: 'Trả lại' }).click();
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      const said = (await refusal.innerText())
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('Mã hỗ trợ'));
      expect(said).toHaveLength(1);
      await page.getByLabel('Nhận xét (bắt buộc khi trả lại)').fill('Doanh thu chưa gồm số của VNPT Đà Nẵng');
      await page.getByRole('button', { name: 'Trả lại' }).click();
      await page.getByText('Đã trả lại biểu mẫu cho đơn vị kèm nhận xét.').waitFor();
      await page.getByText('Đã trả lại cho đơn vị; chờ đơn vị sửa và gửi lại.').waitFor();
      await audit(page, shot('05-review-returned'));
      expectClean(watch);
      await page.close();
    });

    it('the reporter reads the reason, fixes the value and resubmits; the old reason is gone', async () => {
      const { page, watch } = await signIn(h, 'reporter-danang', width);
      await page.getByText('Doanh thu chưa gồm số của VNPT Đà Nẵng').first().waitFor();
      await page.goto(`${h.base}/forms/P48/${period}`);
      await page.getByText('Lý do trả lại:').waitFor();
      await audit(page, shot('06-form-returned'));
      await value(page, 'VT.DOANH_THU').fill('1.250');
      await page.getByRole('button', { name: 'Gửi duyệt' }).click();
      await page.getByRole('button', { name: 'Gửi vẫn' }).click();
      await page.getByText('Đã gửi để duyệt').waitFor();
      await expect(page.getByText('Lý do trả lại:').count()).resolves.toBe(0);
      // Sent again: no "reviewed by … at …" of the earlier return on the new sending (finding 17).
      await expect(page.getByText('xem xét bởi').count()).resolves.toBe(0);
      expectClean(watch);
      await page.close();
    });

    it('the officer approves, reads the value history and sees the value on the dashboard', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      await page.goto(`${h.base}/forms/P48/${period}`);
      await page.getByRole('button', { name: 'Duyệt' }).click();
      await page.getByText('Đã duyệt biểu mẫu; số liệu đã vào cơ sở dữ liệu.').waitFor();
      await page.getByText('Biểu mẫu đã duyệt và khóa').waitFor();
      await page.locator('aside select').selectOption('VT.DOANH_THU');
      const history = page.locator('aside table');
      await history.getByRole('columnheader', { name: 'Người thực hiện' }).waitFor();
      await history.getByText('Duyệt biểu mẫu').waitFor();
      await history.getByText('Cán bộ tổng hợp').waitFor();
      await audit(page, shot('07-approved'));
      await page.goto(`${h.base}/dashboard?unit=VN&period=${period}`);
      await page
        .getByRole('button', { name: /Doanh thu dịch vụ viễn thông/ })
        .getByText('1.250')
        .waitFor();
      // The national figure is one province of 34: it says so, in the words of its sentence.
      await page.getByText('1/34 tỉnh, thành phố đã báo cáo').first().waitFor();
      await page.locator('table.pivot').getByText('1.250').waitFor();
      await audit(page, shot('08-dashboard'));
      expectClean(watch);
      await page.close();
    });

    it('the officer reads the report text in place, edits a section and downloads it in Word', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      await page.goto(`${h.base}/reports?template=hop-bao-thang&period=2024M08`);
      // The generated text is there, section by section, its computed passages marked as such.
      await page.locator('section.report-section .from-data').first().waitFor({ state: 'attached' });
      await audit(page, shot('09-report-editor'));
      // The first section with computed text, held by its name (once edited, its generated text goes).
      const title = await page
        .locator('section.report-section', { has: page.locator('.from-data') })
        .first()
        .getAttribute('aria-label');
      const section = page.getByRole('region', { name: title ?? '', exact: true });
      // On a phone the sections start folded: the officer opens the one to edit.
      if (width < 600) await section.locator('summary').click();
      await section.getByRole('button', { name: 'Sửa mục' }).click();
      const box = section.locator('textarea');
      // The editor starts from the generated text, not from an empty box.
      await expect(box.inputValue()).resolves.toMatch(/\d/);
      await box.fill('Doanh thu toàn ngành tiếp tục tăng, theo số liệu các đơn vị đã báo cáo.');
      await section.getByRole('button', { name: 'Lưu mục' }).click();
      await section.getByText('Nội dung đã sửa').waitFor();
      await section.getByText('Doanh thu toàn ngành tiếp tục tăng').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải Word' }).click(),
      ]);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      expectClean(watch, [download.suggestedFilename()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      await page.close();
    });

    it('the officer releases the month after confirming what becomes public and its coverage', async () => {
      const visitor = await openPage(h, width);
      await visitor.page.goto(`${h.base}/?period=${period}`);
      await visitor.page.getByText(/chưa được công bố/).waitFor();
      await expect(visitor.page.content()).resolves.not.toContain('1.250');
      const { page, watch } = await signIn(h, 'officer', width);
      await page.goto(`${h.base}/admin`);
      await page.locator(`tr[data-period="${period}"]`).waitFor();
      await audit(page, shot('10-admin-periods'));
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void (d.type() === 'prompt' ? d.accept('Công bố theo chỉ đạo của Lãnh đạo Bộ') : d.accept());
      });
      await page
        .locator(`tr[data-period="${period}"]`)
        .getByRole('button', { name: 'Công bố số liệu' })
        .click();
      await page.getByText('Đã công bố số liệu').waitFor();
      expect(dialogs[0]).toContain('mọi người (kể cả không đăng nhập) sẽ xem được');
      expect(dialogs[1]).toContain('Doanh thu dịch vụ viễn thông: mới có 1/34 đơn vị báo cáo');
      await visitor.page.reload();
      await visitor.page.locator('tr[data-indicator="VT.DOANH_THU"]').getByText('1.250').waitFor();
      await audit(visitor.page, shot('11-public-released'));
      expectClean(watch);
      await page.close();
      await visitor.page.close();
    });

    it('the leader publishes the report after a confirmation, with no editing control; visitors find it', async () => {
      const { page, watch } = await signIn(h, 'leader', width);
      await page.goto(`${h.base}/reports?template=hop-bao-thang&period=2024M08`);
      await page.locator('section.report-section').first().waitFor();
      await page.locator('section.report-section .from-data').first().waitFor({ state: 'attached' });
      await expect(page.getByRole('button', { name: 'Sửa mục' }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: 'Quản trị' }).count()).resolves.toBe(0);
      await audit(page, shot('12-report-leader'));
      let asked = '';
      page.once('dialog', (d) => {
        asked = d.message();
        void d.accept();
      });
      await page.getByRole('button', { name: 'Phát hành' }).click();
      await page.getByText('Đã phát hành').first().waitFor();
      expect(asked).toContain('trang công khai');
      expectClean(watch);
      await page.close();
      const visitor = await openPage(h, width);
      await visitor.page.goto(`${h.base}/`);
      await visitor.page.getByRole('heading', { name: 'Báo cáo đã phát hành' }).waitFor();
      await visitor.page.getByRole('link', { name: 'Word' }).first().waitFor();
      await audit(visitor.page, shot('13-public-reports'));
      expectClean(visitor.watch);
      await visitor.page.close();
    });

    it('an administrator disables an account, giving a reason, and it can no longer sign in', async () => {
      const { page, watch } = await signIn(h, 'admin', width);
      await page.goto(`${h.base}/admin`);
      const row = page.locator('li[data-user="leader"]');
      await row.waitFor();
      await audit(page, shot('14-admin-accounts'));
      page.once('dialog', (d) => void d.accept('Nghỉ hưu từ tháng 12/2026'));
      await row.getByRole('button', { name: 'Khóa' }).click();
      await page.getByText('Đã khóa tài khoản').waitFor();
      await row.getByText('đã khóa').waitFor();
      // The same administrator matches a domain to the code an existing DHIS2 instance uses.
      // Rows read by name, the code beside it (finding 9).
      const vt = page.getByRole('row', { name: /^Viễn thông \(theo tháng\) VT\b/ });
      await vt.getByRole('button', { name: 'Sửa Viễn thông (theo tháng)' }).click();
      await page.getByLabel('Mã DHIS2', { exact: true }).fill(`VT_${width}`);
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByText('Đã lưu mã DHIS2').waitFor();
      await page.getByRole('cell', { name: `VT_${width}` }).waitFor();
      await audit(page, shot('16-admin-interop'));
      expectClean(watch);
      await page.close();
      const again = await openPage(h, width);
      await again.page.goto(`${h.base}/login`);
      await again.page.getByLabel('Tên đăng nhập').fill('leader');
      await again.page.getByLabel('Mật khẩu').fill('mat-khau-e2e-2026');
      await again.page.getByRole('button', { name: 'Đăng nhập' }).click();
      await again.page.getByRole('alert').waitFor();
      await audit(again.page, shot('15-login-refused'));
      expectClean(again.watch);
      await again.page.close();
    });
  });
}
