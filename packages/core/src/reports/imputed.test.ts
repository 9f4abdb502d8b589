import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { submitValues } from '../values/values.ts';
import { renderDocx } from './render-docx.ts';
import { renderMarkdown } from './render-text.ts';
import { getReport } from './reports.ts';
import { saveReportTemplate } from './templates.ts';

let db: Database;
let ctx: Ctx;
const NOW = '2026M10';
const LAST_YEAR = '2025M10';
const MISSING = ['P08', 'P22', 'P40'];
const KEY = { template: 'vt-thang', period: NOW };

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
  const provinces = [...(await loadUnitGraph(db.k)).byCode.values()]
    .filter((u) => u.kind === 'province' && !u.validTo)
    .map((u) => u.code);
  // Every province 1.000 a year ago and 1.100 now, but three have not reported: 3 of 34 estimated,
  // each 1.000 × 1,1 — 3.300 of 37.400, 8,8% of the figure.
  const rows = [
    ...provinces.map((unit) => ({ unit, period: LAST_YEAR, value: 1000 })),
    ...provinces.filter((u) => !MISSING.includes(u)).map((unit) => ({ unit, period: NOW, value: 1100 })),
  ];
  await submitValues(ctx, {
    rows: rows.map((r, i) => ({ row: i + 1, indicator: 'VT.DOANH_THU', ...r, status: 'official' })),
  });
  await saveReportTemplate(ctx, {
    code: 'vt-thang',
    nameVi: 'Báo cáo doanh thu viễn thông tháng',
    nameEn: 'Monthly telecom revenue',
    periodTypes: ['M'],
    subject: 'Doanh thu viễn thông {period}',
    sections: [
      { kind: 'figures', id: 'so-lieu', heading: 'Số liệu', items: [{ indicator: 'VT.DOANH_THU' }] },
    ],
  });
}, 180_000);
afterAll(() => db.close());
afterEach(() => vi.unstubAllEnvs());

describe('a report and an imputed national figure', () => {
  it('prints it (default: up to 10%) marked, with a footnote in Word naming the provinces estimated', async () => {
    const { doc } = await getReport(ctx, KEY);
    expect(doc.figures[0]).toMatchObject({ status: 'imputed', value: 37400, imputed: { units: 3 } });
    const text = doc.sections[0]!.blocks.flatMap((b) => (b.type === 'list' ? b.items : []))[0]!.text;
    expect(text).toBe(
      'Doanh thu dịch vụ viễn thông ước đạt 37.400 tỷ đồng (gồm 3/34 tỉnh, thành phố ước tính bù, 8,8% tổng), tăng 10% so với cùng kỳ năm 2025 (34.000 tỷ đồng).',
    );
    // An undated draft also says it has no issue date; of the figures, only the imputed one warns.
    expect(doc.warnings.map((w) => w.code)).toEqual(['NO_ISSUE_DATE', 'IMPUTED_FIGURE']);
    expect(doc.notes).toHaveLength(1);
    expect(doc.notes[0]!.text).toContain('(Tỉnh Tuyên Quang, Tỉnh Quảng Ninh, Tỉnh Nghệ An)');
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    expect(footnotes).toContain('Số liệu ước tính bù: 3/34 tỉnh, thành phố ước tính bù, 8,8% tổng.');
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toMatch(
      /8,8% tổng\), tăng 10%[^<]*<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:footnoteReference w:id="1"\/>/,
    );
    expect(renderMarkdown(doc)).toContain('*(1) Số liệu ước tính bù: 3/34');
  });

  it('refuses above the configured share: the partial sum is printed, and the warning says why', async () => {
    vi.stubEnv('BAOCAO_REPORT_IMPUTED_MAX_PCT', '5');
    const { doc } = await getReport(ctx, KEY);
    expect(doc.figures[0]).toMatchObject({ status: 'partial', value: 34100 });
    expect(doc.figures[0]!.imputed ?? null).toBeNull();
    expect(doc.notes).toEqual([]);
    const refused = doc.warnings.find((w) => w.code === 'IMPUTED_REFUSED')!;
    expect(refused.message).toContain('phần ước tính bù 8,8% vượt ngưỡng 5%');
    expect(doc.warnings.map((w) => w.code)).toContain('PARTIAL_FIGURE');
    const text = doc.sections[0]!.blocks.flatMap((b) => (b.type === 'list' ? b.items : []))[0]!.text;
    expect(text).toContain('34.100 tỷ đồng (31/34 tỉnh, thành phố đã báo cáo)');
    expect(text).toContain('tăng 0,3% so với cùng kỳ năm 2025');
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    expect(await zip.file('word/document.xml')!.async('string')).not.toContain('footnoteReference');
  });

  it('refuses every imputed figure when the setting is off', async () => {
    vi.stubEnv('BAOCAO_REPORT_IMPUTED', 'off');
    const { doc } = await getReport(ctx, KEY);
    expect(doc.figures[0]).toMatchObject({ status: 'partial', value: 34100 });
    expect(doc.warnings.find((w) => w.code === 'IMPUTED_REFUSED')!.message).toContain(
      'cấu hình không cho phép in số ước tính bù',
    );
  });
});
