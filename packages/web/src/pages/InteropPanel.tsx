import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { call } from '../client.ts';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox, Loading } from '../ui.tsx';

type Kind = 'indicator' | 'unit' | 'dataset';

/**
 * Data exchange: where other systems read us (DHIS2 metadata, SDMX, the open-data catalogs) and the
 * DHIS2 identifiers of our indicators, units and domains, which an administrator sets to match a
 * DHIS2 instance that already has its own.
 */
export function InteropPanel() {
  const { t, can, lang } = useApp();
  const ids = useLoad(['GET /api/dhis2/ids'], () => call('GET /api/dhis2/ids'));
  const [kind, setKind] = useState<Kind>('dataset');
  const [editing, setEditing] = useState<string | null>(null);
  const { error, notice, run } = useAction();
  const shown = (ids.data ?? []).filter((x) => x.kind === kind);
  const KINDS: [Kind, string][] = [
    ['dataset', t('Bộ dữ liệu (lĩnh vực)', 'Data sets (domains)')],
    ['indicator', t('Phần tử dữ liệu (chỉ tiêu)', 'Data elements (indicators)')],
    ['unit', t('Đơn vị tổ chức', 'Organisation units')],
  ];
  // People read what a code names; the code stays beside it, for those matching another system.
  const named = (x: { code: string; name: string; nameEn: string }) => (
    <>
      {lang === 'en' ? x.nameEn : x.name}
      <div className="muted small">{x.code}</div>
    </>
  );
  const save = async (e: React.FormEvent<HTMLFormElement>, code: string) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = [
      {
        kind,
        code,
        uid: String(f.get('uid') ?? '').trim(),
        dhis2Code: String(f.get('dhis2Code') ?? '').trim(),
      },
    ];
    if (
      await run(() => call('PUT /api/dhis2/ids', { body }), t('Đã lưu mã DHIS2', 'DHIS2 identifiers saved'))
    ) {
      setEditing(null);
      await ids.reload();
    }
  };
  return (
    <div className="card">
      <h2>{t('Trao đổi dữ liệu', 'Data exchange')}</h2>
      <ul>
        <li>
          <a href="/api/dhis2/metadata">{t('Siêu dữ liệu DHIS2 (JSON)', 'DHIS2 metadata (JSON)')}</a>
        </li>
        <li>
          <a href="/sdmx/rest/dataflow/all/all/latest">{t('Luồng dữ liệu SDMX', 'SDMX dataflows')}</a>
        </li>
        <li>
          <a href="/open-data/catalog.jsonld">
            {t('Danh mục dữ liệu mở (DCAT-AP)', 'Open-data catalog (DCAT-AP)')}
          </a>
          {' · '}
          <a href="/data.json">data.json</a>
        </li>
      </ul>
      <ErrorBox error={error ?? ids.error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <label>
        {t('Mã DHIS2 của', 'DHIS2 identifiers of')}{' '}
        <select
          value={kind}
          onChange={(e) => setKind(KINDS.find(([k]) => k === e.target.value)?.[0] ?? 'dataset')}
        >
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {ids.loading && !ids.data && <Loading />}
      <table className="grid small stack">
        <caption className="visually-hidden">{t('Mã DHIS2', 'DHIS2 identifiers')}</caption>
        <thead>
          <tr>
            <th>{t('Tên (mã của baocao)', 'Name (baocao code)')}</th>
            <th>UID</th>
            <th>{t('Mã DHIS2', 'DHIS2 code')}</th>
            {can('interop.manage') && (
              <th>
                <span className="visually-hidden">{t('Thao tác', 'Action')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {shown.map((x) =>
            editing === x.code ? (
              <tr key={x.code}>
                <th scope="row">{named(x)}</th>
                <td colSpan={can('interop.manage') ? 3 : 2}>
                  <form className="inline-form" onSubmit={(e) => save(e, x.code)}>
                    <label>
                      UID{' '}
                      <input
                        name="uid"
                        defaultValue={x.uid}
                        required
                        pattern="[A-Za-z][A-Za-z0-9]{10}"
                        size={12}
                      />
                    </label>
                    <label>
                      {t('Mã DHIS2', 'DHIS2 code')}{' '}
                      <input name="dhis2Code" defaultValue={x.dhis2Code} required maxLength={50} />
                    </label>
                    <button type="submit">{t('Lưu', 'Save')}</button>
                    <button type="button" onClick={() => setEditing(null)}>
                      {t('Thôi', 'Cancel')}
                    </button>
                  </form>
                </td>
              </tr>
            ) : (
              <tr key={x.code}>
                <th scope="row">{named(x)}</th>
                <td data-label="UID">
                  <code>{x.uid}</code>
                </td>
                <td data-label={t('Mã DHIS2', 'DHIS2 code')}>{x.dhis2Code}</td>
                {can('interop.manage') && (
                  <td>
                    <button type="button" onClick={() => setEditing(x.code)}>
                      {t('Sửa', 'Edit')}
                      <span className="visually-hidden"> {lang === 'en' ? x.nameEn : x.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
