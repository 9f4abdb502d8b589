import type { Form, ValueHistoryEntry } from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { useAction } from '../hooks.ts';
import { ErrorBox, useNumber } from '../ui.tsx';
import { call } from '../client.ts';

/** The ministry's side of a form: approve, return with a comment, unlock; and each value's audit history. */
export function ReviewPanel({ form, onDone }: { form: Form; onDone(): void }) {
  const { t, can } = useApp();
  const num = useNumber();
  const [text, setText] = useState('');
  const action = useAction();
  const [history, setHistory] = useState<{ indicator: string; rows: ValueHistoryEntry[] } | null>(null);
  const key = { unit: form.unit, period: form.period };
  const reviewer = can('form.review');
  const run = async (fn: () => Promise<unknown>) => {
    if (await action.run(fn)) {
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
  const precision = form.rows.find((r) => r.indicator === history?.indicator)?.precision ?? 0;
  return (
    <aside className="card review">
      <h2>{t('Xem xét', 'Review')}</h2>
      {reviewer && form.status === 'submitted' && (
        <>
          <label>
            {t('Nhận xét (bắt buộc khi trả lại)', 'Comment (required to return)')}
            <textarea name="comment" value={text} onChange={(e) => setText(e.target.value)} rows={3} />
          </label>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => run(() => call('POST /api/forms/approve', { body: key }))}
            >
              {t('Duyệt', 'Approve')}
            </button>
            <button
              type="button"
              onClick={() => run(() => call('POST /api/forms/return', { body: { ...key, comment: text } }))}
            >
              {t('Trả lại', 'Return')}
            </button>
          </div>
        </>
      )}
      {reviewer && form.status === 'approved' && (
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
            onClick={() => run(() => call('POST /api/forms/unlock', { body: { ...key, reason: text } }))}
          >
            {t('Mở khóa', 'Unlock')}
          </button>
        </>
      )}
      {!['submitted', 'approved'].includes(form.status) && (
        <p className="muted">{t('Đơn vị chưa gửi biểu mẫu.', 'The unit has not submitted.')}</p>
      )}
      <ErrorBox error={action.error} />
      <h3>{t('Lịch sử giá trị đã lưu', 'History of stored values')}</h3>
      <select
        aria-label={t('Chỉ tiêu', 'Indicator')}
        value={history?.indicator ?? ''}
        onChange={(e) => e.target.value && showHistory(e.target.value)}
      >
        <option value="">{t('— chọn chỉ tiêu —', '— choose an indicator —')}</option>
        {form.rows.map((r) => (
          <option key={r.indicator} value={r.indicator}>
            {r.nameVi}
          </option>
        ))}
      </select>
      {history && (
        <table className="grid small">
          <tbody>
            {history.rows.length === 0 && (
              <tr>
                <td>{t('Chưa có thay đổi nào được lưu.', 'No stored change yet.')}</td>
              </tr>
            )}
            {history.rows.map((h, i) => (
              <tr key={i}>
                <td>{new Date(h.at).toLocaleString()}</td>
                <td>{h.actor}</td>
                <td className="num">
                  {num(h.old_value === null ? null : Number(h.old_value), precision)} →{' '}
                  {num(h.new_value === null ? null : Number(h.new_value), precision)}
                </td>
                <td>{h.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
