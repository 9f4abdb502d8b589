import { formatNumberEn, formatNumberVi, formatShareVi, roundHalfUp } from '@baocao/core/browser';
import { type ReactNode, useCallback } from 'react';
import { ApiError } from './api.ts';
import { useApp, useT } from './app-context.tsx';

/** An error as the user should see it: what went wrong and what to do, in the chosen language. */
export function ErrorBox({ error }: { error: Error | null }) {
  const { lang } = useApp();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const head = api && lang === 'en' ? api.messageEn : error.message;
  // Each reason once: a refusal whose one detail repeats its headline shows the headline alone.
  const details = (api?.details ?? []).filter(
    (d) => (lang === 'en' ? d.messageEn : d.message) !== head || d.row !== undefined,
  );
  const codes = api ? [...new Set([api.code, ...details.map((d) => d.code)])] : [];
  return (
    <div className="error" role="alert">
      <strong>{head}</strong>
      {details.length ? (
        <ul>
          {details.map((d, i) => (
            <li key={i}>{lang === 'en' ? d.messageEn : d.message}</li>
          ))}
        </ul>
      ) : null}
      <SupportCode codes={codes} />
    </div>
  );
}

/**
 * The codes behind a message, on a details line for support staff: people read the message in
 * their language; the code (INVALID_CREDENTIALS, DUPLICATE_ITEM) is what they quote on the phone.
 */
export function SupportCode({ codes }: { codes: string[] }) {
  const { t } = useT();
  if (!codes.length) return null;
  return (
    <small className="support">
      {t('Mã hỗ trợ', 'Support code')}: {codes.join(', ')}
    </small>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <p className="muted" aria-busy="true">
      {t('Đang tải…', 'Loading…')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

const STATUS_VI: Record<string, [string, string]> = {
  missing: ['Chưa nhập', 'Not started'],
  draft: ['Bản nháp', 'Draft'],
  submitted: ['Đã gửi, chờ duyệt', 'Submitted'],
  returned: ['Bị trả lại', 'Returned'],
  approved: ['Đã duyệt', 'Approved'],
  estimate: ['Ước', 'Estimate'],
  official: ['Chính thức', 'Official'],
  partial: ['Chưa đầy đủ', 'Partial'],
};

/** A status word with its colour, e.g. "Đã duyệt", "Ước". */
export function Status({ status }: { status: string | null }) {
  const { t } = useApp();
  if (!status) return null;
  const [vi, en] = STATUS_VI[status] ?? [status, status];
  return <span className={`badge badge-${status}`}>{t(vi, en)}</span>;
}

/** Formats a figure at its precision the Vietnamese (or English) way; never invents one. */
export function useNumber() {
  const { lang } = useApp();
  // Stable per language, so charts built from it are not rebuilt on every render.
  return useCallback(
    (x: number | null | undefined, decimals = 0) =>
      x === null || x === undefined ? '—' : (lang === 'en' ? formatNumberEn : formatNumberVi)(x, decimals),
    [lang],
  );
}

/** A period typed as its identifier (2024M08, 2024Q1, 2024M01-M08), applied on Enter. */
export function PeriodInput({ value, onChange }: { value: string; onChange(period: string): void }) {
  const { t } = useApp();
  return (
    <label>
      {t('Kỳ', 'Period')}{' '}
      <input
        defaultValue={value}
        key={value}
        placeholder="2024M08"
        size={12}
        onKeyDown={(e) => e.key === 'Enter' && onChange(e.currentTarget.value.trim())}
      />
    </label>
  );
}

/** A change as the ministry says it: "tăng 23,7%", "giảm 0,9%", "tương đương" (English: "up 23.7%"). */
export function useChange() {
  const { t, lang } = useApp();
  return (pct: number | null) => {
    if (pct === null) return null;
    if (Math.abs(pct) < 0.05) return t('tương đương', 'about the same');
    // One decimal, its % sign, and the reader's own decimal mark: "giảm 0,9%", "down 0.9%".
    const size =
      lang === 'en'
        ? formatNumberEn(roundHalfUp(Math.abs(pct), 1), 1, { trimZeros: true })
        : formatShareVi(Math.abs(pct));
    return `${pct > 0 ? t('tăng', 'up') : t('giảm', 'down')} ${size}%`;
  };
}

/** How much of a partial figure is in: "1/34 đơn vị đã báo cáo" (English: "1 of 34 units reported"). */
export function useCoverage() {
  const { t } = useApp();
  return (c: { reported: number; expected: number }) =>
    t(
      '{reported}/{expected} đơn vị đã báo cáo',
      '{reported} of {expected, plural, one {# unit} other {# units}} reported',
      c,
    );
}
