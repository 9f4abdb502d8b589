import { longDateVi } from '../format/date.ts';
import type { ReportBlock, ReportDoc } from './report-schemas.ts';

/**
 * "Số: 123/BC-BKHCN" (the symbol of the document's date), or the blank a draft leaves for the clerk to fill in. A number given whole
 * ("123/TC-BTTTT") is printed as given, never with a second symbol.
 */
export const numberLine = (doc: ReportDoc) =>
  doc.number?.includes('/') ? `Số: ${doc.number}` : `Số: ${doc.number ?? '     '}/BC-${doc.issuer.symbol}`;
/**
 * "Hà Nội, ngày 05 tháng 9 năm 2024"; an undated draft leaves the date to be written at signing, as
 * drafts do, rather than print today's date beside the names of its period.
 */
export const placeDateLine = (doc: ReportDoc) =>
  `${doc.place}, ${doc.issuedOn ? longDateVi(doc.issuedOn) : UNDATED}`;
export const UNDATED = 'ngày … tháng … năm …';
export const editedNote = (by?: string) => `Đã chỉnh sửa${by ? ` bởi ${by}` : ''}`;

const esc = (s: string) => s.replace(/[|]/g, '\\|');

function mdBlock(b: ReportBlock): string {
  switch (b.type) {
    case 'paragraph':
      return b.text;
    case 'subheading':
      return `**${b.text}**`;
    case 'list':
      return b.items.map((i) => `- ${i.text}`).join('\n');
    case 'table':
      return [
        `*${b.caption}*`,
        '',
        `| ${b.header.map(esc).join(' | ')} |`,
        `|${b.header.map((_, i) => (i < 3 ? ' --- ' : ' ---: ')).join('|')}|`,
        ...b.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
      ].join('\n');
    case 'chart':
      return `*${b.caption}* (biểu đồ có trong bản HTML và Word)`;
  }
}

/** The report as Markdown: the header lines, then each section. */
export function renderMarkdown(doc: ReportDoc): string {
  const head = [
    `**${doc.issuer.name.toUpperCase()}**`,
    '',
    numberLine(doc),
    '',
    `*${placeDateLine(doc)}*`,
    '',
    '# BÁO CÁO',
    '',
    `**${doc.subject}**`,
  ];
  const body = doc.sections.flatMap((s) => [
    ...(s.heading ? ['', `## ${s.heading}`] : []),
    ...(s.edited ? ['', `*(${editedNote(s.edited.by)})*`] : []),
    ...s.blocks.flatMap((b) => ['', mdBlock(b)]),
  ]);
  // The notes on imputed figures, numbered as Word numbers its footnotes.
  const notes = (doc.notes ?? []).length
    ? ['', '---', '', ...(doc.notes ?? []).map((n, i) => `*(${i + 1}) ${n.text}*`)]
    : [];
  const tail = [...notes, '', '---', '', '***Nơi nhận:***', ...doc.recipients.map((r) => `- ${r}`)];
  const sign = [
    '',
    ...[doc.signer.authority, doc.signer.title].filter(Boolean).map((l) => `**${l}**`),
    ...(doc.signer.name ? [`**${doc.signer.name}**`] : []),
  ];
  return [...head, ...body, ...tail, ...sign, ''].join('\n');
}

const h = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlBlock(b: ReportBlock): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${h(b.text)}</p>`;
    case 'subheading':
      return `<p class="sub">${h(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${h(i.text)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><caption>${h(b.caption)}</caption><thead><tr>${b.header.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c, i) => `<td${i >= 3 ? ' class="n"' : ''}>${h(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'chart':
      // The SVG comes from our own renderer (ECharts SSR), not from user input.
      return `<figure>${b.svg}<figcaption>${h(b.caption)}</figcaption></figure>`;
  }
}

const CSS = `body{font-family:"Times New Roman",serif;font-size:14pt;max-width:60em;margin:2em auto;line-height:1.4}
.head{display:flex;justify-content:space-between;text-align:center}.head b{display:block}
h1{text-align:center;font-size:14pt;margin-top:1.5em}.subject{text-align:center;font-weight:bold}
h2{font-size:14pt}p{text-align:justify;text-indent:1cm}p.sub{font-weight:bold;text-indent:0}
.edited{background:#fff7d6;border-left:4px solid #e0b000;padding-left:.5em}.badge{font-size:10pt;color:#8a6d00}
table{border-collapse:collapse;font-size:11pt;margin:1em 0}td,th{border:1px solid #555;padding:2px 6px}td.n{text-align:right}
caption{font-style:italic}.warn{border:1px solid #c0392b;padding:.5em 1em;font-size:11pt}figure{text-align:center;margin:1em 0 1.5em}figcaption{font-style:italic}`;

/**
 * The report as a standalone HTML page (the preview), with the checks' warnings on top. Each
 * section is anchored `#muc-{id}`, as the editor's section cards are: a link to a section (from a
 * task that appeared in it) opens both at that section.
 */
export function renderHtml(doc: ReportDoc): string {
  const warn = doc.warnings.length
    ? `<div class="warn" role="status"><b>Kiểm tra trước khi phát hành:</b><ul>${doc.warnings.map((w) => `<li>${h(w.message)}</li>`).join('')}</ul></div>`
    : '';
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="muc-${h(s.id)}"${s.edited ? ' class="edited"' : ''}>${s.heading ? `<h2>${h(s.heading)}</h2>` : ''}${
          s.edited ? `<span class="badge">${h(editedNote(s.edited.by))}</span>` : ''
        }${s.blocks.map(htmlBlock).join('')}</section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${h(doc.templateName)} – ${h(doc.periodLabel)}</title><style>${CSS}</style></head><body>
${warn}<div class="head"><div>${doc.issuer.parent ? `<div>${h(doc.issuer.parent.toUpperCase())}</div>` : ''}<b>${h(doc.issuer.name.toUpperCase())}</b><div>${h(numberLine(doc))}</div></div><div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><b>Độc lập - Tự do - Hạnh phúc</b><i>${h(placeDateLine(doc))}</i></div></div>
<h1>BÁO CÁO</h1><div class="subject">${h(doc.subject)}</div>
${sections}
${(doc.notes ?? []).map((n, i) => `<p class="sub"><i>(${i + 1}) ${h(n.text)}</i></p>`).join('')}
<p class="sub"><i>Nơi nhận:</i></p><ul>${doc.recipients.map((r) => `<li>${h(r)}</li>`).join('')}</ul>
</body></html>`;
}
