import {
  type ItemOf,
  TASK_STATUS_LABELS,
  latestEndedPeriod,
  nextPeriod,
  parsePeriod,
  todayInVietnam,
} from '@baocao/core/browser';
import { Link } from 'react-router';
import { useApp } from '../app-context.tsx';
import { call } from '../client.ts';
import { useFormat } from '../format.ts';
import { useAction, useLoad } from '../hooks.ts';
import { PeriodPicker } from '../period-picker.tsx';
import { Empty, ErrorBox, Loading } from '../ui.tsx';
import { TaskCard, TaskFields, taskFromForm, useLeadUnits, useTaskIndicators } from './TaskCard.tsx';

/**
 * The tasks of a period of plan: the list (title, lead unit, due date, status), a new task, and the
 * chosen task's card — its fields, its status changes with their notes, its history and the report
 * sections it appeared in.
 */
export function TasksPage() {
  const { t, query, navigate, can } = useApp();
  const fmt = useFormat();
  const today = todayInVietnam();
  // By default the month after the last ended one: the month being worked on now.
  const period = query.get('period') ?? nextPeriod(latestEndedPeriod('M', today)).id;
  const chosen = Number(query.get('id') ?? '') || null;
  const tasks = useLoad(['GET /api/registries', 'task', period], () =>
    call('GET /api/registries', { query: { kind: 'task', period } }),
  );
  const units = useLeadUnits();
  const indicators = useTaskIndicators();
  const { error, notice, run } = useAction();
  const go = (p: string, id: number | null) =>
    navigate(`/tasks?period=${encodeURIComponent(p)}${id ? `&id=${id}` : ''}`);
  const list = (tasks.data ?? []).filter((x): x is ItemOf<'task'> => x.kind === 'task');
  const create = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    let made: number | null = null;
    const ok = await run(
      async () => {
        const r = await call('POST /api/registries', {
          body: { items: [taskFromForm(new FormData(form), { kind: 'task', period })] },
        });
        made = r.items[0]?.id ?? null;
      },
      t('Đã thêm nhiệm vụ', 'Task added'),
    );
    if (ok) {
      form.reset();
      await tasks.reload();
      if (made) go(period, made);
    }
  };
  return (
    <section>
      <h1>{t('Nhiệm vụ theo kế hoạch', 'Planned tasks')}</h1>
      <div className="toolbar">
        <PeriodPicker value={period} kinds={['M', 'Q']} onChange={(p) => go(p, null)} />
      </div>
      <div className="card">
        <h2>{t('Nhiệm vụ {period}', 'Tasks of {period}', { period: fmt.period(parsePeriod(period).id) })}</h2>
        {tasks.loading && !tasks.data && <Loading />}
        <ErrorBox error={tasks.error} />
        {tasks.data && !list.length && (
          <Empty>{t('Chưa có nhiệm vụ nào trong kỳ này', 'No task planned for this period')}</Empty>
        )}
        {list.length > 0 && (
          <table className="grid stack">
            <caption className="visually-hidden">{t('Nhiệm vụ', 'Tasks')}</caption>
            <thead>
              <tr>
                <th>{t('Nhiệm vụ', 'Task')}</th>
                <th>{t('Đơn vị chủ trì', 'Lead unit')}</th>
                <th>{t('Hạn', 'Due')}</th>
                <th>{t('Trạng thái', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((x) => (
                <tr key={x.id} aria-current={x.id === chosen ? 'true' : undefined}>
                  <th scope="row">
                    <Link to={`/tasks?period=${encodeURIComponent(period)}&id=${x.id}`}>{x.title}</Link>
                  </th>
                  <td data-label={t('Đơn vị chủ trì', 'Lead unit')}>
                    {x.leadUnit ? (units.name(x.leadUnit) ?? x.leadUnit) : '—'}
                  </td>
                  <td data-label={t('Hạn', 'Due')}>{x.dueOn ? fmt.date(x.dueOn) : '—'}</td>
                  <td data-label={t('Trạng thái', 'Status')}>{fmt.label(TASK_STATUS_LABELS, x.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {chosen && <TaskCard key={chosen} id={chosen} onChanged={tasks.reload} />}
      {can('registry.write') && (
        <form className="card" onSubmit={create} aria-labelledby="new-task-h">
          <h2 id="new-task-h">
            {t('Thêm nhiệm vụ {period}', 'New task for {period}', { period: fmt.period(period) })}
          </h2>
          <TaskFields units={units} indicators={indicators} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('Thêm nhiệm vụ', 'Add task')}
            </button>
          </div>
          <ErrorBox error={error} />
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
