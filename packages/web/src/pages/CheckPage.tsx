import type { CheckResult } from '@baocao/core/browser';
import { useState } from 'react';
import { useApp } from '../app-context.tsx';
import { ErrorBox, SupportCode } from '../ui.tsx';
import { call } from '../client.ts';

/** Paste statistical text; see each slip marked where it is, with the correct figure. */
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
    result.findings.forEach((f, i) => {
      if (f.start < at) return;
      marked.push(result.text.slice(at, f.start));
      marked.push(
        <mark key={i} title={lang === 'en' ? f.messageEn : f.message}>
          {result.text.slice(f.start, f.end)}
        </mark>,
      );
      at = f.end;
    });
    marked.push(result.text.slice(at));
  }
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
              '{statements} câu có số liệu; {findings} điểm cần xem lại.',
              '{statements, plural, one {# statistical statement} other {# statistical statements}}; {findings, plural, =0 {nothing to review} one {# finding} other {# findings}}.',
              { statements: result.statements, findings: result.findings.length },
            )}
          </p>
          <ul className="findings">
            {result.findings.map((f, i) => (
              <li key={i} className={`sev-${f.severity}`}>
                «{f.quote}» — {lang === 'en' ? f.messageEn : f.message}
                {f.expected && (
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
        </>
      )}
    </section>
  );
}
