import { calendarDates, parsePeriod } from '@baocao/core/browser';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { EChart } from '../chart.tsx';
import { useLoad } from '../hooks.ts';
import { ErrorBox, Loading, useNumber } from '../ui.tsx';
import { call } from '../client.ts';

/** The provinces ranked for one indicator and period (units in force at the period's end: 63 or 34). */
export function ProvinceRanking({
  indicator,
  period,
  precision,
}: {
  indicator: string;
  period: string;
  precision: number;
}) {
  const { t } = useApp();
  const num = useNumber();
  const fmt = useFormat();
  const data = useLoad(['ranking', indicator, period], async () => {
    if (!period) return null;
    const at = calendarDates(parsePeriod(period)).end;
    const units = await call('GET /api/units', { query: { kind: 'province', at } });
    // A unit-scoped reader may read its own unit, not the 34 provinces: the units' abilities say so.
    if (!units.every((u) => u.abilities.read)) return null;
    const cells = await call('GET /api/pivot', {
      query: { indicators: indicator, units: units.map((u) => u.code).join(','), periods: period },
    });
    const name = new Map(units.map((u) => [u.code, u.nameVi]));
    // The provinces of the period's day: 63 before the 2025 merger, 34 after.
    const reported = cells
      .filter((c) => c.value !== null)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
      .map((c) => ({ ...c, name: name.get(c.unit) ?? c.unit }));
    return { rows: reported, total: units.length };
  });
  if (data.loading) return <Loading />;
  if (!data.data && !data.error) return null;
  const rows = data.data?.rows ?? [];
  const total = data.data?.total ?? 0;
  return (
    <div className="card">
      <h2>
        {t('Xếp hạng {total} tỉnh, thành phố', 'The {total} provinces ranked', { total })} —{' '}
        {fmt.period(period)}
      </h2>
      <ErrorBox error={data.error} />
      {rows.length === 0 ? (
        <p className="empty">
          {t(
            'Chưa tỉnh nào báo cáo chỉ tiêu này trong kỳ.',
            'No province has reported this indicator for the period.',
          )}
        </p>
      ) : (
        <>
          <p className="muted small">
            {t(
              '{n}/{total} tỉnh, thành phố có số liệu',
              '{n} of {total} {n, plural, one {province} other {provinces}} reported',
              { n: rows.length, total },
            )}
          </p>
          <EChart
            height={Math.max(120, rows.length * 22 + 40)}
            label={t('Biểu đồ xếp hạng tỉnh', 'Province ranking chart')}
            option={{
              animation: false,
              // Room on the right for the longest value label ("1.450.000 (ư)") so none is cut.
              grid: { left: 140, right: 110, top: 10, bottom: 20 },
              xAxis: {
                type: 'value',
                // Counts step by whole units: never 0; 0,5; 1 printed as 0, 1, 1.
                minInterval: precision === 0 ? 1 : undefined,
                axisLabel: { formatter: (v: number) => num(v, precision), hideOverlap: true },
              },
              yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
              series: [
                {
                  type: 'bar',
                  data: rows.map((r) => r.value),
                  // "(ư)" marks an estimate, as in the pivot: every figure shows its status.
                  label: {
                    show: true,
                    position: 'right',
                    formatter: (p) =>
                      `${num(Number(p.value), precision)}${rows[p.dataIndex]?.status === 'estimate' ? ' (ư)' : ''}`,
                  },
                },
              ],
            }}
          />
        </>
      )}
    </div>
  );
}
