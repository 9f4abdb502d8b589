import { type Indicator, type ValueRangeRow, readValue } from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { call } from '../client.ts';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox, useNumber } from '../ui.tsx';

const text = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

/**
 * Value ranges (min–max per indicator and unit) for administrators: a hard range refuses a value
 * outside it at entry; a soft one flags it for the reporter's explanation and the reviewer's
 * acknowledgement. Bounds are typed the way the form reads figures ("1.000.000", "46,8").
 */
export function RangesPanel() {
  const { t, lang } = useApp();
  const num = useNumber();
  const ranges = useLoad(['GET /api/value-ranges'], () => call('GET /api/value-ranges', {}));
  const indicators = useLoad(['GET /api/indicators'], () => call('GET /api/indicators'));
  const units = useLoad(['GET /api/units'], () => call('GET /api/units'));
  const [editing, setEditing] = useState<ValueRangeRow | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  const byCode = new Map((indicators.data ?? []).map((i) => [i.code, i]));
  const unitName = new Map(
    (units.data ?? []).map((u) => [u.code, lang === 'en' ? (u.nameEn ?? u.nameVi) : u.nameVi]),
  );
  const indName = (code: string) => {
    const i = byCode.get(code);
    return i ? (lang === 'en' ? i.nameEn : i.nameVi) : code;
  };
  /** A bound as typed: empty is no bound; otherwise the indicator's own number rule reads it. */
  const bound = (raw: string, ind: Indicator, label: string): number | null | Error => {
    if (raw === '') return null;
    const v = readValue(raw, ind, 'vi');
    return 'value' in v ? v.value : new Error(`${label}: ${lang === 'en' ? v.en : v.vi}`);
  };
  const save = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const ind = byCode.get(text(f, 'indicator'));
    setInvalid(null);
    if (!ind) return setInvalid(t('Chọn chỉ tiêu', 'Choose an indicator'));
    const min = bound(text(f, 'min'), ind, t('Nhỏ nhất', 'Minimum'));
    const max = bound(text(f, 'max'), ind, t('Lớn nhất', 'Maximum'));
    if (min instanceof Error) return setInvalid(min.message);
    if (max instanceof Error) return setInvalid(max.message);
    const body = {
      indicator: ind.code,
      unit: text(f, 'unit'),
      min,
      max,
      hard: f.get('hard') === 'hard',
      reason: text(f, 'reason') || null,
    };
    if (
      await action.run(
        () => call('PUT /api/value-ranges', { body }),
        t('Đã lưu khoảng giá trị', 'Range saved'),
      )
    ) {
      form.reset();
      setEditing(null);
      await ranges.reload();
    }
  };
  const remove = async (r: ValueRangeRow) => {
    if (
      await action.run(
        () => call('DELETE /api/value-ranges', { query: { indicator: r.indicator, unit: r.unit } }),
        t('Đã bỏ khoảng giá trị', 'Range removed'),
      )
    )
      await ranges.reload();
  };
  const r = editing;
  const precisionOf = (code: string) => byCode.get(code)?.valueDecimals ?? 0;
  return (
    <div className="card">
      <h2>{t('Khoảng giá trị hợp lệ', 'Value ranges')}</h2>
      <p className="muted small">
        {t(
          'Khoảng cứng: giá trị ngoài khoảng bị từ chối khi nhập. Khoảng mềm: giá trị ngoài khoảng cần giải trình khi gửi và xác nhận khi duyệt.',
          'Hard: a value outside is refused at entry. Soft: a value outside needs an explanation at submit and an acknowledgement at approval.',
        )}
      </p>
      <ErrorBox error={action.error ?? ranges.error ?? indicators.error ?? units.error} />
      {action.notice && (
        <p className="notice" role="status">
          {action.notice}
        </p>
      )}
      <table className="grid small stack">
        <thead>
          <tr>
            <th>{t('Chỉ tiêu', 'Indicator')}</th>
            <th>{t('Đơn vị', 'Unit')}</th>
            <th>{t('Nhỏ nhất', 'Minimum')}</th>
            <th>{t('Lớn nhất', 'Maximum')}</th>
            <th>{t('Loại', 'Kind')}</th>
            <th>{t('Lý do', 'Reason')}</th>
            <th>
              <span className="visually-hidden">{t('Thao tác', 'Action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(ranges.data ?? []).length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                {t('Chưa đặt khoảng nào.', 'No ranges set.')}
              </td>
            </tr>
          )}
          {(ranges.data ?? []).map((x) => (
            <tr key={`${x.indicator}|${x.unit}`} data-range={`${x.indicator}|${x.unit}`}>
              <th scope="row">
                {indName(x.indicator)}
                <div className="muted small">{x.indicator}</div>
              </th>
              <td data-label={t('Đơn vị', 'Unit')}>{unitName.get(x.unit) ?? x.unit}</td>
              <td data-label={t('Nhỏ nhất', 'Minimum')} className="num">
                {num(x.min, precisionOf(x.indicator))}
              </td>
              <td data-label={t('Lớn nhất', 'Maximum')} className="num">
                {num(x.max, precisionOf(x.indicator))}
              </td>
              <td data-label={t('Loại', 'Kind')}>
                {x.hard ? t('Cứng (từ chối)', 'Hard (refused)') : t('Mềm (cần giải trình)', 'Soft (explain)')}
              </td>
              <td data-label={t('Lý do', 'Reason')}>{x.reason ?? '—'}</td>
              <td>
                <button type="button" className="link" onClick={() => setEditing(x)}>
                  {t('Sửa', 'Edit')}
                </button>{' '}
                <button type="button" className="link" onClick={() => void remove(x)}>
                  {t('Bỏ', 'Remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form key={r ? `${r.indicator}|${r.unit}` : 'new'} onSubmit={save} className="stack-form">
        <h3>{r ? t('Sửa khoảng giá trị', 'Edit the range') : t('Đặt khoảng giá trị', 'Set a range')}</h3>
        <label>
          {t('Chỉ tiêu', 'Indicator')}
          <select name="indicator" defaultValue={r?.indicator ?? ''} required>
            <option value="">{t('— chọn —', '— choose —')}</option>
            {(indicators.data ?? []).map((i) => (
              <option key={i.code} value={i.code}>
                {`${i.code} · ${lang === 'en' ? i.nameEn : i.nameVi}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Đơn vị', 'Unit')}
          <select name="unit" defaultValue={r?.unit ?? ''} required>
            <option value="">{t('— chọn —', '— choose —')}</option>
            {(units.data ?? [])
              .filter((u) => u.validTo === null)
              .map((u) => (
                <option key={u.code} value={u.code}>
                  {`${u.code} · ${lang === 'en' ? (u.nameEn ?? u.nameVi) : u.nameVi}`}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('Nhỏ nhất (để trống: không giới hạn)', 'Minimum (empty: none)')}
          <input
            name="min"
            inputMode="decimal"
            defaultValue={r?.min === null || !r ? '' : num(r.min, precisionOf(r.indicator))}
          />
        </label>
        <label>
          {t('Lớn nhất (để trống: không giới hạn)', 'Maximum (empty: none)')}
          <input
            name="max"
            inputMode="decimal"
            defaultValue={r?.max === null || !r ? '' : num(r.max, precisionOf(r.indicator))}
          />
        </label>
        <fieldset>
          <legend>{t('Loại khoảng', 'Kind of range')}</legend>
          <label className="check">
            <input type="radio" name="hard" value="soft" defaultChecked={!r?.hard} />{' '}
            {t('Mềm: cần giải trình', 'Soft: needs an explanation')}
          </label>
          <label className="check">
            <input type="radio" name="hard" value="hard" defaultChecked={!!r?.hard} />{' '}
            {t('Cứng: từ chối khi nhập', 'Hard: refused at entry')}
          </label>
        </fieldset>
        <label>
          {t('Lý do', 'Reason')}
          <input name="reason" defaultValue={r?.reason ?? ''} />
        </label>
        {invalid && (
          <p className="field-error" role="alert">
            {invalid}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {t('Lưu khoảng giá trị', 'Save range')}
          </button>
          {r && (
            <button type="button" onClick={() => setEditing(null)}>
              {t('Đặt khoảng mới thay vì sửa', 'New range instead')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
