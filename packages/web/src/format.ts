import {
  type Labels,
  formatDateVi,
  labelOf,
  parsePeriod,
  periodLabel,
  periodShortLabel,
} from '@baocao/core/browser';
import { useMemo } from 'react';
import { useT } from './app-context.tsx';

const EN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * How periods, dates and codes read in the chosen language: "tháng 8/2024" and "T8/2024" (never
 * "2024M08"), "07/8/2024" (never "2024-08-07"), "Cán bộ tổng hợp" (never "officer").
 */
export function useFormat() {
  const { lang } = useT();
  // Stable per language, so charts and memoised values built from these are not rebuilt each render.
  return useMemo(() => formatters(lang), [lang]);
}

function formatters(lang: 'vi' | 'en') {
  const period = (id: string) => {
    try {
      return periodLabel(parsePeriod(id), lang);
    } catch {
      return id;
    }
  };
  const periodShort = (id: string) => {
    try {
      return periodShortLabel(parsePeriod(id), lang);
    } catch {
      return id;
    }
  };
  const date = (iso: string | null | undefined) =>
    !iso ? '—' : lang === 'en' ? EN_DATE.format(new Date(iso.slice(0, 10))) : formatDateVi(iso);
  // A moment in the reader's local time, "14:05 07/8/2024": when a form was sent or a value changed.
  const dateTime = (iso: string | null | undefined) => {
    if (!iso) return '—';
    const at = new Date(iso);
    const day = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    return `${TIME.format(at)} ${date(day)}`;
  };
  const label = <K extends string>(table: Labels<K>, code: string) => labelOf(table, code, lang);
  return { period, periodShort, date, dateTime, label };
}
