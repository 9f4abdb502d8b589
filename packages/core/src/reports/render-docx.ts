import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportBlock, ReportDoc } from './report-schemas.ts';
import { numberLine, placeDateLine } from './render-text.ts';

/** Millimetres to twips, rounded up (docx's own helper truncates, which puts A4 and the margins under their minimum). */
const mm = (x: number) => Math.ceil((x * 1440) / 25.4);

/** Decree 30/2020/NĐ-CP, appendix I: A4; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const DECREE30_PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
};
const FONT = 'Times New Roman';
const pt = (n: number) => n * 2; // docx sizes are in half-points
const BODY = pt(14);

const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold ?? false, italics: o.italics ?? false });

const centered = (text: string, o: Parameters<typeof run>[1] = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, o)] });

/**
 * A table's or chart's caption, 13 pt italic: a table's sits right above it; a chart's sits below the
 * image with 12 pt after it, so the next heading does not run into it.
 */
const caption = (text: string, where: 'above' | 'below') =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: where === 'above',
    spacing: where === 'above' ? { before: 120, after: 60 } : { before: 60, after: 240 },
    children: [run(text, { size: pt(13), italics: true })],
  });

/**
 * Body text: 14 pt, justified, first line indented 1 cm, 6 pt after (Decree 30's paragraph rules);
 * `notes` are the footnotes it calls (their numbers), after its text.
 */
const bodyParagraph = (text: string, o: { bold?: boolean; bullet?: boolean; notes?: number[] } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { after: 120, line: 300 },
    children: [
      run(o.bullet ? `- ${text}` : text, { bold: o.bold ?? false }),
      ...(o.notes ?? []).map((n) => new FootnoteReferenceRun(n)),
    ],
  });

/** The footnote numbers of the notes on a paragraph's figures (see ReportDoc.notes). */
type NoteRefs = (figures: string[]) => number[];

/** The two-column top of the page: issuing body and number left; national title, motto, place and date right. */
function headerTable(doc: ReportDoc): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, children });
  const left = [
    ...(doc.issuer.parent ? [centered(doc.issuer.parent.toUpperCase(), { size: pt(13) })] : []),
    centered(doc.issuer.name.toUpperCase(), { size: pt(13), bold: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      indent: { left: mm(18), right: mm(18) },
      children: [],
    }),
    centered(numberLine(doc), { size: pt(13) }),
  ];
  const right = [
    centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: pt(12), bold: true }),
    centered('Độc lập - Tự do - Hạnh phúc', { size: pt(14), bold: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      indent: { left: mm(22), right: mm(22) },
      children: [],
    }),
    centered(placeDateLine(doc), { size: pt(14), italics: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    columnWidths: [mm(62), mm(103)],
    rows: [new TableRow({ children: [cell(left, mm(62)), cell(right, mm(103))] })],
  });
}

function dataTable(b: Extract<ReportBlock, { type: 'table' }>): Table {
  const cell = (text: string, o: { bold?: boolean; right?: boolean } = {}) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(text, { size: pt(11), bold: o.bold ?? false })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((c) => cell(c, { bold: true })) }),
      ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { right: i >= 3 })) })),
    ],
  });
}

/** Rasterises a chart's SVG (resvg, with the system's fonts) at print resolution. */
function chartImage(svg: string): { data: Buffer; width: number; height: number } {
  const w = Number(/width="(\d+)"/.exec(svg)?.[1] ?? 640);
  const h = Number(/height="(\d+)"/.exec(svg)?.[1] ?? 320);
  const png = new Resvg(svg, {
    // Twice the layout size: about 200 dpi at the printed width, at under half the cost of 3×.
    fitTo: { mode: 'width', value: w * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Serif' },
  })
    .render()
    .asPng();
  return { data: png, width: w, height: h };
}

function blockParts(b: ReportBlock, notes: NoteRefs): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [bodyParagraph(b.text, { notes: notes(b.figures) })];
    case 'subheading':
      return [bodyParagraph(b.text, { bold: true })];
    case 'list':
      return b.items.map((i) => bodyParagraph(i.text, { bullet: true, notes: notes(i.figures) }));
    case 'table':
      return [caption(b.caption, 'above'), dataTable(b)];
    case 'chart': {
      const img = chartImage(b.svg);
      const width = 600; // px at 96 dpi ≈ 159 mm, inside the 165 mm text width
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: img.data,
              transformation: { width, height: Math.round((img.height / img.width) * width) },
            }),
          ],
        }),
        caption(b.caption, 'below'),
      ];
    }
  }
}

/** The signature block (right) and the "Nơi nhận:" block (left), side by side as Decree 30 lays them out. */
function closingTable(doc: ReportDoc): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { size: pt(12), bold: true, italics: true })] }),
    ...doc.recipients.map((r) => new Paragraph({ children: [run(`- ${r};`, { size: pt(11) })] })),
  ];
  const right = [
    ...[doc.signer.authority, doc.signer.title].flatMap((l) => (l ? [centered(l, { bold: true })] : [])),
    ...[1, 2, 3, 4].map(() => new Paragraph({ children: [] })),
    ...(doc.signer.name ? [centered(doc.signer.name, { bold: true })] : []),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: left }),
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: right }),
        ],
      }),
    ],
  });
}

/**
 * The report as a Word document in the Decree 30/2020/NĐ-CP administrative format: A4, its
 * margins, Times New Roman, the national title and motto, number, place and date, "BÁO CÁO" and the
 * subject, justified 14 pt body, tables and charts, "Nơi nhận:", the signature, page numbers from page 2;
 * the notes on imputed figures as footnotes.
 */
export async function renderDocx(doc: ReportDoc): Promise<Buffer> {
  // Each note is a footnote, numbered in the order of the notes, called where its figure is printed.
  const noteOf = new Map((doc.notes ?? []).map((n, i) => [n.figure, i + 1]));
  const notes: NoteRefs = (figures) => figures.flatMap((f) => (noteOf.has(f) ? [noteOf.get(f)!] : []));
  const body = doc.sections.flatMap((s) => [
    ...(s.heading ? [bodyParagraph(s.heading, { bold: true })] : []),
    ...s.blocks.flatMap((b) => blockParts(b, notes)),
  ]);
  const footnotes = Object.fromEntries(
    (doc.notes ?? []).map((n, i) => [
      i + 1,
      { children: [new Paragraph({ children: [run(n.text, { size: pt(11) })] })] },
    ]),
  );
  const document = new Document({
    creator: 'baocao',
    footnotes,
    title: `${doc.templateName} – ${doc.periodLabel}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: DECREE30_PAGE.width, height: DECREE30_PAGE.height },
            margin: {
              top: DECREE30_PAGE.top,
              bottom: DECREE30_PAGE.bottom,
              left: DECREE30_PAGE.left,
              right: DECREE30_PAGE.right,
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
        },
        children: [
          headerTable(doc),
          new Paragraph({
            spacing: { before: 240 },
            alignment: AlignmentType.CENTER,
            children: [run('BÁO CÁO', { bold: true })],
          }),
          centered(doc.subject, { bold: true }),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          ...body,
          new Paragraph({ children: [] }),
          closingTable(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
