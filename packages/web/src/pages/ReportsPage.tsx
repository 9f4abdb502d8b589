import { latestEndedPeriod, todayInVietnam } from '@baocao/core/browser';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { qs } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { ErrorBox, Loading, SupportCode } from '../ui.tsx';
import { RegistryPanel } from './RegistryPanel.tsx';
import { ReportSectionCard } from './ReportSectionCard.tsx';
import { useFormat } from '../format.ts';
import { PeriodPicker, type PeriodKind, periodForKinds } from '../period-picker.tsx';
import { call } from '../client.ts';

const LAST_CHOICE = 'baocao.report';

/** The report editor: template and period, preview, section edits, number and date, Word, publish. */
export function ReportsPage() {
  const { t, query, navigate, lang } = useApp();
  const fmt = useFormat();
  const templates = useLoad(['GET /api/report-templates'], () => call('GET /api/report-templates'));
  // The menu link carries no choice: the last template and period chosen here are kept.
  const last = new URLSearchParams(localStorage.getItem(LAST_CHOICE) ?? '');
  const asked = query.get('template') ?? last.get('template');
  const chosen = templates.data?.find((x) => x.code === asked) ?? templates.data?.[0];
  const template = chosen?.code ?? '';
  const kinds = chosen?.periodTypes.map((p): PeriodKind => (p === 'R' ? 'YTD' : p)) ?? [];
  const today = todayInVietnam();
  // Without a period asked for, the latest ended period of a type the template is written for;
  // a period of another type (kept from another template) becomes one of this template's.
  const kind = chosen?.periodTypes.find((p) => p !== 'R');
  const wanted =
    (query.get('template') ? query.get('period') : last.get('period')) ??
    (kind ? latestEndedPeriod(kind, today).id : '');
  const period = wanted && kinds.length ? periodForKinds(wanted, kinds, today) : '';
  useEffect(() => {
    if (template && period) localStorage.setItem(LAST_CHOICE, qs({ template, period }));
  }, [template, period]);
  const key = { template, period };
  const view = useLoad(['GET /api/reports', template, period], () =>
    template && period ? call('GET /api/reports', { query: key }) : Promise.resolve(null),
  );
  const { error, run } = useAction();
  const [stamp, setStamp] = useState(0);
  // The page-like preview is a second build of the whole report: a phone, which shows the sections
  // in place, does not fetch it at all (on a slow link it would compete with the page itself).
  const [wide] = useState(() => matchMedia('(min-width: 641px)').matches);
  const act = async (fn: () => Promise<unknown>): Promise<boolean> => {
    if (!(await run(fn))) return false;
    view.reload();
    setStamp(Date.now());
    return true;
  };
  const set = (k: string, v: string) => navigate(`/reports?${qs({ ...key, [k]: v })}`);
  // Choosing a template moves the period to one the template is written for (a quarter to its last month).
  const setTemplate = (code: string) => {
    const next = templates.data?.find((x) => x.code === code);
    const nextKinds = next?.periodTypes.map((p): PeriodKind => (p === 'R' ? 'YTD' : p)) ?? [];
    navigate(`/reports?${qs({ template: code, period: periodForKinds(period, nextKinds, today) })}`);
  };
  const v = view.data;
  // A link to a section (`#muc-nhiem-vu`, from a task that appeared in it) opens the report there:
  // the section's card is scrolled to once the report has come, and the preview opens at it too
  // (previewAt).
  const { hash } = useLocation();
  const anchor = /^#muc-[\w-]+$/.test(hash) ? hash : '';
  const scrolled = useRef('');
  useEffect(() => {
    if (!v || !anchor || scrolled.current === anchor) return;
    const card = document.getElementById(anchor.slice(1));
    if (!card) return;
    scrolled.current = anchor;
    card.scrollIntoView({ block: 'start' });
  }, [v, anchor]);
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
          <select value={template} onChange={(e) => setTemplate(e.target.value)}>
            {templates.data?.map((x) => (
              <option key={x.code} value={x.code}>
                {lang === 'en' ? x.nameEn : x.nameVi}
              </option>
            ))}
          </select>
        </label>
        {chosen && <PeriodPicker value={period} kinds={kinds} onChange={(v) => set('period', v)} />}
        {v && (
          <span className={`badge badge-${published ? 'approved' : 'draft'}`}>
            {published ? t('Đã phát hành', 'Published') : t('Bản nháp', 'Draft')}
          </span>
        )}
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
            {!published && v.doc.warnings.length > 0 && (
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
                title={sectionTitle(s, n, t)}
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
          {wide && (
            <iframe
              key={stamp}
              title={t('Xem trước', 'Preview')}
              className="preview"
              src={`/api/reports?${qs({ ...key, format: 'html' })}`}
              onLoad={(e) => previewAt(e.currentTarget, anchor)}
            />
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Scrolls the preview (same origin) to the section a link names. Not by a `#` in its address: a
 * fragment inside a frame also scrolls the page around it, away from the section's card.
 */
function previewAt(frame: HTMLIFrameElement, anchor: string) {
  const win = frame.contentWindow;
  const at = anchor ? win?.document.getElementById(anchor.slice(1)) : null;
  if (win && at) win.scrollTo(0, at.getBoundingClientRect().top + win.scrollY);
}

/**
 * A section's heading, or what it is when the template gives it none: the opening, or an untitled
 * part named by its first words ("Mục 6: Số vụ tấn công mạng…").
 */
function sectionTitle(
  s: { heading: string | null; blocks: { type: string; text?: string; items?: { text: string }[] }[] },
  n: number,
  t: (vi: string, en: string) => string,
): string {
  if (s.heading) return s.heading;
  if (n === 0) return t('Mở đầu', 'Introduction');
  const first = s.blocks.map((b) => b.text ?? b.items?.[0]?.text ?? '').find(Boolean) ?? '';
  const words = first.split(/\s+/).slice(0, 8).join(' ');
  return `${t('Mục', 'Section')} ${n + 1}${words ? `: ${words}…` : ''}`;
}
