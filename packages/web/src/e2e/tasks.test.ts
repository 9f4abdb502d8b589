import { latestEndedPeriod, setReportDetails, systemCtx } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  SETTLE,
  SHOTS,
  audit,
  browserTests,
  expectClean,
  signIn,
  startPlatform,
} from './harness.ts';

/**
 * The task editor, reached by clicking: an officer plans a task for the month being worked on,
 * corrects it (a campaign: its first day and the indicator it is meant to move), records a slip with
 * its reason and new date, reads its history, and follows it to the report section where it
 * appears, which the report opens at (the editor's section card and the page-like preview).
 */
/** A section at the top of its window, or as near as the page's end lets it come (a short page scrolls no further). */
const atTop = (el: Element) => {
  const top = Math.round(el.getBoundingClientRect().top);
  const end = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
  return top >= -1 && (top <= 1 || (end && top < innerHeight - 40));
};

describe.runIf(browserTests)('in a real browser: tasks followed from plan to result', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startPlatform();
    // The page opens on the month after the last ended one; the draft brief of that ended month
    // lists the coming month's tasks in its "nhiệm vụ trọng tâm" section.
    const ended = latestEndedPeriod('M', new Date().toISOString().slice(0, 10)).id;
    await setReportDetails(systemCtx(h.db), { template: 'hop-bao-thang', period: ended, number: null });
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    [1366, 'Triển khai nền tảng điều phối xử lý sự cố an toàn thông tin quốc gia'],
    [390, 'Tổ chức diễn tập thực chiến an toàn thông tin cho các tỉnh sau sáp nhập'],
  ] as const)(
    'at %i px: an officer plans, edits and slips a task; the history and the report show it',
    async (width, title) => {
      const { page, watch } = await signIn(h, 'officer', width);
      const nav = page.getByRole('navigation', { name: 'Chức năng' });
      await nav.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
      await page.getByRole('heading', { name: 'Nhiệm vụ theo kế hoạch' }).waitFor();
      const create = page.locator('form', { has: page.getByRole('heading', { name: /^Thêm nhiệm vụ/ }) });
      await create.getByLabel('Nhiệm vụ', { exact: true }).fill(title);
      await create.getByLabel('Đơn vị chủ trì').selectOption({ label: 'Cục An toàn thông tin' });
      await create.getByLabel('Hạn hoàn thành').fill('2027-01-20');
      await create.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
      const card = page.locator('.card', { has: page.getByRole('heading', { name: title, level: 2 }) });
      await card.getByText('chủ trì: Cục An toàn thông tin').waitFor();
      // Edited: a nearer due date, with the reason kept in the audit.
      await card.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
      await card.getByLabel('Hạn hoàn thành').fill('2027-01-15');
      // A campaign: its first day and the indicator it is meant to move, kept and shown on the card.
      await card.getByLabel('Ngày bắt đầu (chiến dịch)').fill('2026-12-10');
      await card
        .getByLabel(/^Chỉ tiêu chiến dịch cần tác động/)
        .selectOption({ label: 'Số địa chỉ IP nằm trong mạng botnet (ATTT.IP_BOTNET)' });
      await card.getByLabel('Lý do sửa').fill('Theo chỉ đạo của Lãnh đạo Bộ');
      await card.getByRole('button', { name: 'Lưu', exact: true }).click();
      await card.getByText('hạn 15/01/2027').first().waitFor();
      await card.getByText('bắt đầu 10/12/2026').waitFor();
      await card.getByText('Chỉ tiêu chiến dịch cần tác động: Số địa chỉ IP nằm trong mạng botnet').waitFor();
      const id = new URL(page.url()).searchParams.get('id');
      const saved: unknown = await page.evaluate(async (u) => (await fetch(u)).json(), `/api/tasks/${id}`);
      expect(saved).toMatchObject({ task: { startOn: '2026-12-10', indicators: ['ATTT.IP_BOTNET'] } });
      // The editor opens again with the campaign's fields as saved.
      await card.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
      await expect(card.getByLabel('Ngày bắt đầu (chiến dịch)').inputValue()).resolves.toBe('2026-12-10');
      await expect(
        card
          .getByLabel(/^Chỉ tiêu chiến dịch cần tác động/)
          .evaluate((el: HTMLSelectElement) => [...el.selectedOptions].map((o) => o.value)),
      ).resolves.toEqual(['ATTT.IP_BOTNET']);
      await card.getByRole('button', { name: 'Thôi' }).click();
      // A slip without its reason is refused, and says why; with it, the history keeps both steps.
      await card.getByLabel('Trạng thái mới').selectOption({ label: 'Chậm tiến độ' });
      await card.getByLabel('Hạn mới (khi chậm tiến độ)').fill('2027-02-28');
      await card.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
      await card.getByText('phải nêu lý do').waitFor();
      await card.getByLabel(/^Ghi chú/).fill('Chờ bố trí kinh phí năm 2027');
      await card.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
      await card.getByText('Đã cập nhật trạng thái').waitFor();
      const history = card.locator('ol.history > li');
      await expect.poll(() => history.count()).toBe(2);
      await expect
        .poll(() => history.nth(1).innerText(), SETTLE)
        .toMatch(/Chậm tiến độ · hạn 28\/02\/2027 · officer\s+Chờ bố trí kinh phí năm 2027/);
      const row = page.getByRole('row', { name: new RegExp(title) });
      await row.getByText('Chậm tiến độ').waitFor();
      await audit(page, `tasks-${width}`);
      // Where it appeared: the draft brief of the month before, followed by its link.
      const link = card.getByRole('link', { name: /Thông cáo họp báo thường kỳ hằng tháng/ });
      await expect(card.getByText(/Một số nhiệm vụ trọng tâm .* · bản nháp/).count()).resolves.toBe(1);
      await link.click();
      await page.getByRole('heading', { name: 'Soạn báo cáo' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#muc-nhiem-vu');
      const section = page.locator('section#muc-nhiem-vu');
      // The report opens at the section (on a phone, where sections start folded, that one open).
      await section.getByText(title, { exact: false }).waitFor();
      // At its top, or as near as the page's end lets it come (a short page scrolls no further).
      await expect.poll(() => section.evaluate(atTop)).toBe(true);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(200);
      // The printed preview is a second build of the report: on a loaded machine it can take longer
      // than the audit's wait for a quiet network, so it is awaited here, by what it prints. A phone
      // does not load it at all.
      if (width < 600) await expect(page.locator('iframe.preview').count()).resolves.toBe(0);
      else {
        await page
          .frameLocator('iframe')
          .getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
          .waitFor({ timeout: 120_000 });
        // The preview opens at the same section, scrolled past the report's head.
        const preview = page.frameLocator('iframe').locator('section#muc-nhiem-vu');
        await preview.getByText(title, { exact: false }).waitFor();
        await expect.poll(() => preview.evaluate(atTop)).toBe(true);
        expect(await preview.evaluate(() => scrollY)).toBeGreaterThan(200);
        // And the preview itself is on the screen beside the section's card, not left above it.
        const frame = await page.locator('iframe.preview').boundingBox();
        expect(frame!.y).toBeGreaterThan(-20);
        expect(frame!.y).toBeLessThan(50);
      }
      // What a person sees on arriving: the section at the top of the screen (and of the preview).
      await page.screenshot({ path: `${SHOTS}tasks-anchor-${width}.png` });
      await audit(page, `tasks-report-${width}`);
      expectClean(watch);
      await page.close();
    },
    240_000,
  );
});
