import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { loadDemo } from '../demo/demo.ts';
import { createTestDatabase } from '../testing.ts';
import { submitValues } from '../values/values.ts';
import { renderHtml, renderMarkdown } from './render-text.ts';
import {
  getReport,
  listPublishedReports,
  publishReport,
  setReportDetails,
  setReportSection,
} from './reports.ts';
import { builtinTemplates, saveReportTemplate } from './templates.ts';

let db: Database;
const ctx = (): Ctx => systemCtx(db);
const as = (role: Ctx['actor']['role']): Ctx => ({ ...ctx(), actor: { username: role, role, unitId: null } });
beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(ctx());
});
afterAll(() => db.close());

const markdown = async (template: string, period: string) =>
  renderMarkdown((await getReport(ctx(), { template, period })).doc);

describe('the monthly press brief from the demo data (seed 003)', () => {
  it('states every figure of the seed, the Vietnamese way, with the right comparisons', async () => {
    const md = await markdown('hop-bao-thang', '2024M08');
    for (const s of [
      'Tổng quan ngành Thông tin và Truyền thông 8 tháng đầu năm 2024',
      'Doanh thu ước đạt 2.820.865 tỷ đồng, tăng 23,7% so với cùng kỳ năm 2023 và đạt 66,4% so với kế hoạch năm (4.245.382 tỷ đồng).',
      'Lợi nhuận ước đạt 208.210 tỷ đồng, tăng 20% so với cùng kỳ năm 2023 và đạt 71,6% so với kế hoạch năm (290.745 tỷ đồng).',
      'Nộp ngân sách nhà nước ước đạt 81.742 tỷ đồng, tăng 25,5% so với cùng kỳ năm 2023 và đạt 80,8% so với kế hoạch năm (101.126 tỷ đồng).',
      'Đóng góp vào GDP ước đạt 651.374 tỷ đồng, tăng 20,3% so với cùng kỳ năm 2023 và đạt 68,3% so với kế hoạch năm (953.682 tỷ đồng).',
      'tính đến tháng 8/2024 ước đạt 1.539.364 lao động, tăng 3,1% so với cùng kỳ năm 2023.',
      'Trong tháng 8/2024, số vụ tấn công mạng là 349 cuộc, tăng 15,6% so với tháng 7/2024 (302 cuộc) và giảm 75,1% so với cùng kỳ tháng 8/2023 (1.402 cuộc).',
      'Số địa chỉ IP nằm trong mạng botnet là 446.207 địa chỉ, tăng 6,7% so với tháng 7/2024 (418.238 địa chỉ) và giảm 0,9% so với cùng kỳ tháng 8/2023 (450.328 địa chỉ).',
      'Quyết định số 805/QĐ-TTg ngày 07/8/2024 phê duyệt Kế hoạch thực hiện Quy hoạch hạ tầng thông tin',
      'Quyết định số 1459/QĐ-BTTTT ngày 28/8/2024',
      'Quyết định số 1472/QĐ-BTTTT ngày 30/8/2024',
      'Thông tư số 09/2024/TT-BTTTT ngày 30/8/2024',
      'Công điện số 05/CĐ-BTTTT ngày 05/9/2024',
      'Công điện số 3999/CĐ-CVT ngày 08/9/2024',
      'Công điện số 06/CĐ-BTTTT ngày 10/9/2024',
      'Trong Kỳ họp thứ 7, Quốc hội khóa XV, Bộ TT&TT đã tiếp nhận, xử lý và đăng tải trên Cổng Thông tin điện tử của Bộ 25 kiến nghị của cử tri.',
      '“SIM rác”',
      'Một số nhiệm vụ trọng tâm tháng 9/2024 và trong thời gian tới',
      'Ban hành Phương án Tổ chức đấu giá băng tần 700MHz.',
      'Ngày 21/8/2024, tại Hà Nội, đã diễn ra Lễ ký kết',
      'Từ ngày 14-15/8/2024, tại Thủ đô Viêng Chăn, Lào',
      'Lợi dụng thiệt hại do bão số 3',
    ])
      expect(md).toContain(s);
    // The growth of derived bases is stated, the base itself is not (the seed gives only the rate).
    expect(md).not.toMatch(/so với cùng kỳ năm 2023 \(2\.2/);
  });

  it('lists the directive the seed lists twice once, and says so', async () => {
    const { doc } = await getReport(ctx(), { template: 'hop-bao-thang', period: '2024M08' });
    const md = renderMarkdown(doc);
    expect(md.split('Chỉ thị của Thủ tướng Chính phủ về việc xây dựng đề án chuyển đổi số').length - 1).toBe(
      1,
    );
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_ITEM', section: 'van-ban' })]);
  });

  it('keeps the provenance of every figure it prints', async () => {
    const { doc } = await getReport(ctx(), { template: 'hop-bao-thang', period: '2024M08' });
    const revenue = doc.figures.find((f) => f.indicator === 'NGANH.DOANH_THU')!;
    expect(revenue).toMatchObject({
      unit: 'VN',
      period: '2024M01-M08',
      value: 2820865,
      status: 'estimate',
      source: 'reported',
    });
    expect(revenue.plan).toMatchObject({ year: 2024, value: 4245382 });
    const listed = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(listed.find((i) => i.text.startsWith('Doanh thu'))!.figures).toEqual([revenue.id]);
  });
});

describe('the quarterly briefing from the demo data (seed 000)', () => {
  it('states every figure of the seed, with its slips corrected', async () => {
    const md = await markdown('giao-ban-quy', '2024Q1');
    for (const s of [
      'Doanh thu lĩnh vực an toàn thông tin mạng ước đạt 804 tỷ đồng, tăng 46,7% so với cùng kỳ năm 2023 (548 tỷ đồng).',
      'Tỷ lệ doanh thu sản phẩm nội địa so với nước ngoài là 46%.',
      'Nộp ngân sách nhà nước ước đạt 41,0 tỷ đồng, tăng 28,9% so với cùng kỳ năm 2023 (31,8 tỷ đồng).',
      // The seed truncated 22,73 to 22,72; printed at one decimal it is 22,7.
      'Lợi nhuận là 54 tỷ đồng, tăng 22,7% so với cùng kỳ năm 2023 (44 tỷ đồng).',
      'là 132 doanh nghiệp, tăng 4,8% so với cùng kỳ năm 2023 (126 doanh nghiệp).',
      'là 3.881 người, tăng 11,1% so với cùng kỳ năm 2023 (3.492 người).',
      'Trong quý 1/2024, số vụ tấn công mạng là 1.812 cuộc, giảm 38% so với cùng kỳ năm 2023 (2.921 cuộc).',
      'Số địa chỉ IP nằm trong mạng botnet tính đến tháng 2/2024 là 432.437 địa chỉ, tăng 13% so với cùng kỳ tháng 2/2023 (382.606 địa chỉ).',
      'tính đến hết tháng 2/2024 là 7.916.979 chứng thư số, tăng 34,3% so với cùng kỳ năm 2023 (5.896.657 chứng thư số).',
      'tính đến tháng 2/2024 là 3.126.968 chứng thư số, tăng 57% so với cùng kỳ năm 2023 (1.992.024 chứng thư số).',
      // Seed 000 says "29,6 % so với cùng kỳ năm 2022": the rate is 29,68% and the base is February 2023.
      'số chứng thư số chuyên dùng Chính phủ đang hoạt động tính đến tháng 2/2024 là 695.268 chứng thư số, tăng 29,7% so với cùng kỳ năm 2023 (536.145 chứng thư số).',
      'Nhiệm vụ trọng tâm quý 2/2024',
      'Hoàn thiện và trình Chính phủ ban hành Nghị định quy định về chữ ký điện tử và dịch vụ tin cậy.',
    ])
      expect(md).toContain(s);
    expect(md).not.toContain('2022');
    expect(md).not.toContain('29,6');
  });
});

describe('editing, checks and publication', () => {
  const key = { template: 'hop-bao-thang', period: '2024M08' };

  it('keeps an editor’s text with the report, marks it edited, and flags numbers that trace to nothing', async () => {
    const view = await setReportSection(ctx(), {
      ...key,
      section: 'van-de',
      mode: 'append',
      text: 'Số cuộc gọi lừa đảo tăng 30% so với tháng trước.',
    });
    const section = view.doc.sections.find((s) => s.id === 'van-de')!;
    expect(section.edited).toMatchObject({ mode: 'append', by: 'system' });
    expect(renderMarkdown(view.doc)).toContain('*(Đã chỉnh sửa bởi system)*');
    expect(view.doc.warnings).toContainEqual(
      expect.objectContaining({ code: 'UNTRACED_NUMBER', section: 'van-de' }),
    );
    await expect(publishReport(ctx(), key)).rejects.toMatchObject({ code: 'REPORT_CHECKS_FAILED' });
    expect((await getReport(ctx(), key)).report.status).toBe('draft');
    // An edit that repeats the report's own figures is fine.
    const ok = await setReportSection(ctx(), {
      ...key,
      section: 'van-de',
      mode: 'append',
      text: 'Số vụ tấn công mạng là 349 cuộc.',
    });
    expect(ok.doc.warnings.filter((w) => w.code === 'UNTRACED_NUMBER')).toEqual([]);
  });

  it('hides drafts from the public and from reporters', async () => {
    await expect(getReport(as('public'), key)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getReport(as('reporter'), key)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publishReport(as('reporter'), key)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('freezes the numbers on publication; later corrections show as differences, not silent changes', async () => {
    const draft = renderHtml((await getReport(ctx(), key)).doc);
    expect(draft).toContain('Kiểm tra trước khi phát hành');
    expect(draft).toContain('Đã chỉnh sửa');
    const published = await publishReport(as('leader'), { ...key, number: '123' });
    expect(published.report).toMatchObject({ status: 'published', number: '123', publishedBy: 'leader' });
    expect(renderMarkdown(published.doc)).toContain('Số: 123/BC-BTTTT');
    await submitValues(ctx(), {
      rows: [
        {
          row: 1,
          indicator: 'ATTT.TAN_CONG_MANG',
          unit: 'VN',
          period: '2024M08',
          value: '351',
          status: 'chính thức',
        },
      ],
      source: 'test',
    });
    const seen = await getReport(as('public'), key);
    expect(renderMarkdown(seen.doc)).toContain('số vụ tấn công mạng là 349 cuộc');
    // The published document is the document: none of the editor's marks (the checks' box, the
    // "edited by" badge), though the draft had both.
    const html = renderHtml(seen.doc);
    expect(html).toContain('Số vụ tấn công mạng là 349 cuộc.');
    for (const mark of ['Kiểm tra trước khi phát hành', 'Đã chỉnh sửa', 'class="edited"', 'class="warn"'])
      expect(html).not.toContain(mark);
    expect(renderMarkdown(seen.doc)).not.toContain('Đã chỉnh sửa');
    // The public reads what was published, never the unpublished correction.
    expect(seen.differences).toEqual([]);
    const after = await getReport(ctx(), key);
    expect(renderMarkdown(after.doc)).toContain('số vụ tấn công mạng là 349 cuộc');
    expect(after.differences).toEqual([
      expect.objectContaining({
        indicator: 'ATTT.TAN_CONG_MANG',
        period: '2024M08',
        published: 349,
        current: 351,
      }),
    ]);
    await expect(setReportSection(ctx(), { ...key, section: 'van-de', text: 'x' })).rejects.toMatchObject({
      code: 'REPORT_PUBLISHED',
    });
    expect(await listPublishedReports(as('public'))).toEqual([
      expect.objectContaining({
        template: 'hop-bao-thang',
        title: 'Thông cáo họp báo thường kỳ hằng tháng',
        period: '2024M08',
      }),
    ]);
  });

  it('states missing data as missing and will not publish it', async () => {
    const { doc } = await getReport(ctx(), { template: 'hop-bao-thang', period: '2025M03' });
    const md = renderMarkdown(doc);
    expect(md).toContain('Doanh thu quý 1/2025: chưa có số liệu.');
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'MISSING_DATA' }));
    // The pre-publication list names the indicators as people read them, never by their codes.
    for (const w of doc.warnings) expect(w.message).not.toMatch(/\b[A-Z]+\.[A-Z_]+\b/);
    expect(doc.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('Chưa có số liệu "Doanh thu') }),
    );
    await expect(
      publishReport(ctx(), { template: 'hop-bao-thang', period: '2025M03' }),
    ).rejects.toMatchObject({
      code: 'REPORT_CHECKS_FAILED',
      // Said to a person in the web app too: no command-line flag in it.
      message: expect.not.stringContaining('--force'),
    });
  });

  it('leaves an undated draft undated, with the names of its period, and dates it when told', async () => {
    // The demo dates the 2024M08 brief only: 2024M07's draft has no date of issue.
    const draft = (await getReport(ctx(), { template: 'hop-bao-thang', period: '2024M07' })).doc;
    expect(draft.issuedOn).toBeNull();
    expect(draft.warnings.map((w) => w.code)).toContain('NO_ISSUE_DATE');
    const md = renderMarkdown(draft);
    expect(md).toContain('Hà Nội, ngày … tháng … năm …');
    const now = new Date();
    expect(md).not.toContain(`năm ${now.getFullYear()}*`);
    // The names in force at the period's end (2024: before the 2025 merger of the ministries).
    expect(md).toContain('BỘ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(renderHtml(draft)).toContain('ngày … tháng … năm …');
    await setReportDetails(ctx(), { template: 'hop-bao-thang', period: '2024M07', issuedOn: '2024-08-06' });
    const dated = (await getReport(ctx(), { template: 'hop-bao-thang', period: '2024M07' })).doc;
    expect(renderMarkdown(dated)).toContain('Hà Nội, ngày 06 tháng 8 năm 2024');
    expect(dated.warnings.map((w) => w.code)).not.toContain('NO_ISSUE_DATE');
  });

  it('refuses a period the template is not for', async () => {
    await expect(getReport(ctx(), { template: 'giao-ban-quy', period: '2024M08' })).rejects.toMatchObject({
      code: 'PERIOD_TYPE_MISMATCH',
    });
  });

  it('takes a new report type as data, with no code', async () => {
    const base = builtinTemplates().find((t) => t.code === 'giao-ban-quy')!;
    await saveReportTemplate(ctx(), {
      ...base,
      code: 'chung-thu-so-thang',
      nameVi: 'Báo cáo chứng thư số hằng tháng',
      periodTypes: ['M'],
      subject: 'Chứng thư số {period}',
      sections: [base.sections.find((s) => s.id === 'chung-thu-so')!],
    });
    const md = await markdown('chung-thu-so-thang', '2024M02');
    expect(md).toContain('Chứng thư số tháng 2/2024');
    expect(md).toContain('là 695.268 chứng thư số, tăng 29,7% so với cùng kỳ năm 2023');
    await expect(saveReportTemplate(ctx(), { ...base, sections: [] })).rejects.toMatchObject({
      code: 'INVALID_TEMPLATE',
    });
    await expect(saveReportTemplate(ctx(), base)).rejects.toMatchObject({ code: 'BUILTIN_TEMPLATE' });
  });
});

describe('the number line', () => {
  it('prints a number given whole as it is, and a bare one with the report symbol', async () => {
    const key = { template: 'giao-ban-quy', period: '2024Q1' };
    await setReportDetails(ctx(), { ...key, number: '123/TC-BTTTT' });
    const whole = renderMarkdown((await getReport(ctx(), key)).doc);
    expect(whole).toContain('Số: 123/TC-BTTTT');
    expect(whole).not.toContain('123/TC-BTTTT/BC');
    await setReportDetails(ctx(), { ...key, number: '124' });
    expect(renderMarkdown((await getReport(ctx(), key)).doc)).toContain('Số: 124/BC-BTTTT');
  });
});
