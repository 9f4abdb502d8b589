import { latestEndedPeriod } from '@baocao/core/browser';
import { useState } from 'react';
import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox, Loading, Status, SupportCode } from '../ui.tsx';
import { RegistryPanel } from './RegistryPanel.tsx';
import { PeriodPicker } from '../period-picker.tsx';
import { call } from '../client.ts';

/** The report editor: template and period, preview, section edits, number and date, Word, publish. */
export function ReportsPage() {
  const { t, query, navigate, lang, can } = useApp();
  const templates = useLoad(['GET /api/report-templates'], () => call('GET /api/report-templates'));
  const template = query.get('template') ?? templates.data?.[0]?.code ?? '';
  // Without a period asked for, the latest ended period of a type the template is written for.
  const kind = templates.data?.find((x) => x.code === template)?.periodTypes.find((p) => p !== 'R');
  const period =
    query.get('period') ?? (kind ? latestEndedPeriod(kind, new Date().toISOString().slice(0, 10)).id : '');
  const key = { template, period };
  const view = useLoad(['GET /api/reports', template, period], () =>
    template && period ? call('GET /api/reports', { query: key }) : Promise.resolve(null),
  );
  const { error, run } = useAction();
  const [stamp, setStamp] = useState(0);
  const act = async (fn: () => Promise<unknown>) => {
    if (await run(fn)) {
      view.reload();
      setStamp(Date.now());
    }
  };
  const set = (k: string, v: string) => navigate(`/reports?${qs({ ...key, [k]: v })}`);
  const v = view.data;
  const published = v?.report.status === 'published';
  // Editing controls only for those the policy lets edit; a leader reads and publishes.
  const editable = !published && can('report.write');
  return (
    <section>
      <h1>{t('Soạn báo cáo', 'Report editor')}</h1>
      <div className="toolbar">
        <label>
          {t('Mẫu báo cáo', 'Template')}{' '}
          <select value={template} onChange={(e) => set('template', e.target.value)}>
            {templates.data?.map((x) => (
              <option key={x.code} value={x.code}>
                {lang === 'en' ? x.nameEn : x.nameVi}
              </option>
            ))}
          </select>
        </label>
        <PeriodPicker
          value={period}
          kinds={templates.data
            ?.find((x) => x.code === template)
            ?.periodTypes.map((p) => (p === 'R' ? 'YTD' : p))}
          onChange={(v) => set('period', v)}
        />
        {v && <Status status={published ? 'approved' : 'draft'} />}
        {v && (
          <>
            <a className="button" href={`/api/reports?${qs({ ...key, format: 'docx' })}`}>
              {t('Tải Word', 'Download Word')}
            </a>
            <a className="button" href={`/api/reports?${qs({ ...key, format: 'md' })}`}>
              Markdown
            </a>
          </>
        )}
      </div>
      {(view.loading || templates.loading) && <Loading />}
      <ErrorBox error={view.error ?? templates.error ?? error} />
      {v && (
        <div className="editor">
          <div>
            {v.doc.warnings.length > 0 && (
              <ul className="warnings">
                {v.doc.warnings.map((w, i) => (
                  <li key={i}>
                    {lang === 'en' ? w.messageEn : w.message} <SupportCode codes={[w.code]} />
                  </li>
                ))}
              </ul>
            )}
            <form
              className="card"
              onSubmit={(e) => {
                e.preventDefault();
                const f = new FormData(e.currentTarget);
                act(() =>
                  call('PUT /api/reports/details', {
                    body: {
                      ...key,
                      number: String(f.get('number') ?? '') || null,
                      issuedOn: String(f.get('issuedOn') ?? '') || null,
                    },
                  }),
                );
              }}
            >
              <label>
                {t('Số, ký hiệu', 'Number')}{' '}
                <input name="number" defaultValue={v.report.number ?? ''} disabled={!editable} />
              </label>
              <label>
                {t('Ngày ban hành', 'Date')}{' '}
                <input
                  name="issuedOn"
                  type="date"
                  defaultValue={v.report.issuedOn ?? ''}
                  disabled={!editable}
                />
              </label>
              {editable && <button type="submit">{t('Lưu', 'Save')}</button>}
            </form>
            {v.doc.sections.map((s, n) => (
              <form
                key={s.id}
                className="card"
                onSubmit={(e) => {
                  e.preventDefault();
                  const text = String(new FormData(e.currentTarget).get('text') ?? '').trim();
                  act(() =>
                    call('PUT /api/reports/sections', {
                      body: {
                        ...key,
                        section: s.id,
                        mode: 'replace',
                        text: text || null,
                      },
                    }),
                  );
                }}
              >
                <h3>{sectionTitle(s.heading, n, t)}</h3>
                <textarea
                  name="text"
                  rows={3}
                  defaultValue={s.edited?.text ?? ''}
                  disabled={!editable}
                  placeholder={t(
                    'Để trống: dùng nội dung sinh từ số liệu',
                    'Empty: use the text generated from data',
                  )}
                  aria-label={sectionTitle(s.heading, n, t)}
                />
                {editable && <button type="submit">{t('Lưu mục', 'Save section')}</button>}
              </form>
            ))}
            {!published && can('report.publish') && (
              <button
                type="button"
                className="primary"
                onClick={() => act(() => call('POST /api/reports/publish', { body: key }))}
              >
                {t('Phát hành', 'Publish')}
              </button>
            )}
            <RegistryPanel period={period} />
          </div>
          <iframe
            key={stamp}
            title={t('Xem trước', 'Preview')}
            className="preview"
            src={`/api/reports?${qs({ ...key, format: 'html' })}`}
          />
        </div>
      )}
    </section>
  );
}

/** A section's heading, or what it is when the template gives it none (the opening, an untitled part). */
function sectionTitle(
  heading: string | null | undefined,
  n: number,
  t: (vi: string, en: string) => string,
): string {
  if (heading) return heading;
  return n === 0
    ? t('Mở đầu', 'Introduction')
    : t(`Mục ${n + 1} (không có tiêu đề)`, `Section ${n + 1} (untitled)`);
}
