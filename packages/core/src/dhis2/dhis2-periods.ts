import { BaocaoError } from '../errors.ts';
import { type Period, parsePeriod, periodFromMonths } from '../periods/period.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Period types DHIS2 has and baocao does not: named, so the refusal says why. */
const UNSUPPORTED: [RegExp, string, string][] = [
  [/^\d{4}(?:Wed|Thu|Sat|Sun)?W\d{1,2}$/, 'tuần', 'weeks'],
  [/^\d{4}BiW\d{1,2}$/, 'hai tuần', 'bi-weeks'],
  [/^\d{8}$/, 'ngày', 'days'],
  [
    /^\d{4}(?:April|July|Oct|Nov|Sep)(?:S[12]|Q[1-4])?$|^\d{4}(?:April|Nov)[SQ]\d$/,
    'năm tài chính',
    'financial years',
  ],
];

/**
 * Reads a DHIS2 period (`202408`, `2024Q1`, `2024S1`, `2024`, bi-monthly `202401B`) as ours. Weeks,
 * bi-weeks, days and financial years are refused by name: baocao's periods are runs of months.
 */
export function fromDhis2Period(text: string): Period {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})$/.exec(s))) return parsePeriod(`${m[1]}M${m[2]}`);
  if (/^\d{4}(?:Q[1-4]|S[12])?$/.test(s)) return parsePeriod(s);
  if ((m = /^(\d{4})(0[1-6])B$/.exec(s))) {
    const first = Number(m[1]) * 12 + (Number(m[2]) * 2 - 2);
    return periodFromMonths(first, first + 1);
  }
  for (const [re, vi, en] of UNSUPPORTED)
    if (re.test(s))
      throw new BaocaoError(
        'PERIOD_TYPE_NOT_SUPPORTED',
        `Kỳ "${s}" tính theo ${vi}; baocao chỉ có kỳ theo tháng (tháng, hai tháng, quý, nửa năm, năm)`,
        `Period "${s}" is in ${en}; baocao has month-based periods only (months, bi-months, quarters, six-months, years)`,
      );
  throw new BaocaoError(
    'INVALID_PERIOD',
    `Kỳ DHIS2 "${s}" không hợp lệ; dùng 202408, 2024Q1, 2024S1, 2024 hoặc 202401B`,
    `Invalid DHIS2 period "${s}"; use 202408, 2024Q1, 2024S1, 2024 or 202401B`,
  );
}

/** Our period as DHIS2 writes it, or null when DHIS2 has no such period (a year-to-date span). */
export function toDhis2Period(p: Period): string | null {
  const year = Math.floor(p.first / 12);
  const month = (p.first % 12) + 1;
  switch (p.type) {
    case 'M':
      return `${year}${pad(month)}`;
    case 'Q':
    case 'S':
    case 'Y':
      return p.id;
    case 'R':
      return p.last === p.first + 1 && month % 2 === 1 ? `${year}${pad((month + 1) / 2)}B` : null;
  }
}

/**
 * DHIS2's period types that baocao's periods map to, each with the suffix of its data set's code
 * (a DHIS2 data set has one period type: a domain is one data set per type, the monthly one
 * keeping the domain's own code).
 */
export const DHIS2_PERIOD_TYPES = [
  { type: 'Monthly', suffix: '', vi: 'theo tháng' },
  { type: 'BiMonthly', suffix: '_BIMONTHLY', vi: 'theo hai tháng' },
  { type: 'Quarterly', suffix: '_QUARTERLY', vi: 'theo quý' },
  { type: 'SixMonthly', suffix: '_SIXMONTHLY', vi: 'theo nửa năm' },
  { type: 'Yearly', suffix: '_YEARLY', vi: 'theo năm' },
] as const;
export type Dhis2PeriodType = (typeof DHIS2_PERIOD_TYPES)[number]['type'];

/** The DHIS2 period type of one of our periods, or null when DHIS2 has none (a year-to-date span). */
export function dhis2PeriodType(p: Period): Dhis2PeriodType | null {
  const period = toDhis2Period(p);
  if (period === null) return null;
  return p.type === 'M'
    ? 'Monthly'
    : p.type === 'Q'
      ? 'Quarterly'
      : p.type === 'S'
        ? 'SixMonthly'
        : p.type === 'Y'
          ? 'Yearly'
          : 'BiMonthly';
}
