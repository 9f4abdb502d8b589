import { latestEndedPeriod } from '@baocao/core/browser';
import { useState } from 'react';
import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox, Loading, Status, SupportCode } from '../ui.tsx';
import { RegistryPanel } from './RegistryPanel.tsx';
import { ReportSectionCard } from './ReportSectionCard.tsx';
import { useFormat } from '../format.ts';
import { PeriodPicker } from '../period-picker.tsx';
import { call } from '../client.ts';

/** The report editor: template and period, preview, section edits, number and date, Word, publish. */
export function ReportsPage() {
  const { t, query, navigate, lang } = useApp();
  const fmt = useFormat();
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
  const act = async (fn: () => Promise<unknown>): Promise<boolean> => {
    if (!(await run(fn))) return false;
    view.reload();
    setStamp(Date.now());
    return true;
  };
  const set = (k: string, v: string) => navigate(`/reports?${qs({ ...key, [k]: v })}`);
  const v = view.data;
  const figures = new Map((v?.doc.figures ?? []).map((f) => [f.id, f]));
  const published = v !== undefined && v !== null && v.report.publishedAt !== null;
  // Editing controls only for those the policy lets edit; a leader reads and publishes.
  const editable = v?.report.abilities.edit ?? false;
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
            <a
              className="button"
              href={`/api/reports?${qs({ ...key, format: 'html' })}`}
              target="_blank"
              rel="noopener"
            >
              {t('Xem bản in', 'Print view')}
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
              <details className="warnings">
                <summary>
                  {t(
                    '{n} điểm cần kiểm tra trước khi phát hành',
                    '{n, plural, one {# point} other {# points}} to check before publishing',
                    { n: v.doc.warnings.length },
                  )}
                </summary>
                <ul>
                  {v.doc.warnings.map((w, i) => (
                    <li key={i}>{lang === 'en' ? w.messageEn : w.message}</li>
                  ))}
                </ul>
                <SupportCode codes={[...new Set(v.doc.warnings.map((w) => w.code))]} />
              </details>
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
              <ReportSectionCard
                key={s.id}
                section={s}
                title={sectionTitle(s.heading, n, t)}
                figures={figures}
                editable={editable}
                onSave={(text) =>
                  act(() =>
                    call('PUT /api/reports/sections', {
                      body: { ...key, section: s.id, mode: 'replace', text },
                    }),
                  )
                }
              />
            ))}
            {v?.report.abilities.publish && (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  // What becomes public, and what is still missing, before the one click that publishes.
                  const ask = t(
                    'Phát hành báo cáo "{name}" {period}: văn bản sẽ hiện trên trang công khai và không sửa được nữa.',
                    'Publish "{name}" for {period}: the document appears on the public page and can no longer change.',
                    { name: v.doc.templateName, period: fmt.period(period) },
                  );
                  const gaps = v.doc.warnings.length
                    ? '\n\n' +
                      t(
                        'Còn {n} điểm cần kiểm tra (số liệu thiếu, chưa đầy đủ…).',
                        '{n, plural, one {# point} other {# points}} still to check (missing or partial figures…).',
                        { n: v.doc.warnings.length },
                      )
                    : '';
                  if (confirm(ask + gaps)) void act(() => call('POST /api/reports/publish', { body: key }));
                }}
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
