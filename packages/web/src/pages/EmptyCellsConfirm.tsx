import type { FormRow } from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';

/** Why cells are commonly left empty; the reporter may also write their own. */
const COMMON: [string, string][] = [
  ['không phát sinh', 'nothing to report'],
  ['chưa có số liệu', 'figures not available yet'],
];

export interface EmptyReasons {
  emptyReason: string | null;
  emptyReasons: { indicator: string; reason: string }[];
}

/**
 * Asked before a form with empty cells is submitted: how many are empty, which, and why (one
 * reason for the form or one per cell). The server records what is sent with the submission.
 */
export function EmptyCellsConfirm(props: {
  empty: FormRow[];
  busy: boolean;
  onSubmit: (reasons: EmptyReasons) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useApp();
  const [formReason, setFormReason] = useState('');
  const [perCell, setPerCell] = useState<Record<string, string>>({});
  const n = props.empty.length;
  const send = () =>
    props.onSubmit({
      emptyReason: formReason.trim() || null,
      emptyReasons: Object.entries(perCell)
        .filter(([, r]) => r.trim() !== '')
        .map(([indicator, reason]) => ({ indicator, reason: reason.trim() })),
    });
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="empty-cells-title">
      <h2 id="empty-cells-title">
        {t(
          'Còn {n, plural, other {# chỉ tiêu}} chưa nhập — gửi vẫn?',
          '{n, plural, one {# indicator is} other {# indicators are}} still empty — submit anyway?',
          { n },
        )}
      </h2>
      <label>
        {t('Lý do chung cho các ô trống', 'One reason for every empty cell')}{' '}
        <input
          list="empty-reasons"
          value={formReason}
          placeholder={t('ví dụ: không phát sinh', 'e.g. nothing to report')}
          onChange={(e) => setFormReason(e.target.value)}
        />
      </label>
      <datalist id="empty-reasons">
        {COMMON.map(([vi, en]) => (
          <option key={vi} value={lang === 'en' ? en : vi} />
        ))}
      </datalist>
      <ul className="empty-cells">
        {props.empty.map((r) => (
          <li key={r.indicator}>
            <label>
              <span>{lang === 'en' ? r.nameEn : r.nameVi}</span>{' '}
              <input
                list="empty-reasons"
                value={perCell[r.indicator] ?? ''}
                placeholder={t('lý do riêng (nếu khác)', 'its own reason (if different)')}
                onChange={(e) => setPerCell({ ...perCell, [r.indicator]: e.target.value })}
              />
            </label>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          {t('Quay lại nhập', 'Back to the form')}
        </button>
        <button type="button" className="primary" onClick={send} disabled={props.busy}>
          {t('Gửi vẫn', 'Submit anyway')}
        </button>
      </div>
    </div>
  );
}
