import { type Rule, RuleImportance, RuleOperator, RulePeriodType, UnitKind } from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox } from '../ui.tsx';
import { call } from '../client.ts';

const text = (f: FormData, k: string) => String(f.get(k) ?? '').trim();
const list = (f: FormData, k: string) =>
  text(f, k)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Validation rules, edited as data: each save is checked against the catalog by the server (an
 * unknown indicator code is named) and stored as a new version, audited with the reason.
 */
export function RulesPanel() {
  const { t, lang } = useApp();
  const rules = useLoad(['GET /api/rules'], () => call('GET /api/rules'));
  const [editing, setEditing] = useState<Rule | null>(null);
  const action = useAction();
  const save = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body = {
      code: text(f, 'code'),
      nameVi: text(f, 'nameVi'),
      nameEn: text(f, 'nameEn'),
      left: text(f, 'left'),
      operator: RuleOperator.parse(text(f, 'operator')),
      right: text(f, 'right'),
      importance: RuleImportance.parse(text(f, 'importance')),
      periodTypes: RulePeriodType.array().parse(list(f, 'periodTypes')),
      unitKinds: UnitKind.array().parse(list(f, 'unitKinds')),
      active: f.get('active') === 'on',
      reason: text(f, 'reason') || null,
    };
    if (await action.run(() => call('PUT /api/rules', { body }), t('Đã lưu quy tắc', 'Rule saved'))) {
      form.reset();
      setEditing(null);
      rules.reload();
    }
  };
  const r = editing;
  return (
    <div className="card">
      <h2>{t('Quy tắc kiểm tra số liệu', 'Validation rules')}</h2>
      <ErrorBox error={action.error ?? rules.error} />
      {action.notice && (
        <p className="notice" role="status">
          {action.notice}
        </p>
      )}
      <table className="grid small stack">
        <thead>
          <tr>
            <th>{t('Quy tắc', 'Rule')}</th>
            <th>{t('Biểu thức', 'Expression')}</th>
            <th>{t('Mức độ', 'Importance')}</th>
            <th>{t('Phiên bản', 'Version')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(rules.data ?? []).map((x) => (
            <tr key={x.code} data-rule={x.code}>
              <th scope="row">
                {lang === 'en' ? x.nameEn : x.nameVi}
                <div className="muted small">
                  {x.code}
                  {!x.active && ` · ${t('đã tắt', 'off')}`}
                </div>
              </th>
              <td data-label={t('Biểu thức', 'Expression')}>
                <code>
                  {x.left} {x.operator} {x.right}
                </code>
              </td>
              <td data-label={t('Mức độ', 'Importance')}>
                {x.importance === 'error' ? t('Lỗi (chặn gửi)', 'Error (blocks)') : t('Cảnh báo', 'Warning')}
              </td>
              <td data-label={t('Phiên bản', 'Version')}>{x.version}</td>
              <td>
                <button type="button" className="link" onClick={() => setEditing(x)}>
                  {t('Sửa', 'Edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form key={r?.code ?? 'new'} onSubmit={save} className="stack-form">
        <h3>
          {r ? t('Sửa quy tắc {code}', 'Edit rule {code}', { code: r.code }) : t('Thêm quy tắc', 'New rule')}
        </h3>
        <label>
          {t('Mã', 'Code')}
          <input name="code" defaultValue={r?.code ?? ''} readOnly={!!r} required />
        </label>
        <label>
          {t('Tên (tiếng Việt)', 'Name (Vietnamese)')}
          <input name="nameVi" defaultValue={r?.nameVi ?? ''} required />
        </label>
        <label>
          {t('Tên (tiếng Anh)', 'Name (English)')}
          <input name="nameEn" defaultValue={r?.nameEn ?? ''} required />
        </label>
        <label>
          {t('Vế trái', 'Left side')}
          <input name="left" defaultValue={r?.left ?? ''} placeholder="#{NGANH.LOI_NHUAN}" required />
        </label>
        <label>
          {t('Phép so sánh', 'Operator')}
          <select name="operator" defaultValue={r?.operator ?? '<='}>
            {RuleOperator.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Vế phải', 'Right side')}
          <input name="right" defaultValue={r?.right ?? ''} placeholder="#{NGANH.DOANH_THU}" required />
        </label>
        <label>
          {t('Mức độ', 'Importance')}
          <select name="importance" defaultValue={r?.importance ?? 'warning'}>
            <option value="error">{t('Lỗi (chặn gửi)', 'Error (blocks submission)')}</option>
            <option value="warning">
              {t('Cảnh báo (cần giải trình)', 'Warning (needs an explanation)')}
            </option>
          </select>
        </label>
        <label>
          {t('Loại kỳ (M, Q, S, Y, R)', 'Period types (M, Q, S, Y, R)')}
          <input name="periodTypes" defaultValue={(r?.periodTypes ?? ['M']).join(', ')} />
        </label>
        <label>
          {t('Loại đơn vị', 'Unit kinds')}
          <input name="unitKinds" defaultValue={(r?.unitKinds ?? ['province']).join(', ')} />
        </label>
        <label className="check">
          <input type="checkbox" name="active" defaultChecked={r?.active ?? true} />{' '}
          {t('Đang áp dụng', 'Active')}
        </label>
        <label>
          {t('Lý do thay đổi', 'Reason for the change')}
          <input name="reason" />
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            {t('Lưu quy tắc', 'Save rule')}
          </button>
          {r && (
            <button type="button" onClick={() => setEditing(null)}>
              {t('Thêm mới thay vì sửa', 'New rule instead')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
