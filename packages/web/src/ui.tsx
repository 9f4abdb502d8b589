import { STATUS_LABELS, formatNumberEn, formatNumberVi, labelOf } from '@baocao/core/browser';
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

/** A status word with its colour, e.g. "Đã duyệt", "Ước". */
export function Status({ status }: { status: string | null }) {
  const { lang } = useT();
  if (!status) return null;
  return <span className={`badge badge-${status}`}>{labelOf(STATUS_LABELS, status, lang)}</span>;
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

/** How much of a partial figure is in: "1/34 đơn vị đã báo cáo" (English: "1 of 34 units reported"). */
/** "3/34 ước tính bù, 4,1% tổng": the estimated part of an imputed figure, said beside its status. */
export function useImputed() {
  const { t } = useApp();
  const num = useNumber();
  return (c: { units: number; expected: number; sharePct: number }) =>
    t(
      '{units}/{expected} ước tính bù, {share}% tổng',
      '{units} of {expected} imputed, {share}% of the total',
      {
        units: c.units,
        expected: c.expected,
        share: num(c.sharePct, 1),
      },
    );
}

export function useCoverage() {
  const { t } = useApp();
  return (c: { reported: number; expected: number }) =>
    t(
      '{reported}/{expected} đơn vị đã báo cáo',
      '{reported} of {expected, plural, one {# unit} other {# units}} reported',
      c,
    );
}
