/**
 * What a value of one indicator may be, and the one reader of values typed by people or sent by
 * machines. Node-free: the web form shows the same verdict the server gives.
 */

import { MAX_ABS_VALUE } from '../schemas.ts';

const MAX_SIGNIFICANT = 15;

/** What an indicator accepts: decimal places (0 = whole numbers), sign and largest magnitude. */
export interface ValueRule {
  valueDecimals: number;
  nonNegative: boolean;
  maxValue: number | null;
}

export type ValueProblem =
  | 'NOT_A_NUMBER'
  | 'AMBIGUOUS_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'TOO_MANY_DECIMALS'
  | 'TOO_MANY_DIGITS'
  | 'OUT_OF_RANGE'
  | 'NEGATIVE_VALUE';

export type ValueVerdict = { value: number } | { error: ValueProblem; vi: string; en: string };

/** A decimal number spelled out: sign, digits and the power of ten they are scaled by. */
interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

function decimalOf(int: string, frac: string, exp: number, negative: boolean): Decimal {
  const all = `${int}${frac}`.replace(/^0+/, '');
  const digits = all.replace(/0+$/, '');
  if (digits === '') return { negative, digits, exponent: 0 }; // zero, however it is written
  return { negative, digits, exponent: exp - frac.length + (all.length - digits.length) };
}

/**
 * Spells out typed text as a decimal, or says why it cannot be read. `wholeNumbers`: for an
 * indicator without decimals a lone dot group is a thousands separator (`45.600`), as the app
 * prints such numbers; elsewhere `1.234` and `1,234` could be either and are refused as ambiguous.
 */
function readText(
  text: string,
  wholeNumbers: boolean,
  vi: boolean,
): Decimal | 'NOT_A_NUMBER' | 'AMBIGUOUS_NUMBER' {
  const s = text.trim().replace(/[\s\u00a0]/g, '');
  const m = /^([-+]?)(.*)$/.exec(s)!;
  const negative = m[1] === '-';
  const body = m[2]!;
  let g: RegExpExecArray | null;
  // Machine notation: 1234.5, 1.5e3.
  if ((g = /^(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d{1,6}))?$/.exec(body))) {
    const [, int, frac = '', exp = '0'] = g;
    if (!g[3] && /^[1-9]\d{0,2}$/.test(int!) && frac.length === 3) {
      if (wholeNumbers || vi) return decimalOf(`${int}${frac}`, '', 0, negative);
      return 'AMBIGUOUS_NUMBER';
    }
    return decimalOf(int!, frac, Number(exp), negative);
  }
  // Vietnamese notation: 2.820.865 and 2.820.865,5 (dots group thousands, the comma is decimal).
  if ((g = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(body)))
    return decimalOf(g[1]!.replace(/\./g, ''), g[2] ?? '', 0, negative);
  if ((g = /^(\d+),(\d+)$/.exec(body))) {
    // "1,234" is 1.234 in Vietnamese but 1234 in English: refuse rather than guess.
    if (/^[1-9]\d{0,2}$/.test(g[1]!) && g[2]!.length === 3 && !vi) return 'AMBIGUOUS_NUMBER';
    return decimalOf(g[1]!, g[2]!, 0, negative);
  }
  return 'NOT_A_NUMBER';
}

const decimalsOf = (d: Decimal) => Math.max(0, -d.exponent);

/**
 * The decimal a JavaScript number stands for, read at 15 significant digits: a spreadsheet's
 * formula result (0.1 + 0.2 = 0.30000000000000004) is the 0.3 its author meant. Digits beyond
 * that were lost before the number reached us; text and JSON literals are checked for them.
 */
function decimalOfNumber(x: number): Decimal {
  const [mant, exp = '0'] = Math.abs(x)
    .toExponential(MAX_SIGNIFICANT - 1)
    .split('e');
  const [int, frac = ''] = mant!.split('.');
  return decimalOf(int!, frac, Number(exp), x < 0);
}

/**
 * Reads one value for an indicator: text as people type it (`2.820.865`, `46,8`, `1234.5`) or a
 * number as machines send it. Refuses, with the reason in Vietnamese and English, anything the
 * indicator does not accept: never rounds, never guesses, never overflows. Text whose notation is
 * unknown (files, the API) leaves `1.234` and `1,234` ambiguous; `notation: 'vi'` (the web app's
 * fields, which say they take Vietnamese notation) reads them the Vietnamese way, 1234 and 1,234.
 */
export function readValue(input: string | number, rule: ValueRule, notation?: 'vi'): ValueVerdict {
  const whole = rule.valueDecimals === 0;
  let d: Decimal;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return problem('NOT_A_NUMBER', rule);
    d = decimalOfNumber(input);
  } else {
    const r = readText(input, whole, notation === 'vi');
    if (typeof r === 'string') return problem(r, rule);
    d = r;
  }
  if (d.digits.length > MAX_SIGNIFICANT) return problem('TOO_MANY_DIGITS', rule);
  if (decimalsOf(d) > rule.valueDecimals)
    return problem(whole ? 'NOT_AN_INTEGER' : 'TOO_MANY_DECIMALS', rule);
  const magnitude = d.digits === '' ? 0 : Number(`${d.digits}e${d.exponent}`);
  const max = Math.min(rule.maxValue ?? MAX_ABS_VALUE, MAX_ABS_VALUE);
  if (magnitude > max) return problem('OUT_OF_RANGE', rule);
  if (d.negative && magnitude !== 0 && rule.nonNegative) return problem('NEGATIVE_VALUE', rule);
  // Rounded at the accepted places to drop binary noise from the decimal → double step.
  const value = Number((d.negative ? -magnitude : magnitude).toFixed(rule.valueDecimals));
  return { value: Object.is(value, -0) ? 0 : value };
}

function problem(error: ValueProblem, rule: ValueRule): ValueVerdict {
  const max = Math.min(rule.maxValue ?? MAX_ABS_VALUE, MAX_ABS_VALUE);
  const maxVi = max.toLocaleString('vi-VN');
  const texts: Record<ValueProblem, [string, string]> = {
    NOT_A_NUMBER: ['không phải là số', 'is not a number'],
    AMBIGUOUS_NUMBER: [
      'không rõ dấu phân cách là hàng nghìn hay thập phân; viết 1234 hoặc 1234,5',
      'is ambiguous (thousands or decimal separator?); write 1234 or 1234.5',
    ],
    NOT_AN_INTEGER: ['phải là số nguyên', 'must be a whole number'],
    TOO_MANY_DECIMALS: [
      `có quá ${rule.valueDecimals} chữ số thập phân`,
      `has more than ${rule.valueDecimals} decimal places`,
    ],
    TOO_MANY_DIGITS: [
      `có quá ${MAX_SIGNIFICANT} chữ số có nghĩa (sẽ bị làm tròn)`,
      `has more than ${MAX_SIGNIFICANT} significant digits (it would be rounded)`,
    ],
    OUT_OF_RANGE: [`vượt quá giới hạn ${maxVi}`, `is over the limit of ${max.toLocaleString('en-US')}`],
    NEGATIVE_VALUE: ['không được âm', 'cannot be negative'],
  };
  const [vi, en] = texts[error];
  return { error, vi, en };
}
