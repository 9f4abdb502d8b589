import { PLAIN_NUMBER } from './number.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as it may be written to a CSV or XLSX that someone will open in a spreadsheet: text that
 * would start a formula (`=`, `+`, `-`, `@`, tab, carriage return — OWASP's rule for CSV
 * injection) is prefixed with an apostrophe, so it shows as the text it is and never runs. Numbers,
 * and text that is exactly a number (numeric columns come back from the store as text), are unchanged.
 */
export function safeCell<T>(v: T): T | string {
  if (typeof v !== 'string' || !FORMULA_START.test(v) || PLAIN_NUMBER.test(v)) return v;
  return `'${v}`;
}

/** The text a neutralised cell stood for, so a file we wrote reads back as it was stored. */
export function restoreCell(v: string): string {
  return v.startsWith("'") && FORMULA_START.test(v.slice(1)) && !PLAIN_NUMBER.test(v.slice(1))
    ? v.slice(1)
    : v;
}
