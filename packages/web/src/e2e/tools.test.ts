import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SETTLE, audit, browserTests, expectClean, signIn, startPlatform } from './harness.ts';

/** The ministry's other tools in the browser: plans, feeds, the fact-checker, and English. */
describe.runIf(browserTests)('in a real browser: plans, feeds, the checker and English', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startPlatform();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('an officer sets an annual plan target in administration', async () => {
    const { page, watch } = await signIn(h, 'officer', 1366);
    await page.goto(`${h.base}/admin`);
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Đặt kế hoạch' }) });
    await form.getByLabel('Chỉ tiêu').selectOption('VT.DOANH_THU');
    await form.getByLabel('Giá trị').fill('15.000');
    await form.getByRole('button', { name: 'Đặt kế hoạch' }).click();
    await page.getByText('Đã đặt kế hoạch').waitFor();
    await page.locator('td.num', { hasText: '15.000' }).waitFor();
    expectClean(watch);
    await page.close();
  });

  it('an officer loads an IP-prefix table and a botnet feed and sees the counts', async () => {
    const { page, watch } = await signIn(h, 'officer', 1366);
    await page.goto(`${h.base}/feeds?period=2024M08`);
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
    await expect
      .poll(() => counts.locator('tr', { hasText: 'Hà Nội' }).locator('td.num').textContent(), SETTLE)
      .toBe('1');
    await expect
      .poll(() => counts.locator('tr', { hasText: 'VNPT' }).locator('td.num').textContent(), SETTLE)
      .toBe('1');
    await audit(page, 'tools-feeds');
    expectClean(watch);
    await page.close();
  });

  it('the fact-checker marks a slip in pasted text', async () => {
    const { page, watch } = await signIn(h, 'reporter-danang', 1366);
    await page.goto(`${h.base}/check`);
    await page
      .getByLabel('Dán văn bản cần kiểm tra')
      .fill(
        'Doanh thu tháng 8/2024 đạt 120 tỷ đồng, tăng 50% so với cùng kỳ năm 2023 (100 tỷ đồng). ' +
          'Lợi nhuận đạt 30 tỷ đồng, tăng 20% so với cùng kỳ năm 2023 (25 tỷ đồng). Số thuê bao tăng trên 40%.',
      );
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByRole('status').waitFor();
    // The slip marked as wrong, the right comparison as checked, the vague one as not checked.
    await page.locator('.checked-text mark.finding', { hasText: '50%' }).waitFor();
    await page.locator('.checked-text mark.read-checked', { hasText: '20%' }).waitFor();
    await page.locator('.checked-text mark.read-unchecked', { hasText: 'tăng trên 40%' }).waitFor();
    await audit(page, 'tools-checker');
    // A half-year whose own year is written only in its plan clause: the rate is checked, the year
    // it compares with is not judged, and the page says why (on the mark and in the list).
    await page
      .getByLabel('Dán văn bản cần kiểm tra')
      .fill(
        'Trong 6 tháng đầu năm, doanh thu ước đạt 2.050 tỷ đồng, tăng 12% so với cùng kỳ năm 2023 (1.830 tỷ đồng) và đạt 49% kế hoạch năm 2024.',
      );
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const open = page.locator('.checked-text mark.read-checked.year-unjudged', { hasText: '12%' });
    await open.waitFor();
    expect(await open.getAttribute('title')).toMatch(/^Đã kiểm tra; .*không đối chiếu năm so sánh/);
    await page.locator('.year-unjudged-list summary', { hasText: '1 năm so sánh chưa đối chiếu' }).click();
    await page
      .locator('.year-unjudged-list li', {
        hasText: 'câu không nêu kỳ của số liệu; không đối chiếu năm so sánh',
      })
      .waitFor();
    expect(await page.locator('.findings li').count()).toBe(0);
    await audit(page, 'tools-checker-year');
    expectClean(watch);
    await page.close();
  });

  it('in English, what a person reads is English: roles, periods, statuses, plurals', async () => {
    const { page, watch } = await signIn(h, 'admin', 1366);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${h.base}/admin`);
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    const accounts = page.locator('li[data-user="officer"]');
    await accounts.getByText('Synthesis officer').waitFor();
    // Periods and dates read the English way: "November 2026", "15 Dec 2026", never "2026M11".
    const periodRow = await page.locator('tr[data-period]').first().innerText();
    expect(periodRow).toMatch(
      /(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    );
    expect(periodRow).not.toMatch(/\d{4}M\d{2}|tháng/);
    await audit(page, 'tools-admin-en');
    await page.goto(`${h.base}/check`);
    await page
      .getByLabel('Paste the text to check')
      .fill('Doanh thu tháng 8/2024 đạt 120 tỷ đồng, tăng 50% so với cùng kỳ năm 2023 (100 tỷ đồng).');
    await page.getByRole('button', { name: 'Check' }).click();
    // ICU plurals: "1 finding", never "1 findings".
    const status = await page.getByRole('status').innerText();
    expect(status).not.toMatch(/\b1 findings\b|\b1 statistical statements\b/);
    expect(status).toMatch(/statement/);
    expectClean(watch);
    await page.close();
  });

  it('a period is picked, not typed: "8 tháng đầu năm 2024" from three choices', async () => {
    const { page, watch } = await signIn(h, 'officer', 1366);
    await page.goto(`${h.base}/dashboard?unit=VN&period=2024M08`);
    await page.locator('.kpi').first().waitFor();
    await page.getByLabel('Loại kỳ').selectOption('YTD');
    await page.waitForURL(/period=2024M01-M08/);
    await page.getByRole('heading', { name: 'Cả nước — 8 tháng đầu năm 2024' }).waitFor();
    await page.getByLabel('Năm', { exact: true }).selectOption('2023');
    await page.waitForURL(/period=2023M01-M08/);
    expectClean(watch);
    await page.close();
  });

  it('on a tablet in portrait the dashboard wraps and nothing scrolls sideways', async () => {
    const { page, watch } = await signIn(h, 'officer', 820);
    await page.goto(`${h.base}/dashboard?unit=VN&period=2024M08`);
    await page.locator('.kpi').first().waitFor();
    await audit(page, 'tools-dashboard-tablet');
    expectClean(watch);
    await page.close();
  });
});
