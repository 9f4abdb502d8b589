import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  type Database,
  createDemoUsers,
  createLogger,
  listReportingPeriods,
  loadDemo,
  systemCtx,
} from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { buildApp } from '@baocao/server';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const WEB = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
const PW = 'mat-khau-e2e-2026';
// The browser suite runs once, on the embedded store; CI installs Chromium, elsewhere it may be absent.
const run = !process.env.BAOCAO_TEST_PG && (existsSync(CHROMIUM) || !!process.env.CI);

let db: Database;
let browser: Browser;
let base = '';
let period = '';
let close: () => Promise<void>;

beforeAll(async () => {
  if (!run) return;
  await build({ root: WEB, logLevel: 'warn' });
  db = await createTestDatabase();
  const ctx = systemCtx(db);
  await loadDemo(ctx);
  await createDemoUsers(ctx, PW);
  // The form with time left: the current month, opened by the demo.
  period = (await listReportingPeriods(ctx))[0]!.period;
  const app = await buildApp({
    db,
    log: createLogger({ level: 'silent' }),
    apiToken: 'e2e-token-0123456789',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
  close = async () => {
    await browser.close();
    await app.close();
    await db.close();
  };
}, 120_000);
afterAll(async () => {
  if (run) await close();
});

async function signIn(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PW);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText(`(${username})`).waitFor();
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
const input = (page: Page) => page.locator('input[name="VT.DOANH_THU"]');

describe.runIf(run)('in a real browser: submit, return, resubmit, approve, see, publish', () => {
  it('a reporter fills a form, sees an invalid value refused, fixes it and submits', async () => {
    const page = await signIn('reporter-danang');
    await page.getByRole('heading', { name: 'Biểu mẫu của tôi' }).waitFor();
    await shot(page, '01-my-forms');
    await page.goto(`${base}/forms/P48/${period}`);
    await input(page).fill('12a4');
    await expect(page.getByRole('alert').filter({ hasText: 'Không phải là số' }).isVisible()).resolves.toBe(
      true,
    );
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByText('Còn ô nhập sai').waitFor();
    await shot(page, '02-form-invalid');
    await input(page).fill('1234');
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByText('Đã gửi để duyệt').waitFor();
    await page.getByText('Đã gửi, chờ duyệt').first().waitFor();
    await expect(input(page).isDisabled()).resolves.toBe(true);
    await shot(page, '03-form-submitted');
    await page.close();
  });

  it('an officer sees it on the board and returns it with a comment', async () => {
    const page = await signIn('officer');
    await page.goto(`${base}/board?period=${period}`);
    const row = page.locator('tr[data-unit="P48"]');
    await row.getByText('Đã gửi, chờ duyệt').waitFor();
    await shot(page, '04-board');
    await row.getByRole('link', { name: 'Xem xét' }).click();
    await page.getByLabel('Nhận xét (bắt buộc khi trả lại)').fill('Doanh thu chưa gồm số của VNPT Đà Nẵng');
    await page.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByText('Lý do trả lại:').waitFor();
    await shot(page, '05-review-returned');
    await page.close();
  });

  it('the reporter sees the comment, fixes the value and resubmits', async () => {
    const page = await signIn('reporter-danang');
    await page.getByText('Doanh thu chưa gồm số của VNPT Đà Nẵng').first().waitFor();
    await page.goto(`${base}/forms/P48/${period}`);
    await page.getByText('Lý do trả lại:').waitFor();
    await input(page).fill('1250');
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByText('Đã gửi để duyệt').waitFor();
    await page.close();
  });

  it('the officer approves; the dashboard and the pivot show the value', async () => {
    const page = await signIn('officer');
    await page.goto(`${base}/forms/P48/${period}`);
    await page.getByRole('button', { name: 'Duyệt' }).click();
    await page.getByText('Biểu mẫu đã duyệt và khóa').waitFor();
    await shot(page, '06-approved');
    await page.goto(`${base}/dashboard?unit=VN&period=${period}`);
    await page
      .getByRole('button', { name: /Doanh thu dịch vụ viễn thông/ })
      .getByText('1.250')
      .waitFor();
    await page.locator('table.pivot').getByText('1.250').waitFor();
    await page.getByText('Xếp hạng 34 tỉnh, thành phố').waitFor();
    await shot(page, '07-dashboard');
    // A tablet in portrait: the navigation wraps and nothing overflows sideways.
    await page.setViewportSize({ width: 820, height: 1180 });
    // Charts follow their box on the next frames; wait for the layout to settle, then check.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= innerWidth, null, {
      timeout: 5000,
    });
    await shot(page, '07b-dashboard-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
    // The report editor opens on a period its template is written for, and its preview shows in
    // place: no error, and nothing is downloaded.
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.goto(`${base}/reports`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.error').count()).resolves.toBe(0);
    await page.frameLocator('iframe').locator('body').waitFor();
    expect(downloads).toEqual([]);
    for (const [path, name] of [
      ['/reports?template=hop-bao-thang&period=2024M08', '08-report-editor'],
      ['/check', '09-checker'],
      ['/admin', '10-admin'],
    ] as const) {
      await page.goto(base + path);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      await shot(page, name);
    }
    await page.close();
  });

  it('a leader reads and publishes reports but is shown no editing control', async () => {
    const page = await signIn('leader');
    await page.goto(`${base}/reports?template=hop-bao-thang&period=2024M08`);
    await page.locator('h1').waitFor();
    await page.getByRole('button', { name: 'Phát hành' }).waitFor();
    await expect(page.getByRole('button', { name: 'Lưu mục' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Thêm mục' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Quản trị' }).count()).resolves.toBe(0);
    await shot(page, '08b-report-leader');
    await page.close();
  });

  it('an officer sets an annual plan target in administration', async () => {
    const page = await signIn('officer');
    await page.goto(`${base}/admin`);
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Đặt kế hoạch' }) });
    await form.getByLabel('Chỉ tiêu').selectOption('VT.DOANH_THU');
    await form.getByLabel('Giá trị').fill('15.000');
    await form.getByRole('button', { name: 'Đặt kế hoạch' }).click();
    await page.getByText('Đã đặt kế hoạch').waitFor();
    await page.locator('td.num', { hasText: '15.000' }).waitFor();
    await page.close();
  });

  it('an officer loads an IP-prefix table and a botnet feed and sees the counts', async () => {
    const page = await signIn('officer');
    await page.goto(`${base}/feeds?period=2024M08`);
    const card = (title: string) =>
      page.locator('.card', { has: page.getByRole('heading', { name: title }) });
    await card('Bảng tiền tố IP')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'prefixes.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('prefix,operator,province\n14.160.0.0/11,VNPT,P01\n27.64.0.0/12,Viettel,P04\n'),
      });
    await page.getByText('Đã nạp 2 tiền tố').waitFor();
    const feed = [
      'ip,seen_at,source',
      '14.160.1.1,2024-08-01T03:00:00Z,vncert',
      '14.160.1.1,2024-08-02T03:00:00Z,shadowserver',
      '27.70.0.1,2024-08-03,vncert',
      '999.1.1.1,2024-08-03,vncert',
      '8.8.8.8,2024-08-05,vncert',
    ].join('\n');
    await card('Nạp nguồn quan sát botnet')
      .locator('input[type=file]')
      .setInputFiles({ name: 'feed.csv', mimeType: 'text/csv', buffer: Buffer.from(feed) });
    await page.getByText('6 dòng: 4 quan sát hợp lệ, 1 dòng lỗi; 3 địa chỉ mới.').waitFor();
    await page.getByText('Dòng 5: "999.1.1.1" không phải địa chỉ IP').waitFor();
    // A feed that is mostly garbage is refused whole, with the server's reason on the page.
    await card('Nạp nguồn quan sát botnet')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'junk.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('ip,seen_at,source\nhello\nx,y,z\n'),
      });
    await page.getByText('Tệp junk.csv: 2/2 dòng không đọc được; không ghi gì.', { exact: false }).waitFor();
    const counts = page.getByTestId('botnet-counts');
    await counts.getByText('(1 ngoài bảng tiền tố)').waitFor();
    await expect(counts.locator('tr', { hasText: 'Hà Nội' }).locator('td.num').textContent()).resolves.toBe(
      '1',
    );
    await expect(counts.locator('tr', { hasText: 'VNPT' }).locator('td.num').textContent()).resolves.toBe(
      '1',
    );
    await shot(page, '13-feeds');
    await page.close();
  });

  it('a public visitor sees the value only after publication', async () => {
    const visitor = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await visitor.goto(`${base}/?period=${period}`);
    await visitor.getByText(/chưa được công bố/).waitFor();
    await expect(visitor.content()).resolves.not.toContain('1.250');
    await shot(visitor, '11-public-before');
    const officer = await signIn('officer');
    await officer.goto(`${base}/admin`);
    // The officer confirms what becomes public, then is told the national figures are partial (one
    // province of 34 has reported) and goes on only by giving a reason.
    const dialogs: string[] = [];
    officer.on('dialog', (d) => {
      dialogs.push(d.message());
      void (d.type() === 'prompt' ? d.accept('Công bố theo chỉ đạo của Lãnh đạo Bộ') : d.accept());
    });
    await officer
      .locator(`tr[data-period="${period}"]`)
      .getByRole('button', { name: 'Công bố số liệu' })
      .click();
    await officer.getByText('Đã công bố số liệu').waitFor();
    expect(dialogs[0]).toContain('mọi người (kể cả không đăng nhập) sẽ xem được');
    expect(dialogs[1]).toContain('VT.DOANH_THU: mới có 1/34 đơn vị báo cáo');
    await officer.close();
    await visitor.reload();
    await visitor.locator('tr[data-indicator="VT.DOANH_THU"]').getByText('1.250').waitFor();
    await shot(visitor, '12-public-after');
    await visitor.close();
  });

  it('an administrator disables an account, giving a reason, and it can no longer sign in', async () => {
    const page = await signIn('admin');
    await page.goto(`${base}/admin`);
    const row = page.locator('li[data-user="leader"]');
    await row.waitFor();
    page.once('dialog', (d) => void d.accept('Nghỉ hưu từ tháng 12/2026'));
    await row.getByRole('button', { name: 'Khóa' }).click();
    await page.getByText('Đã khóa tài khoản').waitFor();
    await row.getByText('đã khóa').waitFor();
    await shot(page, '14-admin-disabled');
    await page.close();
    const again = await browser.newPage();
    await again.goto(`${base}/login`);
    await again.getByLabel('Tên đăng nhập').fill('leader');
    await again.getByLabel('Mật khẩu').fill(PW);
    await again.getByRole('button', { name: 'Đăng nhập' }).click();
    await again.getByRole('alert').waitFor();
    await again.close();
  });
});
