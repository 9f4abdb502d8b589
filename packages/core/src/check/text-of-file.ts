import JSZip from 'jszip';
import { BaocaoError } from '../errors.ts';

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a .txt, .md or .docx file, one line per paragraph; offsets of findings refer to it. */
export async function textOfFile(data: Buffer, filename: string): Promise<string> {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'txt' || ext === 'md') {
    if (data.includes(0)) throw notText(filename);
    return data.toString('utf8').normalize('NFC');
  }
  if (ext === 'docx') {
    const zip = await JSZip.loadAsync(data).catch(() => null);
    const xml = await zip?.file('word/document.xml')?.async('string');
    if (!xml) throw notText(filename);
    const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
    return paragraphs
      .map((p) =>
        [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
          .map((m) => (m[1] === undefined ? '\t' : unescape(m[1])))
          .join(''),
      )
      .join('\n')
      .normalize('NFC');
  }
  throw new BaocaoError(
    'UNSUPPORTED_FILE',
    `Chỉ kiểm tra được tệp .txt, .md hoặc .docx (không phải "${filename}")`,
    `Only .txt, .md and .docx files can be checked`,
  );
}

const notText = (f: string) =>
  new BaocaoError('INVALID_FILE', `Tệp "${f}" không đọc được như văn bản`, `"${f}" cannot be read as text`);
