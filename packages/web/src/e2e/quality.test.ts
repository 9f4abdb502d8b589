import { submitValues, systemCtx } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SETTLE, audit, browserTests, expectClean, signIn, startPlatform } from './harness.ts';

/**
 * A validation rule in the reporting cycle: the reporter saves a value that falls 40% on last
 * month, sees the rule's warning beside the cell, explains it and submits; the officer sees the
 * explanation, is refused approval until the value is acknowledged, acknowledges and approves.
 */
for (const width of [1366, 390]) {
  describe.runIf(browserTests)(`a rule's verdict, explained and acknowledged, at ${width} px`, () => {
    let h: Harness;
    let period = '';
    const shot = (name: string) => `${width}-quality-${name}`;
    const WHY = 'Nhà mạng thu hồi 800.000 thuê bao trả trước không chính chủ trong tháng';
    beforeAll(async () => {
      h = await startPlatform();
      period = h.periods[0]!;
      // Last month's figure, as approved earlier.
      await submitValues(systemCtx(h.db), {
        rows: [
          {
            row: 1,
            indicator: 'VT.THUE_BAO_DI_DONG',
            unit: 'P48',
            period: h.periods[1]!,
            value: 2_000_000,
            status: 'official',
          },
        ],
      });
    }, 180_000);
    afterAll(async () => {
      await h?.close();
    });

    it('the reporter sees the rule beside the cell, cannot submit without explaining, explains and submits', async () => {
      const { page, watch } = await signIn(h, 'reporter-danang', width);
      await page.goto(`${h.base}/forms/P48/${period}`);
      const cell = page.locator('input[name="VT.THUE_BAO_DI_DONG"]');
      await cell.fill('1.200.000');
      await page.getByRole('button', { name: 'Lưu nháp' }).click();
      await page.getByText('Đã lưu nháp').waitFor();
      const verdict = page.locator('[data-flag="VT.DI_DONG_GIAM_30"]');
      await expect
        .poll(() => verdict.innerText(), SETTLE)
        .toContain('Thuê bao di động không giảm quá 30% so với tháng trước');
      await page.getByRole('button', { name: 'Gửi duyệt' }).click();
      // The form's other cells are empty: the completeness question comes first (completeness.test.ts).
      await page.getByRole('button', { name: 'Gửi vẫn' }).click();
      await page
        .getByText(/Chưa gửi được: 1 giá trị cần giải trình/)
        .first()
        .waitFor();
      await audit(page, shot('01-needs-explanation'));
      await page.getByLabel('Giải trình (bắt buộc khi gửi)').fill(WHY);
      await page.getByRole('button', { name: 'Gửi duyệt' }).click();
      await page.getByRole('button', { name: 'Gửi vẫn' }).click();
      await page.getByText('Đã gửi để duyệt').waitFor();
      await page.getByText(WHY).waitFor();
      await audit(page, shot('02-submitted'));
      expectClean(watch);
      await page.close();
    });

    it('the officer reads the explanation, is refused until acknowledging, then approves', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      await page.goto(`${h.base}/forms/P48/${period}`);
      const item = page.locator('[data-flagged="VT.THUE_BAO_DI_DONG"]');
      await item.getByText(WHY).waitFor();
      await audit(page, shot('03-review'));
      await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page
        .getByText(/Không duyệt được: 1 giá trị bất thường chưa được xác nhận/)
        .first()
        .waitFor();
      await item.getByLabel('Tôi đã kiểm tra giá trị bất thường').check();
      await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByText('Đã duyệt biểu mẫu; số liệu đã vào cơ sở dữ liệu.').waitFor();
      await audit(page, shot('04-approved'));
      const ack = await h.db.k
        .selectFrom('audit_log')
        .select(['actor', 'new_data'])
        .where('action', '=', 'acknowledge')
        .where('entity_key', '=', `P48/${period}`)
        .execute();
      expect(ack).toMatchObject([
        { actor: 'officer', new_data: [{ indicator: 'VT.THUE_BAO_DI_DONG', explanation: WHY }] },
      ]);
      expectClean(watch);
      await page.close();
    });

    it('an officer edits a rule in the admin panel: an unknown code is named, a sound change is a new version', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      await page.goto(`${h.base}/admin`);
      const row = page.locator('tr[data-rule="VT.BRCD_GIAM_30"]');
      await row.getByRole('button', { name: 'Sửa' }).click();
      await page.getByLabel('Vế phải').fill('0.8 * #{VT.THUE_BAO_BRCDX}[previous]');
      await page.getByLabel('Lý do thay đổi').fill('Siết ngưỡng theo chỉ đạo của Vụ');
      await page.getByRole('button', { name: 'Lưu quy tắc' }).click();
      await page
        .getByText(/không có chỉ tiêu mã "VT.THUE_BAO_BRCDX"/)
        .first()
        .waitFor();
      await page.getByLabel('Vế phải').fill('0.8 * #{VT.THUE_BAO_BRCD}[previous]');
      await page.getByRole('button', { name: 'Lưu quy tắc' }).click();
      await page.getByText('Đã lưu quy tắc').waitFor();
      await expect.poll(() => row.innerText(), SETTLE).toContain('0.8 * #{VT.THUE_BAO_BRCD}[previous]');
      await audit(page, shot('05-rules-admin'));
      expectClean(watch);
      await page.close();
    });
  });
}
