import type { FormSummary } from '@baocao/core/browser';
import { Link } from 'react-router';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, Loading, Status } from '../ui.tsx';
import { call } from '../client.ts';

/** Days left before the deadline, or how late (Thông tư 02/2023: units report by the 15th). */
export function Deadline({ f }: { f: FormSummary }) {
  const { t } = useApp();
  const due = useFormat().date(f.dueOn);
  if (f.handedIn) return <span>{due}</span>;
  if (f.daysLeft < 0)
    return (
      <span className="late">
        {due} · {t('quá hạn {n} ngày', '{n, plural, one {# day} other {# days}} late', { n: -f.daysLeft })}
      </span>
    );
  return (
    <span>
      {due} · {t('còn {n} ngày', '{n, plural, one {# day} other {# days}} left', { n: f.daysLeft })}
    </span>
  );
}

export function MyFormsPage() {
  const { t, lang } = useApp();
  const fmt = useFormat();
  const forms = useLoad(['GET /api/forms/mine'], () => call('GET /api/forms/mine'));
  return (
    <section>
      <h1>{t('Biểu mẫu của tôi', 'My forms')}</h1>
      {forms.loading && <Loading />}
      <ErrorBox error={forms.error} />
      {forms.data?.length === 0 && (
        <Empty>{t('Không có kỳ báo cáo nào đang mở.', 'No reporting period is open.')}</Empty>
      )}
      {forms.data && forms.data.length > 0 && (
        <table className="grid stack">
          <thead>
            <tr>
              <th>{t('Kỳ', 'Period')}</th>
              <th>{t('Đơn vị', 'Unit')}</th>
              <th>{t('Hạn nộp', 'Deadline')}</th>
              <th>{t('Trạng thái', 'Status')}</th>
              <th>{t('Lý do trả lại', 'Returned because')}</th>
              <th>
                <span className="visually-hidden">{t('Thao tác', 'Action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {forms.data.map((f) => (
              <tr key={f.unit + f.period} className={f.late ? 'row-late' : ''}>
                <th scope="row">{fmt.period(f.period)}</th>
                <td data-label={t('Đơn vị', 'Unit')}>{lang === 'en' ? f.unitNameEn : f.unitName}</td>
                <td data-label={t('Hạn nộp', 'Deadline')}>
                  <Deadline f={f} />
                </td>
                <td data-label={t('Trạng thái', 'Status')}>
                  <Status status={f.status} />
                  {f.remindedAt && !f.handedIn && (
                    <small className="late"> · {t('đã được nhắc', 'reminded')}</small>
                  )}
                </td>
                {/* The reason belongs to a returned form only: once resubmitted it is history. */}
                <td data-label={t('Lý do trả lại', 'Returned because')}>{f.comment ?? ''}</td>
                <td>
                  <Link to={`/forms/${f.unit}/${f.period}`}>{t('Mở biểu mẫu', 'Open form')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
