import { PERIOD_STATE_LABELS, periodInReporting } from '@baocao/core/browser';
import { useState } from 'react';
import { qs } from '../api.ts';
import { Link } from 'react-router';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, Loading, Status } from '../ui.tsx';
import { Deadline } from './MyFormsPage.tsx';
import { call } from '../client.ts';
import { RemindButton } from './RemindButton.tsx';
import { OverdueTasksCard } from './InfosystemFigures.tsx';

const FILTERS = ['all', 'submitted', 'late', 'missing', 'returned', 'approved'] as const;

/** The synthesis officer's board: who submitted, who is late, who is missing; remind; open to review. */
export function BoardPage() {
  const { t, lang, query, navigate, can } = useApp();
  const fmt = useFormat();
  const periods = useLoad(['GET /api/periods'], () => call('GET /api/periods'));
  // Opens on the period whose forms are due now (the month just ended), not on the month still running.
  const period = query.get('period') ?? periodInReporting(periods.data ?? [])?.period ?? '';
  const board = useLoad(['GET /api/forms/board', period], () =>
    period ? call('GET /api/forms/board', { query: { period } }) : Promise.resolve(null),
  );
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  if (periods.loading) return <Loading />;
  const b = board.data;
  const shown = (b?.forms ?? []).filter(
    (f) => filter === 'all' || (filter === 'late' ? f.late : f.status === filter),
  );
  const label: Record<string, [string, string]> = {
    all: ['Tất cả', 'All'],
    submitted: ['Chờ duyệt', 'To review'],
    late: ['Quá hạn', 'Late'],
    missing: ['Chưa nhập', 'Missing'],
    returned: ['Bị trả lại', 'Returned'],
    approved: ['Đã duyệt', 'Approved'],
  };
  return (
    <section>
      <h1>{t('Theo dõi nộp báo cáo', 'Submission board')}</h1>
      <ErrorBox error={periods.error ?? board.error} />
      {periods.data?.length === 0 && (
        <Empty>
          {t(
            'Chưa mở kỳ báo cáo nào; mở kỳ ở trang Quản trị.',
            'No period is open; open one under Administration.',
          )}
        </Empty>
      )}
      <div className="toolbar">
        <label>
          {t('Kỳ báo cáo', 'Period')}{' '}
          <select value={period} onChange={(e) => navigate(`/board?${qs({ period: e.target.value })}`)}>
            {periods.data?.map((p) => (
              <option key={p.period} value={p.period}>
                {fmt.period(p.period)}{' '}
                {p.closedBy ? `(${fmt.label(PERIOD_STATE_LABELS, p.closedBy).toLowerCase()})` : ''}
              </option>
            ))}
          </select>
        </label>
        {b && (
          <div role="group" aria-label={t('Lọc', 'Filter')} className="filters">
            {FILTERS.map((k) => (
              <button
                key={k}
                type="button"
                className={filter === k ? 'active' : ''}
                aria-pressed={filter === k}
                onClick={() => setFilter(k)}
              >
                {t(label[k]![0], label[k]![1])} ({k === 'all' ? b.forms.length : (b.counts[k] ?? 0)})
              </button>
            ))}
          </div>
        )}
        {can('form.review') && b?.reportingPeriod?.open && (
          <RemindButton period={period} onSent={() => void board.reload()} />
        )}
        {period && (
          <Link className="button" to={`/quality?${qs({ period })}`}>
            {t('Phân tích kiểm tra số liệu', 'Validation analysis')}
          </Link>
        )}
      </div>
      {board.loading && <Loading />}
      {b && (
        <table className="grid stack">
          <thead>
            <tr>
              <th>{t('Đơn vị', 'Unit')}</th>
              <th>{t('Trạng thái', 'Status')}</th>
              <th>{t('Hạn nộp', 'Deadline')}</th>
              <th>{t('Gửi lúc', 'Submitted')}</th>
              <th>{t('Số chỉ tiêu', 'Values')}</th>
              <th>
                <span className="visually-hidden">{t('Thao tác', 'Action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.unit} className={f.late ? 'row-late' : ''} data-unit={f.unit}>
                <th scope="row">{lang === 'en' ? f.unitNameEn : f.unitName}</th>
                <td data-label={t('Trạng thái', 'Status')}>
                  <Status status={f.status} />
                </td>
                <td data-label={t('Hạn nộp', 'Deadline')}>
                  <Deadline f={f} />
                </td>
                <td data-label={t('Gửi lúc', 'Submitted')}>{fmt.dateTime(f.submittedAt)}</td>
                <td data-label={t('Số chỉ tiêu', 'Values')} className="num">
                  {`${f.filled}/${f.required}`}
                </td>
                <td>
                  <Link to={`/forms/${f.unit}/${f.period}`}>
                    {f.abilities.approve || f.abilities.return ? t('Xem xét', 'Review') : t('Xem', 'View')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OverdueTasksCard />
    </section>
  );
}
