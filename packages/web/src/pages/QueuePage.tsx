import { Link } from 'react-router';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, Loading, useNumber } from '../ui.tsx';
import { call } from '../client.ts';

/**
 * Selective editing: the values awaiting review, the largest share of the change of the national
 * total first (the server orders them), so the officer checks the few that matter first.
 */
export function QueuePage() {
  const { t, lang, query } = useApp();
  const fmt = useFormat();
  const num = useNumber();
  const period = query.get('period') ?? '';
  const indicator = query.get('indicator') ?? undefined;
  const queue = useLoad(['GET /api/forms/queue', period, indicator ?? ''], () =>
    call('GET /api/forms/queue', { query: { period, ...(indicator ? { indicator } : {}) } }),
  );
  const q = queue.data;
  return (
    <section>
      <h1>
        {t('Hàng đợi duyệt theo mức ảnh hưởng', 'Review queue by impact')}
        {period && ` — ${fmt.period(period)}`}
      </h1>
      <p className="muted">
        {t(
          'Giá trị làm thay đổi tổng cả nước nhiều nhất được xếp trước.',
          'Values that move the national total most come first.',
        )}
      </p>
      {queue.loading && <Loading />}
      <ErrorBox error={queue.error} />
      {q && q.items.length === 0 && (
        <Empty>{t('Không có giá trị nào chờ duyệt.', 'No values await review.')}</Empty>
      )}
      {q && q.items.length > 0 && (
        <table className="grid stack">
          <thead>
            <tr>
              <th>{t('Chỉ tiêu', 'Indicator')}</th>
              <th>{t('Đơn vị', 'Unit')}</th>
              <th>{t('Giá trị', 'Value')}</th>
              <th>{t('Thay đổi', 'Change')}</th>
              <th>{t('Tỷ trọng', 'Share')}</th>
              <th>
                <span className="visually-hidden">{t('Thao tác', 'Action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {q.items.map((i) => (
              <tr key={`${i.indicator}|${i.unit}`} data-unit={i.unit}>
                <th scope="row">{lang === 'en' ? i.nameEn : i.nameVi}</th>
                <td data-label={t('Đơn vị', 'Unit')}>{i.unitName}</td>
                <td data-label={t('Giá trị', 'Value')} className="num">
                  {num(i.value, 0)}
                </td>
                <td data-label={t('Thay đổi', 'Change')} className="num">
                  {num(i.change, 0)}
                  {i.reference && ` (${t('so với', 'on')} ${fmt.periodShort(i.reference.period)})`}
                </td>
                <td data-label={t('Tỷ trọng', 'Share')} className="num">
                  {`${num(i.share * 100, 1)}%`}
                </td>
                <td>
                  <Link to={`/forms/${i.unit}/${i.period}`}>{t('Xem xét', 'Review')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
