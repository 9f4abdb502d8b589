import { formatNumberEn, formatNumberVi, roundHalfUp } from '../format/number.ts';
import type { Period } from '../periods/period.ts';
import { periodLabelEn, periodLabelVi } from '../periods/period-text.ts';
import { periodYear } from '../periods/period.ts';
import type { Indicator } from '../schemas.ts';

/** One comparison to state: the base period, its value (null when missing) and the change. */
export interface Clause {
  kind: 'previous' | 'lastYear' | 'plan';
  period: Period;
  base: number | null;
  /** Percent change (previous, last year) or share (plan); null when it cannot be computed. */
  pct: number | null;
  /** A base implied by a stated growth rate is not printed: the data does not support its digits. */
  derived: boolean;
}

const PCT_DECIMALS = 1;

/** One decimal, as the ministry prints rates; two below 1%, where one would say too little ("giảm 0,92%"). */
const pctDecimals = (pct: number) => (Math.abs(pct) < 1 ? 2 : PCT_DECIMALS);

function direction(pct: number): { vi: string; en: string } {
  const d = pctDecimals(pct);
  const r = roundHalfUp(Math.abs(pct), d);
  if (r === 0) return { vi: 'tương đương', en: 'unchanged' };
  const vi = `${formatNumberVi(r, d, { trimZeros: true })}%`;
  const en = `${formatNumberEn(r, d, { trimZeros: true })}%`;
  return pct > 0 ? { vi: `tăng ${vi}`, en: `up ${en}` } : { vi: `giảm ${vi}`, en: `down ${en}` };
}

function joinVi(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

/**
 * The ministry's sentence for one figure: "Doanh thu ước đạt 2.820.865 tỷ đồng, tăng 23,7% so với
 * cùng kỳ năm 2023 và đạt 66,4% so với kế hoạch năm (4.245.382 tỷ đồng)." Decreases read "giảm",
 * a change that rounds to zero "tương đương"; clauses without a computable change are left out.
 */
export function comparisonSentence(
  ind: Indicator,
  period: Period,
  value: { value: number; status: 'estimate' | 'official' } | null,
  clauses: Clause[],
): { vi: string; en: string } {
  const name = ind.shortVi ?? ind.nameVi;
  const nameEn = ind.shortEn ?? ind.nameEn;
  const unitEn = ind.unitEn ?? ind.unitVi;
  if (!value) {
    return {
      vi: `${name} ${periodLabelVi(period)}: chưa có số liệu.`,
      en: `${nameEn}, ${periodLabelEn(period)}: no data.`,
    };
  }
  const fmt = (x: number) => formatNumberVi(x, ind.precision);
  const fmtEn = (x: number) => formatNumberEn(x, ind.precision);
  const vi: string[] = [];
  const en: string[] = [];
  for (const c of clauses) {
    if (c.pct === null || c.base === null) continue;
    const bracket = c.derived ? '' : ` (${fmt(c.base)} ${ind.unitVi})`;
    const bracketEn = c.derived ? '' : ` (${fmtEn(c.base)} ${unitEn})`;
    if (c.kind === 'plan') {
      const share = formatNumberVi(roundHalfUp(c.pct, PCT_DECIMALS), PCT_DECIMALS, { trimZeros: true });
      const shareEn = formatNumberEn(roundHalfUp(c.pct, PCT_DECIMALS), PCT_DECIMALS, { trimZeros: true });
      vi.push(`đạt ${share}% so với kế hoạch năm${bracket}`);
      en.push(`${shareEn}% of the annual plan${bracketEn}`);
      continue;
    }
    const d = direction(c.pct);
    const target =
      c.kind === 'lastYear'
        ? { vi: `cùng kỳ năm ${periodYear(c.period)}`, en: `the same period of ${periodYear(c.period)}` }
        : { vi: periodLabelVi(c.period), en: periodLabelEn(c.period) };
    vi.push(`${d.vi} so với ${target.vi}${bracket}`);
    en.push(`${d.en} on ${target.en}${bracketEn}`);
  }
  const verb = value.status === 'estimate' ? 'ước đạt' : 'là';
  const verbEn = value.status === 'estimate' ? 'is estimated at' : 'is';
  const head = `${name} ${verb} ${fmt(value.value)} ${ind.unitVi}`;
  const headEn = `${nameEn} ${verbEn} ${fmtEn(value.value)} ${unitEn}`;
  return {
    vi: `${head}${vi.length ? ', ' + joinVi(vi) : ''}.`,
    en: `${headEn}${en.length ? ', ' + en.join(', ') : ''}.`,
  };
}
