import { renderDocx } from './render-docx.ts';
import { renderHtml, renderMarkdown } from './render-text.ts';
import type { ReportDoc, ReportFormat } from './report-schemas.ts';

const TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
};

/** A report in one of its output formats, with its content type and a file name. */
export async function renderReport(
  doc: ReportDoc,
  format: ReportFormat,
): Promise<{ data: Buffer; contentType: string; filename: string }> {
  const data =
    format === 'docx'
      ? await renderDocx(doc)
      : Buffer.from(
          format === 'md'
            ? renderMarkdown(doc)
            : format === 'html'
              ? renderHtml(doc)
              : JSON.stringify(doc, null, 2),
        );
  return { data, contentType: TYPES[format], filename: `${doc.template}-${doc.period}.${format}` };
}
