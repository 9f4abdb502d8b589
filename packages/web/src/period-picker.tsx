import {
  type Period,
  monthOfMonthIndex,
  parsePeriod,
  periodFromMonths,
  yearOfMonthIndex,
} from '@baocao/core/browser';
import { useId } from 'react';
import { useT } from './app-context.tsx';

export type PeriodKind = 'M' | 'Q' | 'S' | 'YTD' | 'Y';

const KINDS: Record<PeriodKind, [string, string]> = {
  M: ['Tháng', 'Month'],
  Q: ['Quý', 'Quarter'],
  S: ['6 tháng', 'Half year'],
  YTD: ['Lũy kế từ đầu năm', 'Year to date'],
  Y: ['Năm', 'Year'],
};

/** The picker's reading of a period: its kind, its number within the year (month, quarter…), its year. */
export function partsOf(p: Period): { kind: PeriodKind; n: number; year: number } {
  const year = yearOfMonthIndex(p.last);
  const last = monthOfMonthIndex(p.last);
  if (p.type === 'Q') return { kind: 'Q', n: (last / 3) | 0, year };
  if (p.type === 'S') return { kind: 'S', n: last === 6 ? 1 : 2, year };
  if (p.type === 'Y') return { kind: 'Y', n: 1, year };
  if (p.type === 'R') return { kind: 'YTD', n: last, year };
  return { kind: 'M', n: last, year };
}

/** The period id the parts name; the same canonical form the API answers with. */
export function idOf(kind: PeriodKind, n: number, year: number): string {
  const mm = (m: number) => String(m).padStart(2, '0');
  const id = {
    M: `${year}M${mm(n)}`,
    Q: `${year}Q${n}`,
    S: `${year}S${n}`,
    YTD: n === 1 ? `${year}M01` : `${year}M01-M${mm(n)}`,
    Y: `${year}`,
  }[kind];
  return parsePeriod(id).id;
}

/**
 * The period to show when only some kinds are offered (a report template is written for months, or
 * quarters…): the period itself when its kind is offered, else the latest period of the first
 * offered kind that ends no later than it (quarter 3 → September; November → quarter 3), so an
 * ended period stays ended. An unreadable period gives the first kind's latest one before `today`.
 */
export function periodForKinds(period: string, kinds: PeriodKind[], today: string): string {
  const kind = kinds[0];
  if (!kind) return period;
  let p: Period;
  try {
    p = parsePeriod(period);
  } catch {
    p = parsePeriod(today.slice(0, 4) + 'M' + today.slice(5, 7));
    p = periodFromMonths(p.first - 1, p.first - 1);
  }
  if (kinds.includes(partsOf(p).kind)) return p.id;
  const last = p.last;
  if (kind === 'M') return periodFromMonths(last, last).id;
  if (kind === 'YTD') return periodFromMonths(last - (last % 12), last).id;
  const size = { Q: 3, S: 6, Y: 12 }[kind];
  const end = Math.floor((last + 1) / size) * size - 1;
  return periodFromMonths(end - size + 1, end).id;
}

const CHOICES: Record<PeriodKind, number[]> = {
  M: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  Q: [1, 2, 3, 4],
  S: [1, 2],
  YTD: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  Y: [],
};

/**
 * A period as people choose it: a month, a quarter, a half year, "8 tháng đầu năm", a year. Each
 * choice applies at once; nobody types "2024M01-M08".
 */
export function PeriodPicker(props: {
  value: string;
  onChange(period: string): void;
  /** The kinds offered (a report template is written for some); all by default. */
  kinds?: PeriodKind[];
  /** The years offered, newest first; the five years to this one by default. */
  years?: number[];
}) {
  const { t } = useT();
  const id = useId();
  const thisYear = new Date().getFullYear();
  let current: { kind: PeriodKind; n: number; year: number };
  try {
    current = partsOf(parsePeriod(props.value));
  } catch {
    current = { kind: 'M', n: new Date().getMonth() || 12, year: thisYear };
  }
  const kinds = props.kinds ?? (Object.keys(KINDS) as PeriodKind[]);
  const years = [
    ...new Set([...(props.years ?? [0, 1, 2, 3, 4].map((k) => thisYear - k)), current.year]),
  ].sort((a, b) => b - a);
  const change = (next: Partial<typeof current>) => {
    const p = { ...current, ...next };
    // Moving to a kind with fewer choices keeps the nearest one: month 8 becomes quarter 3.
    if (next.kind && next.kind !== current.kind) {
      const month = current.kind === 'Q' ? current.n * 3 : current.kind === 'S' ? current.n * 6 : current.n;
      p.n =
        next.kind === 'Q'
          ? Math.ceil(month / 3)
          : next.kind === 'S'
            ? Math.ceil(month / 6)
            : Math.max(month, next.kind === 'YTD' ? 2 : 1);
    }
    props.onChange(idOf(p.kind, p.n, p.year));
  };
  const nLabel = (n: number) =>
    ({
      M: t(`Tháng ${n}`, `Month ${n}`),
      Q: t(`Quý ${n}`, `Q${n}`),
      S: n === 1 ? t('6 tháng đầu năm', 'First half') : t('6 tháng cuối năm', 'Second half'),
      YTD: t(`${n} tháng đầu năm`, `First ${n} months`),
      Y: '',
    })[current.kind];
  return (
    <fieldset className="period-picker">
      <legend>{t('Kỳ báo cáo', 'Period')}</legend>
      <select
        id={`${id}-kind`}
        aria-label={t('Loại kỳ', 'Kind of period')}
        value={current.kind}
        onChange={(e) => change({ kind: kinds.find((k) => k === e.target.value) ?? current.kind })}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(...KINDS[k])}
          </option>
        ))}
      </select>
      {CHOICES[current.kind].length > 0 && (
        <select
          aria-label={t(...KINDS[current.kind])}
          value={current.n}
          onChange={(e) => change({ n: Number(e.target.value) })}
        >
          {CHOICES[current.kind].map((n) => (
            <option key={n} value={n}>
              {nLabel(n)}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label={t('Năm', 'Year')}
        value={current.year}
        onChange={(e) => change({ year: Number(e.target.value) })}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
