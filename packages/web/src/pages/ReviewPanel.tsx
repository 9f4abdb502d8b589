import {
  ACKNOWLEDGE_EN,
  ACKNOWLEDGE_VI,
  type Form,
  type FormStatus,
  type ValueHistoryEntry,
} from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { useAction } from '../hooks.ts';
import { useFormat } from '../format.ts';
import { ErrorBox, useNumber } from '../ui.tsx';
import { call } from '../client.ts';

/** What the ministry is waiting for, by the form's status (shown, never used to decide an action). */
const WAITING: Partial<Record<FormStatus, [string, string]>> = {
  missing: ['Đơn vị chưa gửi biểu mẫu.', 'The unit has not submitted.'],
  draft: ['Đơn vị chưa gửi biểu mẫu.', 'The unit has not submitted.'],
  returned: [
    'Đã trả lại cho đơn vị; chờ đơn vị sửa và gửi lại.',
    'Returned to the unit; waiting for it to fix and resubmit.',
  ],
};

/** The ministry's side of a form: approve, return with a comment, unlock; and each value's audit history. */
export function ReviewPanel({ form, onDone }: { form: Form; onDone(): void }) {
  const { t, lang } = useApp();
  const num = useNumber();
  const fmt = useFormat();
  const [text, setText] = useState('');
  const action = useAction();
  const [history, setHistory] = useState<{ indicator: string; rows: ValueHistoryEntry[] } | null>(null);
  // Flagged values need the reviewer's explicit acknowledgement, one by one, before approval.
  const flagged = form.rows.filter((r) => r.flags.length > 0);
  const [acked, setAcked] = useState<Set<string>>(new Set());
  const key = { unit: form.unit, period: form.period };
  const run = async (fn: () => Promise<unknown>, done: string) => {
    if (await action.run(fn, done)) {
      setText('');
      onDone();
    }
  };
  const showHistory = (indicator: string) =>
    action.run(async () =>
      setHistory({
        indicator,
        rows: await call('GET /api/values/history', { query: { ...key, indicator } }),
      }),
    );
  // Why a value changed, in the reader's language; a reason someone typed is shown as written.
  const whyOf = (h: ValueHistoryEntry) =>
    h.source?.startsWith('form:')
      ? t('Duyệt biểu mẫu', 'Form approved')
      : h.source?.startsWith('import:')
        ? t('Nạp tệp {file}', 'Loaded from {file}', { file: h.source.slice('import:'.length) })
        : (h.reason ?? '');
  const precision = form.rows.find((r) => r.indicator === history?.indicator)?.precision ?? 0;
  return (
    <aside className="card review">
      <h2>{t('Xem xét', 'Review')}</h2>
      {flagged.length > 0 && (
        <div className="flagged">
          <h3>{t('Giá trị bất thường ({n})', 'Flagged values ({n})', { n: flagged.length })}</h3>
          <ul>
            {flagged.map((r) => (
              <li key={r.indicator} data-flagged={r.indicator}>
                <strong>{lang === 'en' ? r.nameEn : r.nameVi}</strong>: {num(r.value, r.precision)}
                {r.flags.map((f) => (
                  <div key={f.code} className={f.severity === 'error' ? 'field-error' : 'field-warn'}>
                    {lang === 'en' ? f.en : f.vi}
                  </div>
                ))}
                <div className="small">
                  <strong>{t('Giải trình của đơn vị:', 'The unit’s explanation:')}</strong>{' '}
                  {r.explanation ?? t('(không có)', '(none)')}
                </div>
                {form.abilities.approve && (
                  <label className="check">
                    <input
                      type="checkbox"
                      name={`ack-${r.indicator}`}
                      checked={acked.has(r.indicator)}
                      onChange={(e) => {
                        const next = new Set(acked);
                        if (e.target.checked) next.add(r.indicator);
                        else next.delete(r.indicator);
                        setAcked(next);
                      }}
                    />{' '}
                    {t(ACKNOWLEDGE_VI, ACKNOWLEDGE_EN)}
                  </label>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(form.abilities.approve || form.abilities.return) && (
        <>
          <label>
            {t('Nhận xét (bắt buộc khi trả lại)', 'Comment (required to return)')}
            <textarea name="comment" value={text} onChange={(e) => setText(e.target.value)} rows={3} />
          </label>
          <div className="actions">
            {form.abilities.approve && (
              <button
                type="button"
                className="primary"
                onClick={() =>
                  run(
                    () => call('POST /api/forms/approve', { body: { ...key, acknowledge: [...acked] } }),
                    t('Đã duyệt biểu mẫu; số liệu đã vào cơ sở dữ liệu.', 'Approved; the values are stored.'),
                  )
                }
              >
                {t('Duyệt', 'Approve')}
              </button>
            )}
            {form.abilities.return && (
              <button
                type="button"
                onClick={() =>
                  run(
                    () => call('POST /api/forms/return', { body: { ...key, comment: text } }),
                    t(
                      'Đã trả lại biểu mẫu cho đơn vị kèm nhận xét.',
                      'Returned to the unit with the comment.',
                    ),
                  )
                }
              >
                {t('Trả lại', 'Return')}
              </button>
            )}
          </div>
        </>
      )}
      {form.abilities.unlock && (
        <>
          <p>
            {t(
              'Biểu mẫu đã duyệt và khóa. Mở khóa cần ghi lý do (được lưu vết).',
              'Approved and locked. Unlocking needs a reason (audited).',
            )}
          </p>
          <label>
            {t('Lý do mở khóa', 'Reason to unlock')}
            <input name="reason" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button
            type="button"
            onClick={() =>
              run(
                () => call('POST /api/forms/unlock', { body: { ...key, reason: text } }),
                t('Đã mở khóa biểu mẫu.', 'Unlocked.'),
              )
            }
          >
            {t('Mở khóa', 'Unlock')}
          </button>
        </>
      )}
      {WAITING[form.status] && (
        <p className="muted">{t(WAITING[form.status]![0], WAITING[form.status]![1])}</p>
      )}
      {action.notice && (
        <p className="notice" role="status">
          {action.notice}
        </p>
      )}
      <ErrorBox error={action.error} />
      <h3>{t('Lịch sử giá trị đã lưu', 'History of stored values')}</h3>
      <p className="muted small">
        {t(
          'Giá trị được lưu khi biểu mẫu được duyệt (hoặc nạp qua tệp, API); bản nháp chưa có lịch sử.',
          'Values are stored when a form is approved (or loaded from a file or the API); drafts have no history yet.',
        )}
      </p>
      <select
        aria-label={t('Chỉ tiêu', 'Indicator')}
        value={history?.indicator ?? ''}
        onChange={(e) => e.target.value && showHistory(e.target.value)}
      >
        <option value="">{t('— chọn chỉ tiêu —', '— choose an indicator —')}</option>
        {form.rows.map((r) => (
          <option key={r.indicator} value={r.indicator}>
            {lang === 'en' ? r.nameEn : r.nameVi}
          </option>
        ))}
      </select>
      {history && (
        <table className="grid small">
          <thead>
            <tr>
              <th>{t('Thời điểm', 'When')}</th>
              <th>{t('Người thực hiện', 'By')}</th>
              <th>{t('Giá trị', 'Value')}</th>
              <th>{t('Lý do', 'Why')}</th>
            </tr>
          </thead>
          <tbody>
            {history.rows.length === 0 && (
              <tr>
                <td colSpan={4}>{t('Chưa có thay đổi nào được lưu.', 'No stored change yet.')}</td>
              </tr>
            )}
            {history.rows.map((h, i) => (
              <tr key={i}>
                <td>{fmt.dateTime(h.at)}</td>
                <td>{h.actor_name ?? h.actor}</td>
                <td className="num">
                  {num(h.old_value === null ? null : Number(h.old_value), precision)} →{' '}
                  {num(h.new_value === null ? null : Number(h.new_value), precision)}
                </td>
                <td>{whyOf(h)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
