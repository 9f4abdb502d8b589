import { readFileSync } from 'node:fs';
import { publishReport, setReportSection, systemCtx } from '@baocao/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  SHOTS,
  audit,
  browserTests,
  expectClean,
  openPage,
  signIn,
  startPlatform,
} from './harness.ts';

/** Follows a menu entry, as a person does: the header's navigation, never a typed address. */
async function menu(page: Page, name: string) {
  const nav = page.getByRole('navigation', { name: 'Chức năng' });
  await nav.getByRole('link', { name, exact: true }).click();
  // The entry is marked as the page shown, and the page has its heading.
  await nav.locator('a.active', { hasText: name }).waitFor();
  await page.locator('main h1, section > h1').first().waitFor();
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** The report editor's text, section by section, once the report for the choice has loaded. */
async function editorText(page: Page): Promise<string> {
  // The page says "Đang tải…" while a report loads; the sections are then the chosen report's.
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  await page.locator('section.report-section').first().waitFor();
  return page.locator('.editor').innerText();
}

/** Opens the print view (a new tab, as the link says) and reads it. */
async function printView(page: Page, name: string): Promise<string> {
  const [view] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('link', { name: 'Xem bản in' }).click(),
  ]);
  await view.waitForLoadState('load');
  await view.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
  const text = await view.locator('body').innerText();
  await view.close();
  return text;
}

/**
 * Every page and choice each role needs, reached only by clicking: the first address is the sign-in
 * page (or the public home page); after that, menus, links and pickers, at 1366 px and at 390 px.
 */
for (const width of [1366, 390]) {
  describe.runIf(browserTests)(`by clicking only, at ${width} px`, () => {
    let h: Harness;
    const shot = (name: string) => `${width}-click-${name}`;
    beforeAll(async () => {
      h = await startPlatform();
      // A report published with an editor's change and pre-publication notes: the public copy
      // must show neither.
      const key = { template: 'hop-bao-thang', period: '2024M08' };
      await setReportSection(systemCtx(h.db), {
        ...key,
        section: 'van-de',
        mode: 'append',
        text: 'Bộ tiếp tục theo dõi các vấn đề dư luận quan tâm.',
      });
      await publishReport(systemCtx(h.db), { ...key, number: '123/TC-BTTTT' });
    }, 180_000);
    afterAll(async () => {
      await h?.close();
    });

    it('the officer picks each template, each period type it is written for, and reads the text', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      await menu(page, 'Soạn báo cáo');
      const template = page.getByLabel('Mẫu báo cáo');
      const kind = page.getByLabel('Loại kỳ');
      const year = page.getByLabel('Năm', { exact: true });
      const codes = await template
        .locator('option')
        .evaluateAll((o) => o.map((x) => (x instanceof HTMLOptionElement ? x.value : '')));
      expect(codes).toEqual(expect.arrayContaining(['giao-ban-quy', 'hop-bao-thang']));
      for (const code of codes) {
        const before = await template.inputValue();
        await template.selectOption(code);
        // The choice is in the address once made; the period picker then offers the template's kinds.
        if (before !== code) await page.waitForURL((u) => u.searchParams.get('template') === code);
        await editorText(page);
        const kinds = await kind
          .locator('option')
          .evaluateAll((o) => o.map((x) => (x instanceof HTMLOptionElement ? x.value : '')));
        expect(kinds.length).toBeGreaterThan(0);
        for (const k of kinds) {
          await kind.selectOption(k);
          const text = await editorText(page);
          // The text is the template's, for a period of the kind chosen; never a refusal.
          expect(text).not.toContain('PERIOD_TYPE_MISMATCH');
          await expect(page.getByRole('alert').count()).resolves.toBe(0);
          const label = {
            M: /tháng \d+\/\d{4}/,
            Q: /quý \d\/\d{4}/,
            S: /6 tháng/,
            YTD: /tháng đầu năm/,
            Y: /năm \d{4}/,
          }[k];
          expect(text, `${code} ${k}`).toMatch(label ?? /./);
        }
        // The preview is a whole document built on the server: let it arrive first. A phone does not
        // load it (the sections show the text; "Xem bản in" opens the printed view).
        if (width < 600) await expect(page.locator('iframe.preview').count()).resolves.toBe(0);
        else
          await page
            .frameLocator('iframe.preview')
            .locator('h1')
            .waitFor({ state: 'attached', timeout: 120_000 });
        await audit(page, shot(`editor-${code}`));
        // The letterhead of the period's own day: a 2024 report by the old ministry, a 2026 one by the new.
        await year.selectOption('2024');
        await editorText(page);
        const old = await printView(page, shot(`letterhead-2024-${code}`));
        expect(old).toContain('BỘ THÔNG TIN VÀ TRUYỀN THÔNG');
        await year.selectOption('2026');
        await editorText(page);
        const now = await printView(page, shot(`letterhead-2026-${code}`));
        expect(now).toContain('BỘ KHOA HỌC VÀ CÔNG NGHỆ');
        expect(now).toContain('/BC-BKHCN');
        // No body that no longer exists in the letterhead and number (indicator names are catalog data).
        expect(now).not.toContain('BỘ THÔNG TIN VÀ TRUYỀN THÔNG');
        expect(now).not.toContain('BC-BTTTT');
      }
      // The menu link keeps the choice: away to the dashboard and back, the same template.
      const last = codes.at(-1)!;
      await menu(page, 'Bảng điều khiển');
      await menu(page, 'Soạn báo cáo');
      await expect(template.inputValue()).resolves.toBe(last);
      await editorText(page);
      expectClean(watch);
      await page.close();
    }, 300_000);

    it('the officer reaches the dashboard and downloads the pivot for a Vietnamese spreadsheet', async () => {
      const { page, watch } = await signIn(h, 'officer', width);
      await menu(page, 'Bảng điều khiển');
      await page.locator('table.pivot').waitFor();
      await audit(page, shot('dashboard'));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Xuất CSV (Excel tiếng Việt)' }).click(),
      ]);
      const csv = readFileSync(await download.path()).toString('utf8');
      expect(csv.startsWith('\uFEFFMã chỉ tiêu;Chỉ tiêu;Đơn vị tính;')).toBe(true);
      expectClean(watch, [download.suggestedFilename()]);
      await page.close();
    });

    it('each signed-in role reaches every page of its menu', async () => {
      const menus: Record<string, string[]> = {
        'reporter-danang': ['Biểu mẫu của tôi', 'Kiểm tra số liệu'],
        officer: [
          'Theo dõi nộp báo cáo',
          'Bảng điều khiển',
          'Soạn báo cáo',
          'Nhiệm vụ',
          'Kiểm tra số liệu',
          'Quản trị',
        ],
        leader: ['Theo dõi nộp báo cáo', 'Bảng điều khiển', 'Soạn báo cáo', 'Nhiệm vụ', 'Kiểm tra số liệu'],
        admin: ['Quản trị'],
      };
      for (const [user, names] of Object.entries(menus)) {
        const { page, watch } = await signIn(h, user, width);
        for (const name of names) await menu(page, name);
        await audit(page, shot(`${user}-last-page`));
        if (user === 'reporter-danang') {
          // From the list of forms to one form, by its link.
          await menu(page, 'Biểu mẫu của tôi');
          await page.getByRole('link', { name: 'Mở biểu mẫu' }).first().click();
          await page.locator('input[name="VT.DOANH_THU"]').waitFor();
        }
        if (user === 'admin') {
          // The organisation's names by date, where the administrator edits them.
          await page.getByRole('heading', { name: 'Tên gọi của cơ quan theo thời gian' }).waitFor();
          await page.locator('td', { hasText: /^Bộ Khoa học và Công nghệ$/ }).waitFor();
        }
        expectClean(watch);
        await page.close();
      }
    }, 300_000);

    it('a visitor opens the published report from the public page: the document, no editor marks', async () => {
      const { page, watch } = await openPage(h, width);
      await page.goto(`${h.base}/`);
      const item = page.getByRole('listitem').filter({ hasText: 'Thông cáo họp báo thường kỳ hằng tháng' });
      await item.getByText('Số 123/TC-BTTTT').waitFor();
      await audit(page, shot('public-home'));
      await item.getByRole('link', { name: 'HTML' }).click();
      await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
      await page.screenshot({ path: `${SHOTS}${shot('public-report')}.png`, fullPage: false });
      const html = await page.content();
      expect(html).toContain('Bộ tiếp tục theo dõi các vấn đề dư luận quan tâm.');
      expect(html).toContain('BỘ THÔNG TIN VÀ TRUYỀN THÔNG');
      for (const mark of ['Kiểm tra trước khi phát hành', 'Đã chỉnh sửa', 'class="edited"', 'class="warn"'])
        expect(html).not.toContain(mark);
      expectClean(watch);
      await page.close();
    });
  });
}
