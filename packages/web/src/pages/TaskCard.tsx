import { type ItemOf, TASK_STATUS_LABELS, TaskStatus, todayInVietnam } from '@baocao/core/browser';
import { useState } from 'react';
import { Link } from 'react-router';
import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { call } from '../client.ts';
import { useFormat } from '../format.ts';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox, Loading } from '../ui.tsx';

/** The units that lead tasks (the ministry and its departments), by code, with their names. */
export function useLeadUnits() {
  const { lang } = useApp();
  const at = todayInVietnam();
  const ministry = useLoad(['GET /api/units', 'ministry', at], () =>
    call('GET /api/units', { query: { kind: 'ministry', at } }),
  );
  const departments = useLoad(['GET /api/units', 'department', at], () =>
    call('GET /api/units', { query: { kind: 'department', at } }),
  );
  const all = [...(ministry.data ?? []), ...(departments.data ?? [])];
  const label = (u: (typeof all)[number]) => (lang === 'en' ? (u.nameEn ?? u.nameVi) : u.nameVi);
  return {
    options: all.map((u) => ({ code: u.code, name: label(u) })),
    name: (code: string) => {
      const u = all.find((x) => x.code === code);
      return u ? label(u) : null;
    },
  };
}
type LeadUnits = ReturnType<typeof useLeadUnits>;

/** The catalog's indicators a campaign can name, by code, with their names in the reader's language. */
export function useTaskIndicators() {
  const { lang } = useApp();
  const list = useLoad(['GET /api/indicators'], () => call('GET /api/indicators'));
  const options = (list.data ?? []).map((i) => ({
    code: i.code,
    name: lang === 'en' ? (i.nameEn ?? i.nameVi) : i.nameVi,
  }));
  return { options, name: (code: string) => options.find((o) => o.code === code)?.name ?? null };
}
type TaskIndicators = ReturnType<typeof useTaskIndicators>;

/** Whether the report an appearance is in went out, in people's words. */
const REPORT_STATE: Record<'draft' | 'published', [string, string]> = {
  draft: ['bản nháp', 'draft'],
  published: ['đã phát hành', 'published'],
};

/** A task's fields from its form; a field left empty is left out (or cleared, when editing). */
export function taskFromForm(f: FormData, base: Record<string, unknown>): Record<string, unknown> {
  const text = (name: string) => String(f.get(name) ?? '').trim() || null;
  return {
    ...base,
    title: text('title') ?? '',
    leadUnit: text('leadUnit'),
    dueOn: text('dueOn'),
    startOn: text('startOn'),
    indicators: f.getAll('indicators').map(String).filter(Boolean),
    toGovernment: f.get('toGovernment') === 'on',
  };
}

/**
 * The editable fields of a task: what, who leads it, by when, whether it goes to the Government,
 * and for a campaign its first day and the indicators it is meant to move (the report prints their
 * change from that day to the due date).
 */
export function TaskFields({
  units,
  indicators,
  task,
}: {
  units: LeadUnits;
  indicators: TaskIndicators;
  task?: ItemOf<'task'>;
}) {
  const { t } = useApp();
  return (
    <div className="fields">
      <label>
        {t('Nhiệm vụ', 'Task')}{' '}
        <input name="title" required minLength={5} defaultValue={task?.title ?? ''} size={60} />
      </label>
      <label>
        {t('Đơn vị chủ trì', 'Lead unit')}{' '}
        <select name="leadUnit" defaultValue={task?.leadUnit ?? ''}>
          <option value="">{t('(chưa giao)', '(not assigned)')}</option>
          {units.options.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('Hạn hoàn thành', 'Due date')} <input name="dueOn" type="date" defaultValue={task?.dueOn ?? ''} />
      </label>
      <label>
        {t('Ngày bắt đầu (chiến dịch)', 'Start date (campaign)')}{' '}
        <input name="startOn" type="date" defaultValue={task?.startOn ?? ''} />
      </label>
      <label>
        {t(
          'Chỉ tiêu chiến dịch cần tác động (tối đa 5)',
          'Indicators the campaign is meant to move (up to 5)',
        )}{' '}
        {/* Keyed by the catalog's arrival: a default choice is read when the select is first drawn. */}
        <select
          key={indicators.options.length}
          name="indicators"
          multiple
          size={5}
          defaultValue={task?.indicators ?? []}
        >
          {indicators.options.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name} ({i.code})
            </option>
          ))}
        </select>
      </label>
      <label>
        <input name="toGovernment" type="checkbox" defaultChecked={task?.toGovernment ?? false} />{' '}
        {t('Trình Chính phủ, Thủ tướng', 'For the Government')}
      </label>
    </div>
  );
}

/** One task: its fields to edit, a status change with its note, its history, where it appeared. */
export function TaskCard({ id, onChanged }: { id: number; onChanged(): Promise<unknown> }) {
  const { t, can } = useApp();
  const fmt = useFormat();
  const units = useLeadUnits();
  const indicators = useTaskIndicators();
  const detail = useLoad(['GET /api/tasks/:id', id], () => call('GET /api/tasks/:id', { params: { id } }));
  const { error, notice, run } = useAction();
  const [editing, setEditing] = useState(false);
  const writer = can('registry.write');
  if (detail.loading && !detail.data) return <Loading />;
  if (!detail.data) return <ErrorBox error={detail.error} />;
  const { task: item, history, appearances } = detail.data;
  if (item.kind !== 'task') return null;
  const task = item;
  const after = async (ok: boolean) => {
    if (!ok) return;
    await detail.reload();
    await onChanged();
  };
  const edit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const { id: _id, updatedAt: _at, updatedBy: _by, ...fields } = task;
    const ok = await run(
      () =>
        call('PUT /api/registries/:id', {
          params: { id },
          body: { item: taskFromForm(f, fields), reason: String(f.get('reason') ?? '').trim() || null },
        }),
      t('Đã lưu nhiệm vụ', 'Task saved'),
    );
    if (ok) setEditing(false);
    await after(ok);
  };
  const changeStatus = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (name: string) => String(f.get(name) ?? '').trim() || null;
    const ok = await run(
      () =>
        call('POST /api/tasks/:id/status', {
          params: { id },
          body: {
            status: TaskStatus.parse(f.get('status')),
            note: text('note'),
            dueOn: text('newDue'),
            on: text('on'),
          },
        }),
      t('Đã cập nhật trạng thái', 'Status updated'),
    );
    if (ok) form.reset();
    await after(ok);
  };
  return (
    <div className="card" aria-labelledby="task-h">
      <h2 id="task-h">{task.title}</h2>
      <p className="meta">
        {fmt.label(TASK_STATUS_LABELS, task.status)} · {t('kỳ kế hoạch', 'planned for')}{' '}
        {fmt.period(task.period)}
        {task.leadUnit && ` · ${t('chủ trì', 'lead')}: ${units.name(task.leadUnit) ?? task.leadUnit}`}
        {task.dueOn && ` · ${t('hạn', 'due')} ${fmt.date(task.dueOn)}`}
        {task.startOn && ` · ${t('bắt đầu', 'from')} ${fmt.date(task.startOn)}`}
      </p>
      {task.indicators.length > 0 && (
        <p className="meta">
          {t('Chỉ tiêu chiến dịch cần tác động', 'Indicators the campaign is meant to move')}:{' '}
          {task.indicators.map((c) => indicators.name(c) ?? c).join('; ')}
        </p>
      )}
      {writer && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          {t('Sửa nhiệm vụ', 'Edit task')}
        </button>
      )}
      {writer && editing && (
        <form onSubmit={edit} aria-label={t('Sửa nhiệm vụ', 'Edit task')}>
          <TaskFields units={units} indicators={indicators} task={task} />
          <label>
            {t('Lý do sửa', 'Reason for the change')} <input name="reason" />
          </label>
          <div className="actions">
            <button type="submit" className="primary">
              {t('Lưu', 'Save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('Thôi', 'Cancel')}
            </button>
          </div>
        </form>
      )}
      {writer && (
        // Drawn anew after each change, so its choice starts from the task's status now.
        <form key={history.length} onSubmit={changeStatus} aria-labelledby="task-status-h">
          <h3 id="task-status-h">{t('Cập nhật trạng thái', 'Update the status')}</h3>
          <div className="fields">
            <label>
              {t('Trạng thái mới', 'New status')}{' '}
              <select name="status" defaultValue={task.status}>
                {TaskStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {fmt.label(TASK_STATUS_LABELS, s)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('Ghi chú (lý do khi chậm hoặc dừng)', 'Note (the reason, when slipped or cancelled)')}{' '}
              <textarea name="note" rows={2} maxLength={1000} />
            </label>
            <label>
              {t('Hạn mới (khi chậm tiến độ)', 'New due date (when slipped)')}{' '}
              <input name="newDue" type="date" />
            </label>
            <label>
              {t('Ngày có hiệu lực', 'Effective on')} <input name="on" type="date" />
            </label>
          </div>
          <div className="actions">
            <button type="submit">{t('Cập nhật trạng thái', 'Update the status')}</button>
          </div>
        </form>
      )}
      <ErrorBox error={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h3>{t('Lịch sử trạng thái', 'Status history')}</h3>
      {history.length ? (
        <ol className="history">
          {history.map((h, i) => (
            <li key={i}>
              {fmt.date(h.on)}: <strong>{fmt.label(TASK_STATUS_LABELS, h.status)}</strong>
              {h.dueOn && ` · ${t('hạn', 'due')} ${fmt.date(h.dueOn)}`} · {h.by}
              {h.note && <div className="muted">{h.note}</div>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('Chưa đổi trạng thái lần nào', 'The status has not changed yet')}</p>
      )}
      <h3>{t('Đã nêu trong báo cáo', 'Appeared in reports')}</h3>
      {appearances.length ? (
        <ul>
          {appearances.map((a) => (
            <li key={`${a.template}|${a.period}|${a.unit}|${a.section}`}>
              <Link to={`/reports?${qs({ template: a.template, period: a.period })}#muc-${a.section}`}>
                {a.templateName} — {fmt.period(a.period)}
              </Link>
              : {a.heading ?? a.section} · {t(...REPORT_STATE[a.published ? 'published' : 'draft'])}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {t('Chưa có báo cáo nào nêu nhiệm vụ này', 'No report has listed this task yet')}
        </p>
      )}
    </div>
  );
}
