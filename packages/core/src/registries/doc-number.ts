/**
 * Numbers and symbols of administrative documents ("số, ký hiệu", Decree 30/2020/NĐ-CP art. 8 and
 * the Law on legal normative documents): `1459/QĐ-BTTTT`, `09/2024/TT-BTTTT`, `805/QĐ-TTg`,
 * `1552/BTTTT-THH` (a letter has no type), `24/2018/QH14` (a law). Node-free: the web app uses it.
 */

/** The type abbreviation each kind of document carries in its symbol. */
export const KIND_ABBREVIATIONS: Record<string, readonly string[]> = {
  Luật: [],
  'Nghị quyết': ['NQ'],
  'Nghị định': ['NĐ'],
  'Quyết định': ['QĐ'],
  'Thông tư': ['TT'],
  'Chỉ thị': ['CT'],
  'Công điện': ['CĐ'],
  'Công văn': [],
  'Đề án': ['ĐA'],
  'Kế hoạch': ['KH'],
  'Báo cáo': ['BC'],
  'Tờ trình': ['TTr'],
  'Thông báo': ['TB'],
  'Hướng dẫn': ['HD'],
  'Chiến lược': ['QĐ'],
  'Quy hoạch': ['QĐ'],
  'Chương trình': ['CTr'],
  'Hồ sơ': [],
  'Đề nghị': [],
};

/** Kinds whose number must carry the year (legal normative documents). */
const NEEDS_YEAR = new Set(['Luật', 'Nghị định', 'Thông tư']);

/** Issuers known by the last part of a symbol. */
const ISSUERS: Record<string, string> = {
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  CVT: 'Cục Viễn thông',
};

export interface DocNumber {
  number: number;
  year: number | null;
  /** The type abbreviation (`QĐ`), or null for a letter or a law. */
  type: string | null;
  /** The issuing body's abbreviation (`BTTTT`, `TTg`, `QH14`). */
  issuer: string;
  /** The drafting unit, for a letter (`THH` in `1552/BTTTT-THH`). */
  unit: string | null;
  /** The issuing body's name when known. */
  issuerName: string | null;
}

const SHAPE = /^(\d{1,5})(?:\/(\d{4}))?\/([A-Za-zĐđ0-9&]+(?:-[A-Za-zĐđ0-9&]+){0,3})$/u;
const TYPES = new Set(Object.values(KIND_ABBREVIATIONS).flat());

/** Why a number and symbol was refused, in Vietnamese and English; null when it is valid. */
export type DocNumberProblem = { code: string; message: string; messageEn: string };

/** Parses "số, ký hiệu"; returns the parts or the problem. */
export function parseDocNumber(text: string): DocNumber | DocNumberProblem {
  const m = SHAPE.exec(text.trim());
  if (!m) {
    return {
      code: 'INVALID_DOC_NUMBER',
      message: `Số, ký hiệu "${text}" không đúng dạng số/ký hiệu (ví dụ 1459/QĐ-BTTTT, 09/2024/TT-BTTTT)`,
      messageEn: `"${text}" is not a document number and symbol (e.g. 1459/QĐ-BTTTT, 09/2024/TT-BTTTT)`,
    };
  }
  const parts = m[3]!.split('-');
  const law = parts.length === 1 && /^QH\d{1,2}$/.test(parts[0]!);
  const hasType = TYPES.has(parts[0]!) && parts.length >= 2;
  if (!law && parts.length < 2) {
    return {
      code: 'INVALID_DOC_NUMBER',
      message: `Ký hiệu "${m[3]}" thiếu tên viết tắt của loại văn bản hoặc của cơ quan ban hành`,
      messageEn: `Symbol "${m[3]}" lacks the document type or the issuing body`,
    };
  }
  const issuer = law ? parts[0]! : hasType ? parts[1]! : parts[0]!;
  return {
    number: Number(m[1]),
    year: m[2] ? Number(m[2]) : null,
    type: hasType ? parts[0]! : null,
    issuer,
    unit: hasType ? (parts[2] ?? null) : law ? null : (parts[1] ?? null),
    issuerName: law ? 'Quốc hội' : (ISSUERS[issuer] ?? null),
  };
}

/** Checks that a parsed number fits the document's kind and date; returns the problems found. */
export function checkDocNumber(kind: string, doc: DocNumber, issuedOn: string | null): DocNumberProblem[] {
  const problems: DocNumberProblem[] = [];
  const expected = KIND_ABBREVIATIONS[kind] ?? [];
  const isLaw = /^QH\d+$/.test(doc.issuer) && doc.type === null;
  const fits =
    kind === 'Luật' ? isLaw : expected.length ? doc.type !== null && expected.includes(doc.type) : !isLaw;
  if (!fits) {
    const want = kind === 'Luật' ? 'QHnn' : expected.join(' hoặc ') || 'không có loại';
    problems.push({
      code: 'DOC_KIND_MISMATCH',
      message: `Ký hiệu ${doc.type ?? doc.issuer} không khớp loại văn bản "${kind}" (cần ${want})`,
      messageEn: `The symbol does not match the kind "${kind}" (expected ${want})`,
    });
  }
  if (NEEDS_YEAR.has(kind) && doc.year === null) {
    problems.push({
      code: 'DOC_YEAR_MISSING',
      message: `Số của ${kind.toLowerCase()} phải có năm ban hành (ví dụ 09/2024/TT-BTTTT)`,
      messageEn: `A ${kind} number must carry its year (e.g. 09/2024/TT-BTTTT)`,
    });
  }
  if (doc.year !== null && issuedOn && Number(issuedOn.slice(0, 4)) !== doc.year) {
    problems.push({
      code: 'DOC_YEAR_MISMATCH',
      message: `Năm trong số hiệu (${doc.year}) khác năm ban hành (${issuedOn.slice(0, 4)})`,
      messageEn: `The year in the number (${doc.year}) differs from the issue date's (${issuedOn.slice(0, 4)})`,
    });
  }
  return problems;
}

/** The issuer abbreviations of the Government and the Prime Minister. */
export const GOVERNMENT_ISSUERS = new Set(['CP', 'TTg']);
