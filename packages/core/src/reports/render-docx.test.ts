import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { loadDemo } from '../demo/demo.ts';
import { createTestDatabase } from '../testing.ts';
import { renderDocx } from './render-docx.ts';
import { getReport } from './reports.ts';

let db: Database;
let docx: Buffer;
let xml: { document: string; styles: string; headers: string[] };
beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(systemCtx(db));
  docx = await renderDocx(
    (await getReport(systemCtx(db), { template: 'hop-bao-thang', period: '2024M08' })).doc,
  );
  const zip = await JSZip.loadAsync(docx);
  const text = (name: string) => zip.file(name)!.async('string');
  const headerNames = Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
  xml = {
    document: await text('word/document.xml'),
    styles: await text('word/styles.xml'),
    headers: await Promise.all(headerNames.map(text)),
  };
  await db.close();
});
afterAll(() => undefined);

const twipsToMm = (t: number) => (t * 25.4) / 1440;
const attr = (tag: string, name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(tag)?.[1]);

/** The run properties of the run holding `text`: its size in points, bold, italic. */
function runOf(text: string) {
  const i = xml.document.indexOf(`>${text}<`);
  expect(i, `"${text}" is in the document`).toBeGreaterThan(0);
  const start = xml.document.lastIndexOf('<w:r>', i);
  const props = xml.document.slice(start, i);
  return {
    pt: Number(/<w:sz w:val="(\d+)"/.exec(props)?.[1]) / 2,
    bold: /<w:b\/>|<w:b w:val="true"\/>/.test(props),
    italic: /<w:i\/>|<w:i w:val="true"\/>/.test(props),
    font: /w:ascii="([^"]+)"/.exec(props)?.[1],
  };
}

describe('the Word document follows Decree 30/2020/NĐ-CP', () => {
  it('is A4 with the decree’s margins', () => {
    const size = /<w:pgSz[^>]*>/.exec(xml.document)![0];
    expect([attr(size, 'w:w'), attr(size, 'w:h')]).toEqual([11906, 16838]);
    const m = /<w:pgMar[^>]*>/.exec(xml.document)![0];
    const mm = (n: string) => twipsToMm(attr(m, n));
    expect(mm('w:top')).toBeGreaterThanOrEqual(20);
    expect(mm('w:top')).toBeLessThanOrEqual(25);
    expect(mm('w:bottom')).toBeGreaterThanOrEqual(20);
    expect(mm('w:bottom')).toBeLessThanOrEqual(25);
    expect(mm('w:left')).toBeGreaterThanOrEqual(30);
    expect(mm('w:left')).toBeLessThanOrEqual(35);
    expect(mm('w:right')).toBeGreaterThanOrEqual(15);
    expect(mm('w:right')).toBeLessThanOrEqual(20);
  });

  it('sets Times New Roman throughout', () => {
    expect(xml.styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    const fonts = [...xml.document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
  });

  it('has the national title, motto, issuer, number, place and date, title and subject', () => {
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ bold: true });
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').pt).toBeGreaterThanOrEqual(12);
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').pt).toBeLessThanOrEqual(13);
    const motto = runOf('Độc lập - Tự do - Hạnh phúc');
    expect(motto.bold).toBe(true);
    expect(motto.pt).toBeGreaterThanOrEqual(13);
    expect(motto.pt).toBeLessThanOrEqual(14);
    expect(runOf('BỘ THÔNG TIN VÀ TRUYỀN THÔNG').bold).toBe(true);
    expect(xml.document).toContain('>Số:      /BC-BTTTT<');
    expect(runOf('Hà Nội, ngày 13 tháng 9 năm 2024')).toMatchObject({ italic: true });
    expect(runOf('BÁO CÁO')).toMatchObject({ bold: true, pt: 14 });
  });

  it('justifies the 14 pt body with a first-line indent', () => {
    const i = xml.document.indexOf('Doanh thu ước đạt 2.820.865 tỷ đồng');
    const para = xml.document.slice(xml.document.lastIndexOf('<w:p>', i), i);
    expect(para).toContain('<w:jc w:val="both"/>');
    expect(para).toMatch(/w:firstLine="\d+"/);
    expect(
      runOf(
        '- Doanh thu ước đạt 2.820.865 tỷ đồng, tăng 23,7% so với cùng kỳ năm 2023 và đạt 66,4% so với kế hoạch năm (4.245.382 tỷ đồng).',
      ).pt,
    ).toBe(14);
  });

  it('has the "Nơi nhận:" block and numbers pages from page 2', () => {
    expect(runOf('Nơi nhận:')).toMatchObject({ pt: 12, bold: true, italic: true });
    expect(runOf('- Các Thứ trưởng;').pt).toBe(11);
    expect(xml.document).toContain('<w:titlePg/>');
    // The first page's header is empty; the others carry the PAGE field.
    expect(xml.headers.filter((h) => h.includes('PAGE'))).toHaveLength(1);
    expect(xml.headers.some((h) => !h.includes('PAGE'))).toBe(true);
  });

  it('embeds the figures table and the chart', () => {
    expect(xml.document).toContain('Bảng 1. Một số chỉ tiêu chủ yếu của ngành 8 tháng đầu năm 2024');
    expect(xml.document).toContain('<w:tbl>');
    expect(xml.document).toMatch(/<a:blip r:embed=/);
    // The chart's caption keeps 12 pt after it: the next heading does not run into it.
    const img = xml.document.indexOf('<a:blip r:embed=');
    const captionPara = xml.document.slice(
      xml.document.indexOf('<w:p>', img),
      xml.document.indexOf('</w:p>', xml.document.indexOf('<w:p>', img)),
    );
    expect(captionPara).toContain('w:after="240"');
    expect(captionPara).toContain('<w:i/>');
  });
});

const office = spawnSync('libreoffice', ['--version']).status === 0;
describe.skipIf(!office && !process.env.CI)('LibreOffice', () => {
  it('opens the document and renders it to PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-docx-'));
    writeFileSync(join(dir, 'bao-cao.docx'), docx);
    execFileSync(
      'libreoffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'bao-cao.docx'),
      ],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
    const pdf = readFileSync(join(dir, 'bao-cao.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'bao-cao.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('2.820.865');
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'bao-cao.pdf')], { encoding: 'utf8' }))?.[1],
    );
    expect(pages).toBeGreaterThan(1);
  }, 180_000);
});
