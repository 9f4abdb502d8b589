import { BaocaoError } from '../errors.ts';
import { type Period, parsePeriod, periodFromMonths } from '../periods/period.ts';
import type { Indicator } from '../schemas.ts';

/** The maintenance agency of baocao's SDMX artefacts. */
export const AGENCY = 'BAOCAO';
export const VERSION = '1.0';
export const DSD_ID = 'DSD_BAOCAO';

/**
 * Our codes as SDMX ids: SDMX ids may not hold dots (the key separator of its REST API), so the
 * dots of our codes (`NGANH.DOANH_THU`) become hyphens (`NGANH-DOANH_THU`); none of our codes has a
 * hyphen, so the mapping goes both ways.
 */
export const toSdmxId = (code: string): string => code.replace(/\./g, '-');
export const fromSdmxId = (id: string): string => id.replace(/-/g, '.');

/** The dataflow of a domain (the prefix of its indicators' codes). */
export const dataflowId = (domain: string): string => `DF_${domain}`;

/**
 * Observation status — the one mapping of SDMX and open data: SDMX's cross-domain codes where one
 * fits (CL_OBS_STATUS 2.2: A normal = official, E estimated, I imputed) and our marks where none
 * does: a partial figure (summed from only some of the expected units, with its coverage in COMMENT)
 * and a derived one (computed from other values). An imputed figure ("ước tính bù": the units not yet
 * reported estimated, their count and share in COMMENT) is I, "Imputed value"; the code list's
 * wording ("CCSA definition") is about international bodies filling national gaps, the nearest of
 * its codes to ours — E would make it one with an estimate the ministry itself reported.
 * `word` is the open-data status; only A and E are accepted as input.
 */
export const OBS_STATUS = [
  { id: 'A', word: 'official', input: true, vi: 'Chính thức', en: 'Normal value (official)' },
  { id: 'E', word: 'estimate', input: true, vi: 'Ước tính', en: 'Estimated value' },
  {
    id: 'PA',
    word: 'partial',
    input: false,
    vi: 'Tổng hợp chưa đủ đơn vị',
    en: 'Partial: summed from some of the expected units only',
  },
  {
    id: 'I',
    word: 'imputed',
    input: false,
    vi: 'Ước tính bù (đơn vị chưa báo cáo được ước tính)',
    en: 'Imputed value: the units not yet reported estimated',
  },
  { id: 'DV', word: 'derived', input: false, vi: 'Suy ra từ số liệu khác', en: 'Derived from other values' },
] as const;
export type ObsStatus = (typeof OBS_STATUS)[number]['id'];
export type StatusWord = (typeof OBS_STATUS)[number]['word'];

/** A figure's SDMX status: partial or imputed, else derived (computed), else its stored status. */
export function obsStatusOf(c: {
  status: string | null;
  source?: string | null;
  derived?: boolean;
}): ObsStatus {
  if (c.status === 'partial') return 'PA';
  if (c.status === 'imputed') return 'I';
  if (c.source === 'computed' || c.derived) return 'DV';
  return c.status === 'estimate' ? 'E' : 'A';
}

/** The open-data word of an SDMX status. */
export const statusWordOf = (id: ObsStatus): StatusWord => OBS_STATUS.find((s) => s.id === id)!.word;

/** An incoming OBS_STATUS as our stored status (A official, E estimate), or null when not accepted. */
export function readObsStatus(text: string): 'official' | 'estimate' | null {
  const s = OBS_STATUS.find((x) => x.id === text.trim().toUpperCase());
  return s && (s.word === 'official' || s.word === 'estimate') ? s.word : null;
}

/** SDMX unit of measure and multiplier (power of ten) of our units. */
const UNITS: Record<string, [string, number, string]> = {
  'tỷ đồng': ['VND', 9, 'Vietnamese dong'],
  'triệu USD': ['USD', 6, 'US dollar'],
  'triệu bưu gửi': ['POSTAL_ITEMS', 6, 'Postal items'],
  '%': ['PT', 0, 'Percent'],
  'lao động': ['WORKERS', 0, 'Workers'],
  người: ['PERSONS', 0, 'Persons'],
  cuộc: ['ATTACKS', 0, 'Attacks'],
  'địa chỉ': ['IP_ADDRESSES', 0, 'IP addresses'],
  'chứng thư số': ['CERTIFICATES', 0, 'Digital certificates'],
  'doanh nghiệp': ['ENTERPRISES', 0, 'Enterprises'],
  'thuê bao': ['SUBSCRIPTIONS', 0, 'Subscriptions'],
  'cơ quan': ['AGENCIES', 0, 'Agencies'],
  thẻ: ['CARDS', 0, 'Cards'],
};

/** An indicator's SDMX unit of measure (a code of CL_UNIT_MEASURE) and unit multiplier. */
export function unitOf(i: Pick<Indicator, 'unitVi' | 'unitEn'>): { id: string; mult: number; name: string } {
  const known = UNITS[i.unitVi];
  if (known) return { id: known[0], mult: known[1], name: known[2] };
  const base = (i.unitEn ?? i.unitVi)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd');
  return {
    id:
      base
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^_|_$/g, '') || 'UNIT',
    mult: 0,
    name: i.unitEn ?? i.unitVi,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A period in SDMX notation: `2024-08`, `2024-Q1`, `2024-S1`, `2024`; any other run of months
 * (a year-to-date span, a bi-month) as an SDMX time range, start date and duration: `2024-01-01/P8M`.
 */
export function toSdmxPeriod(p: Period): string {
  const y = Math.floor(p.first / 12);
  const m = (p.first % 12) + 1;
  switch (p.type) {
    case 'M':
      return `${y}-${pad(m)}`;
    case 'Q':
      return `${y}-Q${(m + 2) / 3}`;
    case 'S':
      return `${y}-S${m === 1 ? 1 : 2}`;
    case 'Y':
      return `${y}`;
    case 'R':
      return `${y}-${pad(m)}-01/P${p.last - p.first + 1}M`;
  }
}

const invalid = (s: string) =>
  new BaocaoError(
    'INVALID_PERIOD',
    `Kỳ SDMX "${s}" không đọc được; dùng 2024-08, 2024-Q1, 2024-S1, 2024 hoặc 2024-01-01/P8M`,
    `Unreadable SDMX period "${s}"; use 2024-08, 2024-Q1, 2024-S1, 2024 or 2024-01-01/P8M`,
  );

/** Reads an SDMX time period (the notations of {@link toSdmxPeriod}, and `2024-M08`, `2024-A1`). */
export function fromSdmxPeriod(text: string): Period {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-M?(\d{2})$/.exec(s))) return parsePeriod(`${m[1]}M${m[2]}`);
  if ((m = /^(\d{4})-([QS])([1-4])$/.exec(s))) return parsePeriod(`${m[1]}${m[2]}${m[3]}`);
  if ((m = /^(\d{4})(?:-A1)?$/.exec(s))) return parsePeriod(m[1]!);
  if ((m = /^(\d{4})-(\d{2})(?:-01)?\/P(\d{1,3})M$/.exec(s))) {
    const first = Number(m[1]) * 12 + Number(m[2]) - 1;
    const months = Number(m[3]);
    if (months < 1 || Number(m[2]) > 12) throw invalid(s);
    return periodFromMonths(first, first + months - 1);
  }
  throw invalid(s);
}

/**
 * The month span of a `startPeriod`/`endPeriod` bound (a year, month, quarter, half or date):
 * a start bound from its first month, an end bound to its last.
 */
export function boundMonth(text: string, end: boolean): number {
  const s = text.trim();
  const date = /^(\d{4})-(\d{2})-\d{2}$/.exec(s);
  if (date) return Number(date[1]) * 12 + Number(date[2]) - 1;
  const p = fromSdmxPeriod(s);
  return end ? p.last : p.first;
}
