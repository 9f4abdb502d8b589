/** A number as programs write it: decimal point, no grouping (`1234.5`, `-3`, `1e6`). */
export const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * A number from a machine format (DHIS2, SDMX), or null: `"1.234"` is one point two three four
 * there, never Vietnamese grouping, so such input is read here and not by the people-facing reader.
 */
export function readPlainNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  return typeof v === 'string' && PLAIN_NUMBER.test(v.trim()) ? Number(v.trim()) : null;
}

/**
 * Rounds half away from zero ("round half up" as statisticians use it) at `decimals` places.
 * Works on the shortest decimal representation so binary noise (1.005 → 1.00499…) does not
 * decide the rounding.
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  // A 15-significant-digit view drops binary noise before deciding on the kept digit.
  const scaled = Number(Math.abs(x).toPrecision(15)) * 10 ** decimals;
  const floor = Math.floor(scaled);
  const rest = Number((scaled - floor).toPrecision(12));
  const rounded = (rest >= 0.5 ? floor + 1 : floor) / 10 ** decimals;
  return sign * Number(rounded.toFixed(decimals));
}

/** Formats a number the Vietnamese way: `2.820.865`, `46,8`. Rounds half up at `decimals`. */
export function formatNumberVi(x: number, decimals = 0, opts: { trimZeros?: boolean } = {}): string {
  const r = roundHalfUp(x, decimals);
  let [int, frac = ''] = Math.abs(r).toFixed(decimals).split('.');
  int = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  if (opts.trimZeros) frac = frac.replace(/0+$/, '');
  const sign = r < 0 ? '-' : '';
  return frac ? `${sign}${int},${frac}` : `${sign}${int}`;
}

/** English formatting: `2,820,865`, `46.8`. */
export function formatNumberEn(x: number, decimals = 0, opts: { trimZeros?: boolean } = {}): string {
  return formatNumberVi(x, decimals, opts).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/** A percentage as the ministry prints it: `46,8%`, `20%` (trailing zeros dropped). */
export function formatPercentVi(pct: number, decimals = 1): string {
  return `${formatNumberVi(pct, decimals, { trimZeros: true })}%`;
}
