import { ORG_NAME_KEYS, ORG_NAME_LABELS, OrgNameKey } from '@baocao/core/browser';
import { useApp } from '../app-context.tsx';
import { useFormat } from '../format.ts';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox } from '../ui.tsx';
import { call } from '../client.ts';

/**
 * The organisation's names and titles by date (administrators): what reports, Word files, the
 * public page and the header print. A renaming is a new row from its date; earlier documents keep
 * the names of their date.
 */
export function OrgNamesPanel() {
  const { t, lang, can } = useApp();
  const fmt = useFormat();
  const names = useLoad(['GET /api/org-names'], () => call('GET /api/org-names'));
  const { error, notice, run } = useAction();
  const label = (k: OrgNameKey) => ORG_NAME_LABELS[k][lang];
  const save = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body = {
      key: OrgNameKey.parse(f.get('key')),
      validFrom: String(f.get('validFrom') ?? ''),
      value: String(f.get('value') ?? '').trim(),
    };
    if (await run(() => call('PUT /api/org-names', { body }), t('Đã lưu tên gọi.', 'Name saved.'))) {
      form.reset();
      names.reload();
    }
  };
  return (
    <div className="card">
      <h2>{t('Tên gọi của cơ quan theo thời gian', 'The organisation’s names over time')}</h2>
      <p className="muted">
        {t(
          'Văn bản in tên gọi áp dụng vào ngày ban hành của nó (chưa có ngày: ngày cuối kỳ báo cáo).',
          'A document prints the names in force on its date of issue (none yet: the last day of its period).',
        )}
      </p>
      <ErrorBox error={names.error ?? error} />
      {notice && <p role="status">{notice}</p>}
      <table className="grid stack">
        <thead>
          <tr>
            <th>{t('Tên gọi', 'Name')}</th>
            <th>{t('Áp dụng từ', 'From')}</th>
            <th>{t('Nội dung', 'Text')}</th>
          </tr>
        </thead>
        <tbody>
          {names.data?.map((n) => (
            <tr key={`${n.key}|${n.validFrom}`}>
              <th scope="row">{label(n.key)}</th>
              <td data-label={t('Áp dụng từ', 'From')}>{fmt.date(n.validFrom)}</td>
              <td data-label={t('Nội dung', 'Text')}>{n.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can('unit.write') && (
        <form onSubmit={save} className="toolbar">
          <label>
            {t('Tên gọi', 'Name')}{' '}
            <select name="key">
              {ORG_NAME_KEYS.map((k) => (
                <option key={k} value={k}>
                  {label(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Áp dụng từ ngày', 'From')} <input name="validFrom" type="date" required />
          </label>
          <label>
            {t('Nội dung', 'Text')} <input name="value" required maxLength={300} />
          </label>
          <button type="submit">{t('Lưu tên gọi', 'Save name')}</button>
        </form>
      )}
    </div>
  );
}
