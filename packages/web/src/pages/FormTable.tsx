import { type FormRow, type ValueStatus, readValue } from '@baocao/core/browser';
import { useApp } from '../app-context.tsx';
import { useNumber } from '../ui.tsx';

/** What the user typed in one row, as text, with its status choice. */
export interface Typed {
  text: string;
  status: ValueStatus;
  /** The reporter's explanation of a flagged value (a warning needs one at submit). */
  explanation?: string;
}

/** The server's own number rule for this indicator, so an error shows while typing, before any request. */
export function inlineError(
  text: string,
  row: FormRow,
  t: (vi: string, en: string) => string,
): string | null {
  if (text.trim() === '') return null;
  const n = readValue(text, row, 'vi');
  return 'error' in n ? t(`Giá trị ${n.vi}`, `The value ${n.en}`) : null;
}

/** Decimals a stored number has, so it is shown as it was entered (no rounding, no padding). */
export const decimalsOf = (x: number) => (String(x).split('.')[1] ?? '').length;

/**
 * How the form shows a stored figure next to the entry: at least the indicator's precision, and
 * never fewer decimals than were stored (up to what the indicator accepts), so a stored 123,45 is
 * not shown as 123 while the reporter compares against it.
 */
const shownDecimals = (x: number | null, r: FormRow) =>
  Math.max(r.precision, x === null ? 0 : Math.min(decimalsOf(x), r.valueDecimals));

export function FormTable(props: {
  rows: FormRow[];
  typed: Record<string, Typed>;
  editable: boolean;
  serverErrors: Record<string, string>;
  onChange(indicator: string, t: Typed): void;
  onHistory?: (indicator: string) => void;
}) {
  const { t, lang } = useApp();
  const num = useNumber();
  return (
    <table className="grid form stack">
      {/* Fixed widths: a message under a field wraps inside its column instead of moving the others. */}
      <colgroup>
        <col className="c-name" />
        <col className="c-unit" />
        <col className="c-value" />
        <col className="c-status" />
        <col className="c-num" />
        <col className="c-num" />
      </colgroup>
      <thead>
        <tr>
          <th>{t('Chỉ tiêu', 'Indicator')}</th>
          <th>{t('Đơn vị tính', 'Unit')}</th>
          <th>{t('Giá trị kỳ này', 'This period')}</th>
          <th>{t('Trạng thái', 'Status')}</th>
          <th>{t('Kỳ trước', 'Previous period')}</th>
          <th>{t('Cùng kỳ năm trước', 'Same period last year')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const typed = props.typed[r.indicator] ?? { text: '', status: r.status };
          const needsWhy = r.flags.some((f) => f.severity === 'warning');
          const error = inlineError(typed.text, r, t) ?? props.serverErrors[r.indicator] ?? null;
          const id = `v-${r.indicator}`;
          return (
            <tr key={r.indicator} className={error ? 'row-error' : ''}>
              <th scope="row">
                <label htmlFor={id}>{lang === 'en' ? r.nameEn : r.nameVi}</label>
                <div className="muted small">{r.indicator}</div>
              </th>
              <td data-label={t('Đơn vị tính', 'Unit')}>{lang === 'en' ? r.unitEn : r.unitVi}</td>
              <td data-label={t('Giá trị kỳ này', 'This period')}>
                <input
                  id={id}
                  name={r.indicator}
                  inputMode="decimal"
                  value={typed.text}
                  disabled={!props.editable}
                  aria-invalid={!!error}
                  aria-describedby={error ? `${id}-msg` : undefined}
                  onChange={(e) => props.onChange(r.indicator, { ...typed, text: e.target.value })}
                />
                {error && (
                  <div id={`${id}-msg`} className="field-error" role="alert">
                    {error}
                  </div>
                )}
                {/* The quality checks' verdicts on the saved value (rules, outliers, soft ranges): one note
                    per concern, computed by the server from the unit's history and peers. */}
                {r.flags.map((f) => (
                  <div
                    key={f.code}
                    className={f.severity === 'error' ? 'field-error' : 'field-warn'}
                    data-flag={f.code}
                  >
                    {f.severity === 'error' ? t('Lỗi: ', 'Error: ') : t('Cảnh báo: ', 'Warning: ')}
                    {lang === 'en' ? f.en : f.vi}
                  </div>
                ))}
                {needsWhy && props.editable && (
                  <label className="small">
                    {t('Giải trình (bắt buộc khi gửi)', 'Explanation (required to submit)')}
                    <textarea
                      name={`explain-${r.indicator}`}
                      rows={2}
                      value={typed.explanation ?? ''}
                      onChange={(e) => props.onChange(r.indicator, { ...typed, explanation: e.target.value })}
                    />
                  </label>
                )}
                {!props.editable && r.explanation && (
                  <div className="small">
                    <strong>{t('Giải trình:', 'Explanation:')}</strong> {r.explanation}
                  </div>
                )}
              </td>
              <td data-label={t('Trạng thái', 'Status')}>
                <select
                  aria-label={t('Trạng thái', 'Status')}
                  value={typed.status}
                  disabled={!props.editable}
                  onChange={(e) =>
                    props.onChange(r.indicator, {
                      ...typed,
                      status: e.target.value === 'official' ? 'official' : 'estimate',
                    })
                  }
                >
                  <option value="estimate">{t('Ước', 'Estimate')}</option>
                  <option value="official">{t('Chính thức', 'Official')}</option>
                </select>
              </td>
              <td data-label={t('Kỳ trước', 'Previous period')} className="num">
                {r.previous ? num(r.previous.value, shownDecimals(r.previous.value, r)) : '—'}
              </td>
              <td data-label={t('Cùng kỳ năm trước', 'Same period last year')} className="num">
                {num(r.lastYear.value, shownDecimals(r.lastYear.value, r))}
                {props.onHistory && (
                  <button type="button" className="link small" onClick={() => props.onHistory?.(r.indicator)}>
                    {t('Lịch sử', 'History')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
