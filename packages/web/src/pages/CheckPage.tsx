import type { CheckResult } from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { ErrorBox, SupportCode } from '../ui.tsx';
import { call } from '../client.ts';

type Mark = { start: number; end: number; className: string; title: string };

/** The text with its findings marked, and the comparisons it read marked as checked or not checked. */
function marksOf(r: CheckResult, lang: 'vi' | 'en'): Mark[] {
  const findings: Mark[] = r.findings.map((f) => ({
    start: f.start,
    end: f.end,
    className: `finding sev-${f.severity}`,
    title: lang === 'en' ? f.messageEn : f.message,
  }));
  const read: Mark[] = r.read.map((x) => {
    // A checked rate may still name a year the checker did not judge: its title says why.
    const year = x.yearChecked === false ? ((lang === 'en' ? x.yearReasonEn : x.yearReason) ?? '') : '';
    const checked = lang === 'en' ? 'Checked' : 'Đã kiểm tra';
    return {
      start: x.start,
      end: x.end,
      className: `${x.checked ? 'read-checked' : 'read-unchecked'}${year ? ' year-unjudged' : ''}`,
      title: [x.checked ? checked : ((lang === 'en' ? x.reasonEn : x.reason) ?? ''), year]
        .filter(Boolean)
        .join('; '),
    };
  });
  // Findings first: where a finding lies inside a statement, the finding is marked and the rest of
  // the statement around it keeps its checked / not-checked mark.
  const out: Mark[] = [];
  for (const f of findings.sort((a, b) => a.start - b.start))
    if (!out.some((o) => o.start < f.end && f.start < o.end)) out.push(f);
  const taken = [...out];
  for (const m of read) {
    let pieces = [{ start: m.start, end: m.end }];
    for (const f of taken)
      pieces = pieces.flatMap((p) =>
        f.end <= p.start || p.end <= f.start
          ? [p]
          : [
              { start: p.start, end: f.start },
              { start: f.end, end: p.end },
            ].filter((x) => x.end > x.start),
      );
    for (const p of pieces)
      if (!out.some((o) => o.start < p.end && p.start < o.end)) out.push({ ...m, ...p });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Paste statistical text; see each slip marked where it is, and what was (and was not) checked. */
export function CheckPage() {
  const { t, lang } = useApp();
  const [text, setText] = useState('');
  const [result, setResult] = useState<(CheckResult & { text: string }) | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const check = async () => {
    setError(null);
    try {
      const r = await call('POST /api/check', { body: { text } });
      setResult({ text, ...r });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const marked: React.ReactNode[] = [];
  if (result) {
    let at = 0;
    for (const [i, m] of marksOf(result, lang).entries()) {
      marked.push(result.text.slice(at, m.start));
      marked.push(
        <mark key={i} className={m.className} title={m.title}>
          {result.text.slice(m.start, m.end)}
        </mark>,
      );
      at = m.end;
    }
    marked.push(result.text.slice(at));
  }
  const unchecked = result?.read.filter((x) => !x.checked) ?? [];
  const yearOpen = result?.read.filter((x) => x.yearChecked === false) ?? [];
  const errors = result?.findings.filter((f) => f.severity !== 'info') ?? [];
  const typography = result?.findings.filter((f) => f.severity === 'info') ?? [];
  return (
    <section>
      <h1>{t('Kiểm tra số liệu trong văn bản', 'Fact-check statistical text')}</h1>
      <label>
        {t('Dán văn bản cần kiểm tra', 'Paste the text to check')}
        <textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" className="primary" disabled={!text.trim()} onClick={check}>
        {t('Kiểm tra', 'Check')}
      </button>
      <ErrorBox error={error} />
      {result && (
        <>
          <p role="status">
            {t(
              '{statements} câu có số liệu; {findings} điểm cần xem lại; {checked} phép so sánh đã kiểm tra, {unchecked} chưa kiểm tra được.',
              '{statements, plural, one {# statistical statement} other {# statistical statements}}; {findings, plural, =0 {nothing to review} one {# finding} other {# findings}}; {checked, plural, one {# comparison} other {# comparisons}} checked, {unchecked} not checked.',
              {
                statements: result.statements,
                findings: errors.length,
                checked: result.read.length - unchecked.length,
                unchecked: unchecked.length,
              },
            )}
          </p>
          <p className="legend small">
            <mark className="finding sev-error">{t('Sai', 'Wrong')}</mark>{' '}
            <mark className="read-checked">{t('Đã kiểm tra', 'Checked')}</mark>{' '}
            <mark className="read-unchecked">{t('Chưa kiểm tra được', 'Not checked')}</mark>{' '}
            <mark className="read-checked year-unjudged">
              {t('Năm so sánh chưa đối chiếu', 'Comparison year not judged')}
            </mark>
          </p>
          <ul className="findings">
            {errors.map((f, i) => (
              <li key={i} className={`sev-${f.severity}`}>
                «{f.quote}» — {lang === 'en' ? f.messageEn : f.message}
                {/* A rate's message states both figures with their direction; others get the pair here. */}
                {f.expected && f.code !== 'RATE_MISMATCH' && f.code !== 'SHARE_MISMATCH' && (
                  <>
                    {' '}
                    ({t('ghi', 'stated')} {f.stated}, {t('đúng là', 'correct')} <strong>{f.expected}</strong>)
                  </>
                )}
                <SupportCode codes={[f.code]} />
              </li>
            ))}
          </ul>
          <div className="checked-text">{marked}</div>
          {typography.length > 0 && (
            <details>
              <summary>
                {t('{n} lưu ý trình bày', '{n, plural, one {# note} other {# notes}} on typography', {
                  n: typography.length,
                })}
              </summary>
              <ul>
                {typography.map((f, i) => (
                  <li key={i}>
                    «{f.quote}» — {lang === 'en' ? f.messageEn : f.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {unchecked.length > 0 && (
            <details>
              <summary>
                {t(
                  '{n} phép so sánh chưa kiểm tra được',
                  '{n, plural, one {# comparison} other {# comparisons}} not checked',
                  {
                    n: unchecked.length,
                  },
                )}
              </summary>
              <ul>
                {unchecked.map((x, i) => (
                  <li key={i}>
                    «{x.quote}» — {lang === 'en' ? x.reasonEn : x.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {yearOpen.length > 0 && (
            <details className="year-unjudged-list">
              <summary>
                {t(
                  '{n} năm so sánh chưa đối chiếu',
                  '{n, plural, one {# comparison year} other {# comparison years}} not judged',
                  { n: yearOpen.length },
                )}
              </summary>
              <ul>
                {yearOpen.map((x, i) => (
                  <li key={i}>
                    «{x.quote}» — {lang === 'en' ? x.yearReasonEn : x.yearReason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
