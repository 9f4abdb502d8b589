import { approveForm, loadUnitGraph, saveForm, submitValues, systemCtx } from '@baocao/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SETTLE, audit, browserTests, expectClean, signIn, startPlatform } from './harness.ts';

/**
 * Validation analysis before release, reached by clicking only: the officer opens the board, then
 * the analysis, sees exactly the violations planted in the period (two provinces with more mobile
 * broadband than mobile subscriptions; Đà Nẵng's subscriptions halved, explained by its reporter),
 * filters them, finds the export links, and opens a violation's form, where the value carries one
 * note (the rule's), not a second wording of the same concern.
 */
for (const width of [1366, 390]) {
  describe.runIf(browserTests)(`validation analysis by clicking, at ${width} px`, () => {
    let h: Harness;
    let period = '';
    const shot = (name: string) => `${width}-analysis-${name}`;
    const WHY = 'Rà soát thu hồi 1 triệu thuê bao trả trước không chính chủ';
    const BROADBAND = ['P01', 'P79'];
    beforeAll(async () => {
      h = await startPlatform();
      period = h.periods[0]!;
      const sys = systemCtx(h.db);
      const graph = await loadUnitGraph(h.db.k);
      const row = (i: number, indicator: string, unit: string, value: number, p = period) => ({
        row: i,
        indicator,
        unit,
        period: p,
        value,
        status: 'official',
      });
      // Last month's subscriptions, then this month's: broadband above mobile in two provinces.
      await submitValues(sys, {
        rows: [
          row(1, 'VT.THUE_BAO_DI_DONG', 'P48', 2_000_000, h.periods[1]),
          ...BROADBAND.flatMap((u, i) => [
            row(2 + 2 * i, 'VT.THUE_BAO_DI_DONG', u, 1_000_000, h.periods[1]),
            row(3 + 2 * i, 'VT.THUE_BAO_DI_DONG', u, 1_000_000),
          ]),
          row(6, 'VT.THUE_BAO_BRDD', 'P01', 1_150_000),
          row(7, 'VT.THUE_BAO_BRDD', 'P79', 1_300_000),
        ],
      });
      // Đà Nẵng's reporter sends a halved figure with its explanation; the officer acknowledges and approves.
      const as = (username: string, role: 'reporter' | 'officer', unit: string | null) => ({
        ...sys,
        actor: { username, role, unitId: unit ? graph.byCode.get(unit)!.id : null },
      });
      const key = { unit: 'P48', period };
      await saveForm(as('reporter-danang', 'reporter', 'P48'), {
        ...key,
        values: [{ indicator: 'VT.THUE_BAO_DI_DONG', value: 1_000_000, explanation: WHY }],
        submit: true,
      });
      await approveForm(as('officer', 'officer', null), { ...key, acknowledge: ['VT.THUE_BAO_DI_DONG'] });
    }, 180_000);
    afterAll(async () => {
      await h?.close();
    });

    /** The violations listed, sorted (polled: a filter's answer replaces the table when it comes). */
    const rows = async (page: Page) =>
      (
        await page
          .locator('tr[data-violation]')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-violation')))
      ).sort();

    it('the officer opens the analysis from the board and sees exactly the planted violations', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      const nav = page.getByRole('navigation', { name: 'Chức năng' });
      await nav.getByRole('link', { name: 'Theo dõi nộp báo cáo', exact: true }).click();
      await page.getByRole('link', { name: 'Phân tích kiểm tra số liệu' }).click();
      await page.getByRole('heading', { name: 'Phân tích kiểm tra số liệu' }).waitFor();
      await page.locator('[data-counts]').waitFor();
      await expect
        .poll(() => rows(page))
        .toEqual(['P01|VT.BRDD_LE_DI_DONG', 'P48|VT.DI_DONG_GIAM_30', 'P79|VT.BRDD_LE_DI_DONG'].sort());
      await expect
        .poll(() => page.locator('[data-counts]').innerText(), SETTLE)
        .toContain('0 lỗi, 3 cảnh báo tại 3 đơn vị');
      const dn = page.locator('tr[data-violation="P48|VT.DI_DONG_GIAM_30"]');
      await expect.poll(() => dn.innerText(), SETTLE).toContain(WHY);
      // What the values are, and what the rule asks of them: never "1.000.000 ≥ 1.400.000".
      await expect.poll(() => dn.innerText(), SETTLE).toContain('1.000.000 < 1.400.000');
      await expect.poll(() => dn.innerText(), SETTLE).toContain('phải ≥');
      await audit(page, shot('01-all'));
      // Filtered by rule: the two broadband provinces; the export links carry the same filter.
      await page
        .getByLabel('Quy tắc')
        .selectOption({ label: 'Thuê bao băng rộng di động không vượt thuê bao di động' });
      await expect.poll(() => rows(page)).toEqual(['P01|VT.BRDD_LE_DI_DONG', 'P79|VT.BRDD_LE_DI_DONG']);
      const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
      expect(csv).toMatch(/^\/api\/quality\/violations\/export\?.*rule=VT.BRDD_LE_DI_DONG.*format=csv/);
      const file = await page.evaluate(async (url) => (await fetch(url)).text(), csv!);
      expect(file.trim().split('\r\n')).toHaveLength(3);
      // A part of the unit tree: Hồ Chí Minh City alone.
      await page.getByLabel('Đơn vị').selectOption({ label: 'Thành phố Hồ Chí Minh' });
      await expect.poll(() => rows(page)).toEqual(['P79|VT.BRDD_LE_DI_DONG']);
      // Errors only: none in this period.
      await page.getByLabel('Mức độ').selectOption({ label: 'Lỗi' });
      await page.getByText('Không có vi phạm nào.').waitFor();
      await audit(page, shot('02-errors-none'));
      expectClean(watch);
      await page.close();
    });

    it("a violation's link opens its form, where the value has one note, the rule's", async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      const nav = page.getByRole('navigation', { name: 'Chức năng' });
      await nav.getByRole('link', { name: 'Theo dõi nộp báo cáo', exact: true }).click();
      await page.getByRole('link', { name: 'Phân tích kiểm tra số liệu' }).click();
      const dn = page.locator('tr[data-violation="P48|VT.DI_DONG_GIAM_30"]');
      await dn.getByRole('link', { name: 'Mở biểu mẫu' }).click();
      await page.waitForURL(new RegExp(`/forms/P48/${period}$`));
      await page.getByText(WHY).first().waitFor();
      // The old "more than doubled or halved" note is gone: the flags are the form's only notes.
      await expect(page.getByText(/Bất thường: giảm/).count()).resolves.toBe(0);
      await audit(page, shot('03-form'));
      expectClean(watch);
      await page.close();
    });

    it('an administrator sets a hard range in Administration, is told a badly typed bound, and removes it', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      const nav = page.getByRole('navigation', { name: 'Chức năng' });
      await nav.getByRole('link', { name: 'Quản trị', exact: true }).click();
      const panel = page.locator('.card', {
        has: page.getByRole('heading', { name: 'Khoảng giá trị hợp lệ' }),
      });
      await panel.getByLabel('Chỉ tiêu').selectOption('VT.THUE_BAO_DI_DONG');
      await panel.getByLabel('Đơn vị').selectOption('P48');
      await panel.getByLabel('Lớn nhất (để trống: không giới hạn)').fill('1,5 triệu');
      await panel.getByLabel('Cứng: từ chối khi nhập').check();
      await panel.getByRole('button', { name: 'Lưu khoảng giá trị' }).click();
      await panel
        .getByRole('alert')
        .getByText(/^Lớn nhất: /)
        .waitFor();
      await panel.getByLabel('Lớn nhất (để trống: không giới hạn)').fill('1.500.000');
      await panel.getByLabel('Lý do').fill('Dân số 3,07 triệu; mật độ tối đa theo Cục Viễn thông');
      await panel.getByRole('button', { name: 'Lưu khoảng giá trị' }).click();
      await panel.getByText('Đã lưu khoảng giá trị').waitFor();
      const row = panel.locator('tr[data-range="VT.THUE_BAO_DI_DONG|P48"]');
      await expect
        .poll(() => row.innerText(), SETTLE)
        .toMatch(/Thành phố Đà Nẵng[\s\S]*1\.500\.000[\s\S]*Cứng/);
      const stored = await h.db.k.selectFrom('value_range').select(['max_value', 'hard']).execute();
      expect(stored.map((r) => [Number(r.max_value), r.hard])).toEqual([[1_500_000, true]]);
      await audit(page, shot('04-ranges'));
      await row.getByRole('button', { name: 'Bỏ' }).click();
      await panel.getByText('Đã bỏ khoảng giá trị').waitFor();
      await row.waitFor({ state: 'detached' });
      expect(await h.db.k.selectFrom('value_range').selectAll().execute()).toEqual([]);
      expectClean(watch);
      await page.close();
    });
  });
}
