import { type DashboardCard, STATUS_LABELS } from '@baocao/core/browser';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { EChart } from '../chart.tsx';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, Loading, Status, useNumber } from '../ui.tsx';
import { PivotPanel } from './PivotPanel.tsx';
import { ProvinceRanking } from './ProvinceRanking.tsx';
import { PeriodPicker } from '../period-picker.tsx';
import { call } from '../client.ts';

/** A figure's card: its words (change, coverage) are core's, as the sentence says them. */
function Card({ card, selected, onSelect }: { card: DashboardCard; selected: boolean; onSelect(): void }) {
  const { t, lang } = useApp();
  const fmt = useFormat();
  const num = useNumber();
  const c = card.compare;
  const spark = card.series.map((s) => s.value);
  return (
    <button
      type="button"
      className={`kpi ${selected ? 'selected' : ''}`}
      onClick={onSelect}
      aria-pressed={selected}
    >
      <span className="kpi-name">{lang === 'en' ? card.nameEn : card.nameVi}</span>
      <span className="kpi-value">
        {num(c.value, card.precision)} <small>{lang === 'en' ? card.unitEn : card.unitVi}</small>
      </span>
      <span className="kpi-meta">
        {fmt.period(c.period)} · <Status status={c.status} />
        {c.words.coverage && ` ${c.words.coverage[lang]}`}
      </span>
      <span className="kpi-change">
        {c.words.lastYearLine?.[lang] ?? t('chưa có số cùng kỳ', 'no last-year figure')}
      </span>
      {/* A trend needs at least three points; with fewer a line says nothing, so none is drawn. */}
      {spark.filter((v) => v !== null).length > 2 && (
        <EChart
          height={36}
          label={t('Diễn biến 12 tháng', '12-month trend')}
          option={{
            animation: false,
            grid: { left: 0, right: 0, top: 2, bottom: 2 },
            xAxis: { type: 'category', show: false, data: card.series.map((s) => s.period) },
            yAxis: { type: 'value', show: false, scale: true },
            series: [{ type: 'line', data: spark, symbol: 'none', connectNulls: false }],
          }}
        />
      )}
    </button>
  );
}

export function DashboardPage() {
  const { can, t, query, navigate, lang, user } = useApp();
  const num = useNumber();
  const fmt = useFormat();
  // A unit's own people see their unit (the country is not theirs to read); the ministry the country.
  const mine = user?.unit ?? null;
  const unit = query.get('unit') ?? mine ?? 'VN';
  const period = query.get('period') ?? '';
  const units = useLoad(['GET /api/units', 'province'], () =>
    call('GET /api/units', { query: { kind: 'province' } }),
  );
  const dash = useLoad(['GET /api/dashboard', unit, period], () =>
    call('GET /api/dashboard', { query: { unit, period } }),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const d = dash.data;
  const card = d?.cards.find((c) => c.compare.indicator === picked) ?? d?.cards[0] ?? null;
  const set = (k: string, v: string) => navigate(`/dashboard?${qs({ unit, period, [k]: v })}`);
  const series = useMemo(
    () =>
      card
        ? {
            animation: false,
            tooltip: { trigger: 'axis' as const },
            grid: { left: 60, right: 20, top: 20, bottom: 30 },
            xAxis: { type: 'category' as const, data: card.series.map((s) => fmt.periodShort(s.period)) },
            yAxis: {
              type: 'value' as const,
              name: lang === 'en' ? card.unitEn : card.unitVi,
              // Counts step by whole units (no 0; 1; 1; 2 from rounding half steps).
              minInterval: card.precision === 0 ? 1 : undefined,
              axisLabel: { formatter: (v: number) => num(v, card.precision) },
            },
            series: [{ type: 'bar' as const, data: card.series.map((s) => s.value) }],
          }
        : null,
    [card, num, fmt.periodShort],
  );
  return (
    <section>
      <h1>{t('Bảng điều khiển', 'Dashboard')}</h1>
      <div className="toolbar">
        <label>
          {t('Đơn vị', 'Unit')}{' '}
          <select value={unit} onChange={(e) => set('unit', e.target.value)}>
            {!mine && <option value="VN">{t('Cả nước', 'Whole country')}</option>}
            {units.data
              ?.filter((u) => !mine || u.code === mine)
              .map((u) => (
                <option key={u.code} value={u.code}>
                  {lang === 'en' ? (u.nameEn ?? u.nameVi) : u.nameVi}
                  {/* Before and after the 2025 merger some provinces share a name: the old one says so. */}
                  {u.validTo
                    ? ` ${t('(cũ, đến {date})', '(former, until {date})', { date: fmt.date(u.validTo) })}`
                    : ''}
                </option>
              ))}
          </select>
        </label>
        <PeriodPicker value={d?.period ?? period} onChange={(v) => set('period', v)} />
      </div>
      {dash.loading && <Loading />}
      <ErrorBox error={dash.error} />
      {d && d.cards.length === 0 && (
        <Empty>{t('Chưa có số liệu cho kỳ này.', 'No figures for this period yet.')}</Empty>
      )}
      {d && d.cards.length > 0 && (
        <>
          <h2>
            {lang === 'en' ? d.unitNameEn : d.unitName} — {d.period ? fmt.period(d.period) : d.periodLabel}
          </h2>
          <div className="kpis">
            {d.cards.map((c) => (
              <Card
                key={c.compare.indicator}
                card={c}
                selected={card === c}
                onSelect={() => setPicked(c.compare.indicator)}
              />
            ))}
          </div>
          {card && series && (
            <div className="card">
              <h2>{lang === 'en' ? card.nameEn : card.nameVi}</h2>
              <p className="muted">{lang === 'en' ? card.compare.textEn : card.compare.text}</p>
              {/* A partial figure: the values still awaiting review, the ones that move it most first. */}
              {card.compare.status === 'partial' && can('form.review') && (
                <p>
                  <Link
                    to={`/queue?${qs({ period: card.compare.period, indicator: card.compare.indicator })}`}
                  >
                    {t(
                      'Xem giá trị chờ duyệt theo mức ảnh hưởng',
                      'See the values awaiting review by impact',
                    )}
                  </Link>
                </p>
              )}
              <EChart height={260} label={t('Biểu đồ theo tháng', 'Monthly chart')} option={series} />
              <p className="small muted">
                {card.series
                  .filter((s) => s.value !== null)
                  .map(
                    (s) =>
                      `${fmt.periodShort(s.period)}: ${num(s.value, card.precision)} (${s.status ? fmt.label(STATUS_LABELS, s.status).toLowerCase() : ''})`,
                  )
                  .join(' · ')}
              </p>
            </div>
          )}
          {card && (
            <ProvinceRanking
              indicator={card.compare.indicator}
              period={d.period ?? ''}
              precision={card.precision}
            />
          )}
          <PivotPanel
            cards={d.cards}
            period={d.period ?? ''}
            unit={d.unit}
            unitName={lang === 'en' ? d.unitNameEn : d.unitName}
          />
        </>
      )}
    </section>
  );
}
