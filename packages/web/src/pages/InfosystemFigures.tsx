import { OWNER_KIND_LABELS, TASK_STATUS_LABELS } from '@baocao/core/browser';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApp } from '../app-context.tsx';
import { call } from '../client.ts';
import { useFormat } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { PeriodPicker } from '../period-picker.tsx';
import { Empty, ErrorBox, Loading, useCoverage, useNumber } from '../ui.tsx';

const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}M${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** The registry's state at a period's end: totals, shares, by level and owner kind, and coverage. */
export function InfosystemFiguresCard() {
  const { t } = useApp();
  const fmt = useFormat();
  const num = useNumber();
  const coverage = useCoverage();
  const [period, setPeriod] = useState(thisMonth());
  const f = useLoad(['GET /api/infosystems/figures', period], () =>
    call('GET /api/infosystems/figures', { query: { period } }),
  );
  const d = f.data;
  return (
    <div className="card">
      <h2>{t('Số liệu từ danh mục', 'Figures from the registry')}</h2>
      <PeriodPicker value={period} onChange={setPeriod} />
      {f.loading && !d ? <Loading /> : null}
      <ErrorBox error={f.error} />
      {d && (
        <>
          <p role="status">
            {t(
              `Tính đến ${fmt.date(d.at)}: tổng số ${num(d.total)} hệ thống thông tin; đã phê duyệt cấp độ ${num(d.approved)} hệ thống (${num(d.approvedPct, 1)}%); đã triển khai bảo đảm an toàn theo cấp độ ${num(d.deployed)} hệ thống (${num(d.deployedPct, 1)}%).`,
              `At ${fmt.date(d.at)}: ${num(d.total)} information systems; ${num(d.approved)} with an approved level (${num(d.approvedPct, 1)}%); ${num(d.deployed)} protected to their level (${num(d.deployedPct, 1)}%).`,
            )}{' '}
            {d.coverage.reported < d.coverage.expected && coverage(d.coverage)}
            {d.pending > 0 &&
              ` · ${t(`${d.pending} kê khai chờ duyệt`, `${d.pending} declarations waiting`)}`}
          </p>
          <table className="grid stack">
            <caption>{t('Theo cấp độ và chủ quản', 'By level and owner kind')}</caption>
            <thead>
              <tr>
                <th>{t('Chủ quản', 'Owners')}</th>
                <th>{t('Tổng số', 'Total')}</th>
                {[1, 2, 3, 4, 5].map((n) => (
                  <th key={n}>{t(`Cấp độ ${n}`, `Level ${n}`)}</th>
                ))}
                <th>{t('Đã phê duyệt', 'Approved')}</th>
                <th>{t('Đã triển khai', 'Deployed')}</th>
              </tr>
            </thead>
            <tbody>
              {[{ kind: 'all', ...d }, ...d.byOwnerKind].map((k) => (
                <tr key={k.kind}>
                  <th scope="row">
                    {k.kind === 'all' ? t('Cả nước', 'All') : fmt.label(OWNER_KIND_LABELS, k.kind)}
                  </th>
                  <td className="num" data-label={t('Tổng số', 'Total')}>
                    {num(k.total)}
                  </td>
                  {k.byLevel.map((n, i) => (
                    <td key={i} className="num" data-label={t(`Cấp độ ${i + 1}`, `Level ${i + 1}`)}>
                      {num(n)}
                    </td>
                  ))}
                  <td className="num" data-label={t('Đã phê duyệt', 'Approved')}>
                    {num(k.approved)}
                  </td>
                  <td className="num" data-label={t('Đã triển khai', 'Deployed')}>
                    {num(k.deployed)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** Tasks past their due date and neither done nor cancelled: what an officer chases first. */
export function OverdueTasksCard() {
  const { can } = useApp();
  return can('report.read') ? <OverdueTasks /> : null;
}

function OverdueTasks() {
  const { t } = useApp();
  const fmt = useFormat();
  const late = useLoad(['GET /api/tasks/overdue'], () => call('GET /api/tasks/overdue', { query: {} }));
  return (
    <div className="card">
      <h2>{t('Nhiệm vụ quá hạn', 'Overdue tasks')}</h2>
      <ErrorBox error={late.error} />
      {late.data && !late.data.length ? (
        <Empty>{t('Không có nhiệm vụ quá hạn', 'No overdue task')}</Empty>
      ) : null}
      {late.data && late.data.length > 0 && (
        <ul>
          {late.data.map((x) => (
            <li key={x.id}>
              <Link to={`/tasks?period=${encodeURIComponent(x.period)}&id=${x.id}`}>{x.title}</Link> —{' '}
              {fmt.label(TASK_STATUS_LABELS, x.status)},{' '}
              {t(
                `hạn ${fmt.date(x.dueOn)} (quá ${x.daysLate} ngày)`,
                `due ${fmt.date(x.dueOn)} (${x.daysLate} days late)`,
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
