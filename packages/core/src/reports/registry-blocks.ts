import { duplicateKey } from '../registries/registries.ts';
import type { ItemOf, RegistryItem } from '../registries/registry-schemas.ts';
import { formatDateRangeVi, formatDateVi } from '../format/date.ts';
import { formatNumberVi } from '../format/number.ts';
import type { ReportBlock, ReportWarning } from './report-schemas.ts';

const lowerFirst = (s: string) =>
  /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
const sentence = (s: string) => (/[.!?…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/**
 * Keeps the first of items that are the same entry, and warns about the others: a list in a
 * report names each thing once (seed 003 listed one directive twice).
 */
export function uniqueItems<T extends RegistryItem>(
  items: T[],
  section: string,
  warnings: ReportWarning[],
): T[] {
  const seen = new Map<string, T>();
  for (const it of items) {
    const key = duplicateKey(it);
    if (!seen.has(key)) {
      seen.set(key, it);
      continue;
    }
    const full = 'title' in it && it.title ? it.title : 'summary' in it ? it.summary : `#${it.id}`;
    const label = full.length > 100 ? `${full.slice(0, 100).replace(/[\s,;]+\S*$/, '')}…` : full;
    warnings.push({
      code: 'DUPLICATE_ITEM',
      section,
      message: `Mục "${label}" được nhập ${items.filter((x) => duplicateKey(x) === key).length} lần (mục số ${seen.get(key)!.id} và ${it.id}); báo cáo chỉ nêu một lần`,
      messageEn: `Item "${label}" is entered more than once (items ${seen.get(key)!.id} and ${it.id}); the report lists it once`,
    });
  }
  return [...seen.values()];
}

/** "Quyết định số 1459/QĐ-BTTTT ngày 28/8/2024 phê duyệt …"; a document not issued yet by its title. */
export function legalDocumentText(d: ItemOf<'legal_document'>): string {
  if (!d.number) return sentence(d.title);
  const date = d.issuedOn ? ` ngày ${formatDateVi(d.issuedOn)}` : '';
  return sentence(`${d.docKind} số ${d.number}${date} ${lowerFirst(d.title)}`);
}

/** "Ngày 21/8/2024, tại Hà Nội, …" */
export function activityText(a: ItemOf<'activity'>): string {
  const when =
    a.endOn && a.endOn !== a.startOn
      ? `Từ ngày ${formatDateRangeVi(a.startOn, a.endOn)}`
      : `Ngày ${formatDateVi(a.startOn)}`;
  const where = a.place ? `, tại ${a.place}` : '';
  return `${when}${where}, ${sentence(a.summary)}`;
}

export const issueText = (i: ItemOf<'notable_issue'>) =>
  sentence(i.title ? `${i.title}: ${i.summary}` : i.summary);

export function taskText(t: ItemOf<'task'>, unitName: (code: string) => string): string {
  const extra = [
    t.leadUnit ? `chủ trì: ${unitName(t.leadUnit)}` : null,
    t.dueOn ? `hạn ${formatDateVi(t.dueOn)}` : null,
  ].filter(Boolean);
  return sentence(extra.length ? `${t.title.replace(/[.]$/, '')} (${extra.join('; ')})` : t.title);
}

/** The voter-petition paragraph: counts, then what the petitions were about. */
export function petitionBlocks(p: ItemOf<'petition'>, issuerShort: string): ReportBlock[] {
  const n = (x: number) => formatNumberVi(x, 0);
  const where = `Trong Kỳ họp thứ ${p.session}, Quốc hội khóa ${p.legislature}`;
  const text =
    p.received === p.processed && p.processed === p.published
      ? `${where}, ${issuerShort} đã tiếp nhận, xử lý và đăng tải trên Cổng Thông tin điện tử của Bộ ${n(p.received)} kiến nghị của cử tri.`
      : `${where}, ${issuerShort} đã tiếp nhận ${n(p.received)} kiến nghị của cử tri, đã xử lý ${n(p.processed)} kiến nghị và đăng tải ${n(p.published)} kiến nghị trên Cổng Thông tin điện tử của Bộ.`;
  const blocks: ReportBlock[] = [{ type: 'paragraph', text, figures: [] }];
  if (p.items.length)
    blocks.push({
      type: 'paragraph',
      text: `Nội dung kiến nghị của cử tri tập trung vào những vấn đề: ${p.items.map((s) => s.replace(/[.;]$/, '')).join('; ')}.`,
      figures: [],
    });
  return blocks;
}
