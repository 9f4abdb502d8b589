import type { DashboardCard, PivotCell } from '@baocao/core/browser';
import { STATUS_LABELS, parsePeriod, shiftPeriod } from '@baocao/core/browser';
import { useEffect, useRef, useState } from 'react';
import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { ErrorBox, Loading, useCoverage, useNumber } from '../ui.tsx';
import { call } from '../client.ts';

type Dim = 'indicator' | 'unit' | 'period';

const DIMS: [Dim, string, string][] = [
  ['indicator', 'Chỉ tiêu', 'Indicator'],
  ['unit', 'Đơn vị', 'Unit'],
  ['period', 'Kỳ', 'Period'],
];

/** Chooses the dimension on one axis of the pivot (never the one on the other axis). */
function DimSelect(p: { label: string; value: Dim; other: Dim; onChange(d: Dim): void }) {
  const { t } = useApp();
  return (
    <label>
      {p.label}{' '}
      <select
        value={p.value}
        onChange={(e) => p.onChange(DIMS.find((d) => d[0] === e.target.value)?.[0] ?? p.value)}
      >
        {DIMS.filter((d) => d[0] !== p.other).map(([d, vi, en]) => (
          <option key={d} value={d}>
            {t(vi, en)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Indicators × units × periods, with rows and columns switchable, exported as XLSX or CSV. */
export function PivotPanel({
  cards,
  period,
  unit,
  unitName,
}: {
  cards: DashboardCard[];
  period: string;
  unit: string;
  /** How people read the unit ("Cả nước", not "VN"). */
  unitName: string;
}) {
  const { t, lang } = useApp();
  const fmt = useFormat();
  const coverage = useCoverage();
  const num = useNumber();
  const [rows, setRows] = useState<Dim>('indicator');
  const [cols, setCols] = useState<Dim>('period');
  const last = parsePeriod(period);
  const periods = Array.from({ length: 6 }, (_, k) => shiftPeriod(last, k - 5).id);
  const sel = {
    indicators: cards.map((c) => c.compare.indicator).join(','),
    units: unit,
    periods: periods.join(','),
  };
  const cells = useLoad(['GET /api/pivot', sel.indicators, sel.units, sel.periods], () =>
    call('GET /api/pivot', { query: sel }),
  );
  const precision = new Map(cards.map((c) => [c.compare.indicator, c.precision]));
  const names = new Map(cards.map((c) => [c.compare.indicator, lang === 'en' ? c.nameEn : c.nameVi]));
  const rest = (['indicator', 'unit', 'period'] as const).filter((d) => d !== rows && d !== cols);
  const keyOf = (c: PivotCell, dims: readonly Dim[]) => dims.map((d) => c[d]).join(' · ');
  const data = cells.data ?? [];
  // Periods run left to right, the latest last: a table wider than the screen (a phone) opens
  // scrolled to its end, on the figure being asked about, not on months ago.
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    if (el && cols === 'period') el.scrollLeft = el.scrollWidth;
  }, [cells.data, cols]);
  const colKeys = [...new Set(data.map((c) => c[cols]))];
  const rowKeys = [...new Set(data.map((c) => keyOf(c, [rows, ...rest])))];
  const label = (d: Dim, v: string) =>
    d === 'indicator' ? (names.get(v) ?? v) : d === 'period' ? fmt.periodShort(v) : v === unit ? unitName : v;
  return (
    <div className="card">
      <h2>{t('Bảng tổng hợp', 'Pivot table')}</h2>
      <div className="toolbar">
        <DimSelect label={t('Hàng', 'Rows')} value={rows} other={cols} onChange={setRows} />
        <DimSelect label={t('Cột', 'Columns')} value={cols} other={rows} onChange={setCols} />
        <a className="button" href={`/api/pivot?${qs({ ...sel, format: 'xlsx', lang })}`}>
          {t('Xuất XLSX', 'Export XLSX')}
        </a>
        <a
          className="button"
          href={`/api/pivot?${qs({ ...sel, format: 'csv', lang, dialect: 'vi' })}`}
          title={t(
            'Dấu ; giữa các ô, dấu phẩy thập phân: mở đúng số trong Excel, LibreOffice cài tiếng Việt',
            'Semicolons and decimal commas: opens as numbers in a spreadsheet set to Vietnamese',
          )}
        >
          {t('Xuất CSV (Excel tiếng Việt)', 'Export CSV (Vietnamese Excel)')}
        </a>
        <a
          className="button"
          href={`/api/pivot?${qs({ ...sel, format: 'csv', dialect: 'plain' })}`}
          title={t(
            'Dấu phẩy giữa các ô, dấu chấm thập phân: cho chương trình máy tính',
            'Commas and decimal points: for programs',
          )}
        >
          {t('Xuất CSV (cho phần mềm)', 'Export CSV (for programs)')}
        </a>
      </div>
      {cells.loading && <Loading />}
      <ErrorBox error={cells.error} />
      <div
        ref={scroller}
        className="scroll"
        tabIndex={0}
        role="region"
        aria-label={t('Bảng tổng hợp', 'Pivot table')}
      >
        <table className="grid pivot">
          <thead>
            <tr>
              <th>
                <span className="visually-hidden">
                  {t('Chỉ tiêu, đơn vị, kỳ', 'Indicator, unit, period')}
                </span>
              </th>
              {colKeys.map((k) => (
                <th key={k}>{label(cols, k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowKeys.map((rk) => (
              <tr key={rk}>
                <th scope="row">
                  {rk
                    .split(' · ')
                    .map((v, i) => label([rows, ...rest][i]!, v))
                    .join(' · ')}
                </th>
                {colKeys.map((ck) => {
                  const c = data.find((x) => keyOf(x, [rows, ...rest]) === rk && x[cols] === ck);
                  return (
                    <td key={ck} className="num" title={c?.status ? fmt.label(STATUS_LABELS, c.status) : ''}>
                      {c && c.value !== null ? num(c.value, precision.get(c.indicator) ?? 0) : '—'}
                      {c?.status === 'estimate' && <sup title={t('ước', 'estimate')}>ư</sup>}
                      {c?.status === 'partial' && c.coverage && (
                        <sup title={`${t('chưa đầy đủ', 'partial')}: ${coverage(c.coverage)}`}>
                          {`${c.coverage.reported}/${c.coverage.expected}`}
                        </sup>
                      )}
                      {c?.status === 'imputed' && c.imputed && (
                        <sup
                          title={t(
                            'ước tính bù: {units}/{expected} đơn vị, {share}% tổng',
                            'imputed: {units} of {expected} units, {share}% of the total',
                            {
                              units: c.imputed.units,
                              expected: c.imputed.expected,
                              share: num(c.imputed.sharePct, 1),
                            },
                          )}
                        >
                          {/* The share is shown, not only in the tooltip: a phone has no hover. */}
                          {`${t('ƯTB', 'imp.')} ${num(c.imputed.sharePct, 1)}%`}
                        </sup>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">
        {t(
          'ư: số ước; a/b: số chưa đầy đủ, mới a trong b đơn vị phải báo cáo đã báo cáo; ƯTB x%: có phần ước tính bù cho đơn vị chưa báo cáo, chiếm x% tổng; còn lại là số chính thức. — : không có số liệu.',
          'ư: estimate; a/b: partial, a of the b units that must report have; imp. x%: units not reported are imputed, x% of the total; others official. —: no data.',
        )}
      </p>
    </div>
  );
}
