import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, audit, browserTests, expectClean, signIn, startPlatform } from './harness.ts';

/**
 * Complete submissions: submitting a form with empty cells asks first, with how many and which,
 * and takes a reason for the form or per cell; the form then shows what was left empty and why,
 * and the board shows completeness as filled/required.
 */
for (const width of [1366, 390]) {
  describe.runIf(browserTests)(`complete submissions at ${width} px`, () => {
    let h: Harness;
    const shot = (name: string) => `${width}-completeness-${name}`;
    beforeAll(async () => {
      h = await startPlatform();
    }, 300_000);
    afterAll(async () => {
      await h?.close();
    });

    it('asks before sending empty cells, records the reason, and the board shows filled/required', async () => {
      const period = h.periods[0]!;
      const { page, watch } = await signIn(h, 'reporter-danang', width);
      await page.goto(`${h.base}/forms/P48/${period}`);
      const cell = page.locator('input[name="VT.DOANH_THU"]');
      await cell.waitFor();
      await cell.fill('1.234');
      await page.getByRole('button', { name: 'Gửi duyệt' }).click();
      const dialog = page.getByRole('alertdialog');
      const title = await dialog
        .getByRole('heading', { name: /^Còn \d+ chỉ tiêu chưa nhập — gửi vẫn\?$/ })
        .textContent();
      const empty = Number(/\d+/.exec(title ?? '')![0]);
      expect(empty).toBeGreaterThan(0);
      await expect(dialog.locator('li').count()).resolves.toBe(empty);
      await dialog.getByLabel('Lý do chung cho các ô trống').fill('không phát sinh');
      await audit(page, shot('confirm'));
      await dialog.getByRole('button', { name: 'Gửi vẫn' }).click();
      await page.getByText('Đã gửi để duyệt').waitFor();
      const note = page.getByTestId('empty-cells');
      await note.getByText(`Chỉ tiêu để trống (${empty}):`).waitFor();
      await expect(note.getByText(/— không phát sinh$/).count()).resolves.toBe(empty);
      const summary = await page.getByText(/Đã nhập \d+\/\d+ chỉ tiêu/).textContent();
      const [, filled, required] = /Đã nhập (\d+)\/(\d+)/.exec(summary ?? '')!;
      expect(Number(required) - Number(filled)).toBe(empty);
      await audit(page, shot('submitted'));
      expectClean(watch);
      await page.close();

      const officer = await signIn(h, 'officer', width);
      await officer.page.goto(`${h.base}/board?period=${period}`);
      const row = officer.page.locator('tr[data-unit="P48"]');
      await row.getByText(`${filled}/${required}`, { exact: true }).waitFor();
      await audit(officer.page, shot('board'));
      expectClean(officer.watch);
      await officer.page.close();
    });
  });
}
