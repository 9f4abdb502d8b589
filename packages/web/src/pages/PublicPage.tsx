import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, Loading, Status, useChange, useCoverage, useImputed, useNumber } from '../ui.tsx';
import { call } from '../client.ts';

/** What anyone may see without signing in: released figures and published reports, nothing else. */
export function PublicPage() {
  const { t, lang, query, navigate } = useApp();
  const coverage = useCoverage();
  const imputed = useImputed();
  const num = useNumber();
  const change = useChange();
  const fmt = useFormat();
  const periods = useLoad(['GET /api/releases/periods'], () => call('GET /api/releases/periods'));
  // Opens on the newest period with released figures; only periods that have some are offered.
  const period = query.get('period') ?? periods.data?.[0]?.period ?? '';
  const dash = useLoad(['GET /api/dashboard', 'public', period], () =>
    period || periods.data ? call('GET /api/dashboard', { query: { period } }) : Promise.resolve(null),
  );
  const reports = useLoad(['GET /api/reports/published'], () => call('GET /api/reports/published'));
  const names = useLoad(['GET /api/org-names/on'], () => call('GET /api/org-names/on'));
  const ministry = names.data?.['issuer.name'];
  return (
    <section>
      <h1>{t('Số liệu thống kê đã công bố', 'Published statistics')}</h1>
      <p className="muted">
        {t(
          'Chỉ gồm số liệu và báo cáo đã được {ministry} công bố.',
          'Only figures and reports the ministry has published.',
          { ministry: ministry ?? 'Bộ' },
        )}
      </p>
      {periods.data && periods.data.length > 0 && (
        <label>
          {t('Kỳ đã công bố', 'Published periods')}{' '}
          <select value={period} onChange={(e) => navigate(`/?${qs({ period: e.target.value })}`)}>
            {periods.data.map((r) => (
              <option key={r.period} value={r.period}>
                {fmt.period(r.period)}
              </option>
            ))}
          </select>
        </label>
      )}
      {dash.loading && <Loading />}
      <ErrorBox error={dash.error} />
      {dash.data && dash.data.cards.length === 0 && (
        <Empty>{t('Chưa có số liệu công bố cho kỳ này.', 'Nothing published for this period.')}</Empty>
      )}
      {dash.data && dash.data.cards.length > 0 && (
        <table className="grid stack" aria-label={t('Chỉ tiêu chính', 'Key figures')}>
          <caption>
            {lang === 'en' ? dash.data.unitNameEn : dash.data.unitName} —{' '}
            {dash.data.period ? fmt.period(dash.data.period) : ''}
          </caption>
          <thead>
            <tr>
              <th>{t('Chỉ tiêu', 'Indicator')}</th>
              <th>{t('Giá trị', 'Value')}</th>
              <th>{t('Trạng thái', 'Status')}</th>
              <th>{t('So với cùng kỳ', 'On last year')}</th>
            </tr>
          </thead>
          <tbody>
            {dash.data.cards.map((c) => (
              <tr key={c.compare.indicator} data-indicator={c.compare.indicator}>
                <th scope="row">{lang === 'en' ? c.nameEn : c.nameVi}</th>
                <td data-label={t('Giá trị', 'Value')} className="num">
                  {num(c.compare.value, c.precision)} {lang === 'en' ? c.unitEn : c.unitVi}
                </td>
                <td data-label={t('Trạng thái', 'Status')}>
                  <Status status={c.compare.status} />
                  {c.compare.status === 'partial' && ` ${coverage(c.compare.completeness)}`}
                  {c.compare.status === 'imputed' && c.compare.imputed && ` ${imputed(c.compare.imputed)}`}
                </td>
                <td data-label={t('So với cùng kỳ', 'On last year')}>
                  {change(c.compare.lastYear.changePct) ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('Báo cáo đã phát hành', 'Published reports')}</h2>
      <ErrorBox error={reports.error} />
      {reports.data?.length === 0 && (
        <Empty>{t('Chưa có báo cáo nào được phát hành.', 'No report published yet.')}</Empty>
      )}
      <ul>
        {reports.data?.map((r) => {
          const key = qs({ template: r.template, period: r.period, unit: r.unit });
          return (
            <li key={r.id ?? key}>
              <b>
                {r.title}, {fmt.period(r.period)}
              </b>
              {r.number ? ` — ${t('Số', 'No.')} ${r.number}` : ''} ·{' '}
              <a href={`/api/reports?${key}&format=html`}>HTML</a> ·{' '}
              <a href={`/api/reports?${key}&format=docx`}>Word</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
