import { BaocaoError } from '../errors.ts';

/**
 * Deepest nesting of arrays and objects a JSON body may have. Our deepest shape (an SDMX-JSON data
 * message: data → dataSets → series → observations → values) is under 10 levels; 64 leaves room for
 * any honest client while no reader of the parsed value can be driven into deep recursion.
 */
export const JSON_MAX_DEPTH = 64;

/** A number literal exactly as JSON writes one (checked on the literal alone, so it is linear). */
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Characters a number literal (or a malformed one JSON.parse will refuse) is made of. */
const inNumber = (c: number) =>
  isDigit(c) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

const unsafeNumber = (lit: string, at: number) => {
  const shown = lit.length > 40 ? `${lit.slice(0, 40)}…` : lit;
  return new BaocaoError(
    'UNSAFE_NUMBER',
    `Số ${shown} (vị trí ${at}) không biểu diễn chính xác được (quá 15 chữ số có nghĩa, quá lớn hoặc quá nhỏ); gửi dưới dạng chuỗi`,
    `The number ${shown} (offset ${at}) cannot be held exactly (over 15 significant digits, or too large or too small); send it as a string`,
  );
};

const tooDeep = (at: number) =>
  new BaocaoError(
    'JSON_TOO_DEEP',
    `JSON lồng nhau quá ${JSON_MAX_DEPTH} cấp (vị trí ${at}); không đọc`,
    `JSON nested deeper than ${JSON_MAX_DEPTH} levels (offset ${at}); not read`,
  );

const protoKey = (at: number) =>
  new BaocaoError(
    'FORBIDDEN_KEY',
    `JSON có khóa "__proto__" (vị trí ${at}); không đọc`,
    `JSON holds the key "__proto__" (offset ${at}); not read`,
  );

/** Significant digits of a number literal's mantissa, counted without a regular expression. */
function significantDigits(lit: string): number {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < lit.length; i++) {
    const c = lit.charCodeAt(i);
    if (c === 0x65 || c === 0x45) break;
    if (!isDigit(c)) continue;
    if (c !== 0x30) {
      if (first < 0) first = count;
      last = count;
    }
    count++;
  }
  return first < 0 ? 0 : last - first + 1;
}

/** Refuses a literal a double cannot hold as written: over 15 significant digits, or 0/Infinity. */
function checkNumber(lit: string, at: number): void {
  if (!NUMBER.test(lit)) return; // malformed: JSON.parse names it
  const digits = significantDigits(lit);
  if (digits > 15) throw unsafeNumber(lit, at);
  const n = Number(lit);
  if (!Number.isFinite(n) || (n === 0 && digits > 0)) throw unsafeNumber(lit, at);
}

/**
 * One pass over JSON text, linear in its length: refuses nesting deeper than
 * {@link JSON_MAX_DEPTH}, a `__proto__` key, and a number literal a double cannot hold; leaves
 * every other fault (an unterminated string, a stray comma) to JSON.parse. No regular expression
 * runs over the text as a whole, so no input can make it backtrack.
 */
export function checkJsonText(text: string): void {
  const n = text.length;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i++;
      let escaped = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i += 2;
        } else if (d === QUOTE) break;
        else i++;
      }
      const end = Math.min(i, n);
      i = end + 1;
      // A key that is `__proto__`, written plainly (9 characters) or with escapes (at most 54).
      const len = end - start - 1;
      if (len === 9 || (escaped && len <= 54)) {
        let j = i;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === 0x3a && keyText(text.slice(start, end + 1)) === '__proto__')
          throw protoKey(start);
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > JSON_MAX_DEPTH) throw tooDeep(i);
      i++;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
      i++;
    } else if (c === 0x2d || isDigit(c)) {
      const start = i;
      let exponent = false;
      for (let d = c; i < n && inNumber(d); d = text.charCodeAt(++i)) exponent ||= d === 0x65 || d === 0x45;
      // Up to 15 characters without an exponent, a literal always fits a double exactly.
      if (exponent || i - start > 15) checkNumber(text.slice(start, i), start);
    } else i++;
  }
}

/** A short string token's value, or null when it is not a valid JSON string. */
function keyText(token: string): string | null {
  try {
    const v: unknown = JSON.parse(token);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Parses JSON text like JSON.parse, but refuses a number literal that a double cannot hold as
 * written — more than 15 significant digits (30-digit amounts would be rounded silently), or a
 * magnitude that becomes 0 or Infinity (`1e-400`, `1e400`) — naming the literal, nesting deeper than
 * {@link JSON_MAX_DEPTH}, and a `__proto__` key. Linear in the text's length. Send such numbers as
 * strings; the value rules then say precisely what is wrong.
 */
export function parseJsonExact(text: string): unknown {
  checkJsonText(text);
  return JSON.parse(text);
}
