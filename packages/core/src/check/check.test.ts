import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { loadDemo } from '../demo/demo.ts';
import { createTestDatabase } from '../testing.ts';
import { getReport } from '../reports/reports.ts';
import { renderDocx } from '../reports/render-docx.ts';
import { checkText } from './check.ts';
import { textOfFile } from './text-of-file.ts';

const seed = (name: string) => readFileSync(new URL(`../../data/seeds/${name}`, import.meta.url), 'utf8');
const SEED_000 = seed('000_b409b39f4fa24542.txt');
const SEED_003 = seed('003_dff99d3b1c89e26f.txt');

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(systemCtx(db));
});
afterAll(() => db.close());

const brief = (f: { code: string; stated: string | null; expected: string | null; quote: string }) => ({
  code: f.code,
  stated: f.stated,
  expected: f.expected,
  quote: f.quote,
});

describe('the fact-checker on the seeds', () => {
  it('finds exactly the two slips of seed 000, with their positions, and no false alarm', async () => {
    const r = await checkText(systemCtx(db), SEED_000);
    expect(r.statements).toBe(10);
    expect(r.findings.map(brief)).toEqual([
      { code: 'RATE_MISMATCH', stated: '29,6', expected: '29,7', quote: '29,6 %' },
      { code: 'WRONG_COMPARISON_YEAR', stated: '2022', expected: '2023', quote: 'cùng kỳ năm 2022' },
    ]);
    for (const f of r.findings) expect(SEED_000.slice(f.start, f.end)).toBe(f.quote);
  });

  it('finds the directive seed 003 lists twice, and nothing else', async () => {
    const r = await checkText(systemCtx(db), SEED_003);
    expect(r.statements).toBe(7);
    expect(r.findings.map((f) => f.code)).toEqual(['DUPLICATE_ITEM']);
    expect(r.findings[0]!.quote).toBe(
      'Chỉ thị của Thủ tướng Chính phủ về việc xây dựng đề án chuyển đổi số của các bộ, ngành, địa phương.',
    );
    expect(SEED_003.slice(r.findings[0]!.start, r.findings[0]!.end)).toBe(r.findings[0]!.quote);
    // The second of the two, not the first.
    expect(r.findings[0]!.start).toBeGreaterThan(SEED_003.indexOf(r.findings[0]!.quote));
  });
});

describe('the fact-checker on texts it has not seen', () => {
  it('judges a rate only as precisely as the figures are printed', async () => {
    // 804 and 548 may be 803,5…804,5 and 547,5…548,5: anything from 46,5% to 46,9% is honest.
    const ok = await checkText(
      null,
      'Doanh thu quý 2/2025 đạt 804 tỷ đồng, tăng 46,9% so với cùng kỳ năm 2024 (548 tỷ đồng).',
    );
    expect(ok.findings).toEqual([]);
    const wrong = await checkText(
      null,
      'Doanh thu quý 2/2025 đạt 804 tỷ đồng, tăng 47,5% so với cùng kỳ năm 2024 (548 tỷ đồng).',
    );
    expect(wrong.findings.map(brief)).toEqual([
      { code: 'RATE_MISMATCH', stated: '47,5', expected: '46,7', quote: '47,5%' },
    ]);
  });

  it('checks decreases, plan shares, months and the previous period', async () => {
    const text = [
      'Trong tháng 5/2025, số cuộc tấn công mạng là 420 cuộc, giảm 12% so với tháng 4/2025 (500 cuộc), tăng 5% so với cùng kỳ tháng 5/2023 (400 cuộc).',
      'Tổng doanh thu 5 tháng đầu năm 2025 ước đạt 1.200.000 tỷ đồng, đạt 50% kế hoạch năm (2.000.000 tỷ đồng).',
    ].join('\n');
    const r = await checkText(null, text);
    expect(r.statements).toBe(2);
    expect(r.findings.map(brief)).toEqual([
      { code: 'RATE_MISMATCH', stated: '12', expected: '16,0', quote: '12%' },
      {
        code: 'WRONG_COMPARISON_YEAR',
        stated: 'tháng 5/2023',
        expected: 'tháng 5/2024',
        quote: 'cùng kỳ tháng 5/2023',
      },
      { code: 'SHARE_MISMATCH', stated: '50', expected: '60,0', quote: '50%' },
    ]);
  });

  it('checks "bằng X%", "gấp X lần", year-to-date and named-year bases, and only bases in brackets', async () => {
    const text = [
      'Nộp ngân sách nhà nước ước đạt 82.000 tỷ đồng, bằng 110% so với cùng kỳ năm 2023 (81.000 tỷ đồng).',
      'Số chứng thư số đạt 3.000.000 chứng thư, tăng gấp 4 lần so với cùng kỳ năm 2023 (1.200.000 chứng thư).',
      'Doanh thu 9 tháng đầu năm 2024 đạt 1.052 tỷ đồng, tăng 5,2% so với 9 tháng đầu năm 2022 (1.000 tỷ đồng).',
      'Nộp ngân sách tháng 9/2024 đạt 210 tỷ đồng, đạt 115% so với cùng kỳ (200 tỷ đồng).',
      // Honest sentences: none of these may be flagged.
      'Số chứng thư số đạt 3.000.000, gấp 2,5 lần so với cùng kỳ năm 2023 (1.200.000).',
      'Số doanh nghiệp đạt 5.500, tăng 10% so với cùng kỳ (trong đó có 500 doanh nghiệp mới).',
      'Tỷ lệ phủ sóng đạt 99,8%, giảm 2 điểm phần trăm so với cùng kỳ.',
      'Doanh thu năm 2024 đạt 1.050 tỷ đồng, hoàn thành 105% kế hoạch (1.000 tỷ đồng) và tăng 5% so với năm 2023 (1.000 tỷ đồng).',
      'Quý III/2024 doanh thu đạt 1.100 tỷ đồng, tăng 21% so với quý III/2023 (909 tỷ đồng).',
      'Số thuê bao đạt 130 triệu, bằng 95% so với cùng kỳ (cùng kỳ năm 2023 là 137 triệu).',
    ].join('\n');
    const r = await checkText(null, text);
    expect(r.findings.map(brief)).toEqual([
      { code: 'RATE_MISMATCH', stated: '110', expected: '101,2', quote: '110%' },
      { code: 'RATE_MISMATCH', stated: '4', expected: '2,5', quote: '4 lần' },
      {
        code: 'WRONG_COMPARISON_YEAR',
        stated: '2022',
        expected: '2023',
        quote: '9 tháng đầu năm 2022',
      },
      { code: 'RATE_MISMATCH', stated: '115', expected: '105,0', quote: '115%' },
    ]);
    // Ten: the change in percentage points is read too (with no base, it is listed as not checked).
    expect(r.statements).toBe(10);
    expect(r.read.find((x) => x.kind === 'points')).toMatchObject({ checked: false, value: 99.8, rate: -2 });
    for (const f of r.findings) expect(text.slice(f.start, f.end)).toBe(f.quote);
  });

  it('says a change stated the wrong way round is the wrong direction, not a near miss', async () => {
    const r = await checkText(
      null,
      'Doanh thu tháng 9/2024 đạt 240 tỷ đồng, giảm 20% so với cùng kỳ (200 tỷ đồng).',
    );
    const f = r.findings.find((x) => x.code === 'RATE_MISMATCH');
    expect(f?.message).toBe(
      'Văn bản ghi giảm 20% nhưng số liệu tăng (sai chiều): 240 so với 200 là tăng 20,0%',
    );
  });

  it('holds a whole year to the year before, and reads bases led by their period', async () => {
    const text = [
      'Mục tiêu đến năm 2030 có 100.000 doanh nghiệp công nghệ số.',
      'Năm 2024, doanh thu đạt 1.100 tỷ đồng, tăng 10% so với cùng kỳ năm 2022 (năm 2022: 1.000 tỷ đồng).',
      'Doanh thu quý 2/2025 đạt 804 tỷ đồng, tăng 20% so với cùng kỳ (cùng kỳ năm 2024: 548 tỷ đồng).',
    ].join('\n');
    const r = await checkText(null, text);
    expect(r.findings.map(brief)).toEqual([
      { code: 'WRONG_COMPARISON_YEAR', stated: '2022', expected: '2023', quote: 'cùng kỳ năm 2022' },
      { code: 'RATE_MISMATCH', stated: '20', expected: '46,7', quote: '20%' },
    ]);
  });

  it('reads "8 tháng năm 2024", "tăng trưởng", "năm ngoái" and "đạt X% so với cùng kỳ", and leaves "hơn 20%" alone', async () => {
    const text = [
      'Tổng doanh thu 8 tháng năm 2024 ước đạt 2.820.865 tỷ đồng, tăng trưởng 25% so với 8 tháng năm 2022 (2.280.000 tỷ đồng).',
      'Doanh thu tháng 8/2024 đạt 300 tỷ đồng, giảm 10% so với năm ngoái (333 tỷ đồng).',
      'Doanh thu tháng 9/2024 đạt 300 tỷ đồng, tăng hơn 20% so với cùng kỳ (200 tỷ đồng).',
      'Nộp ngân sách tháng 9/2024 đạt 210 tỷ đồng, đạt 105% so với cùng kỳ (200 tỷ đồng).',
      'Tỷ lệ hộ có cáp quang đạt 82,5%, tăng 3,2 điểm phần trăm so với cùng kỳ.',
    ].join('\n');
    const r = await checkText(null, text);
    expect(r.findings.map(brief)).toEqual([
      { code: 'RATE_MISMATCH', stated: '25', expected: '23,7', quote: '25%' },
      { code: 'WRONG_COMPARISON_YEAR', stated: '2022', expected: '2023', quote: '8 tháng năm 2022' },
    ]);
    // "tăng 3,2 điểm phần trăm" is read (points, no base: not checked); "tăng hơn 20%" is not understood.
    expect(r.statements).toBe(4);
    expect(r.read.filter((x) => !x.checked).map((x) => x.kind)).toEqual(['unknown', 'points']);
  });

  it('reads scale words: "2,82 triệu tỷ đồng" against "2.280.000 tỷ đồng", and against the store', async () => {
    const honest = [
      'Doanh thu toàn ngành Thông tin và Truyền thông 8 tháng đầu năm 2024 ước đạt 2,82 triệu tỷ đồng, tăng 23,7% so với cùng kỳ năm 2023 (2.280.000 tỷ đồng).',
      'Tổng số thuê bao di động đạt 126,1 triệu, tăng 2,1% so với cùng kỳ (123.500.000 thuê bao).',
      'Tỷ lệ doanh nghiệp có lãi đạt 82,5 tỷ lệ phần trăm.',
    ].join('\n');
    expect((await checkText(systemCtx(db), honest)).findings).toEqual([]);
    const wrong =
      'Doanh thu toàn ngành Thông tin và Truyền thông 8 tháng đầu năm 2024 ước đạt 2,9 triệu tỷ đồng, tăng 27,2% so với cùng kỳ năm 2023 (2.280.000 tỷ đồng).';
    expect((await checkText(systemCtx(db), wrong)).findings.map(brief)).toEqual([
      { code: 'VALUE_MISMATCH', stated: '2,9', expected: '2,8', quote: '2,9' },
    ]);
  });

  it('compares stated figures with the store when the quantity and period are known', async () => {
    const r = await checkText(
      systemCtx(db),
      'Trong tháng 8/2024, số địa chỉ IP nằm trong mạng botnet là 446.307 địa chỉ, tăng 6,7% so với tháng 7/2024 (418.238 địa chỉ).',
    );
    expect(r.findings.map(brief)).toEqual([
      { code: 'VALUE_MISMATCH', stated: '446.307', expected: '446.207', quote: '446.307' },
    ]);
  });
});

describe('files', () => {
  it('reads a Word document, and finds nothing wrong in the report baocao wrote itself', async () => {
    const doc = (await getReport(systemCtx(db), { template: 'hop-bao-thang', period: '2024M08' })).doc;
    const text = await textOfFile(await renderDocx(doc), 'bao-cao.docx');
    expect(text).toContain('Doanh thu ước đạt 2.820.865 tỷ đồng');
    const r = await checkText(systemCtx(db), text);
    expect(r.statements).toBe(7);
    expect(r.findings).toEqual([]);
  });
  it('refuses a binary file posing as text, and other formats', async () => {
    await expect(textOfFile(Buffer.from([0x50, 0x4b, 0, 1]), 'a.txt')).rejects.toMatchObject({
      code: 'INVALID_FILE',
    });
    await expect(textOfFile(Buffer.from('x'), 'a.docx')).rejects.toMatchObject({ code: 'INVALID_FILE' });
    await expect(textOfFile(Buffer.from('x'), 'a.pdf')).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });
});
