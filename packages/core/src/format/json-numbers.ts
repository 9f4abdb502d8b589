import { BaocaoError } from '../errors.ts';

// A JSON string (skipped) or a number literal (captured).
const TOKEN = /"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g;

/**
 * Parses JSON text like JSON.parse, but refuses a number literal that a double cannot hold as
 * written — more than 15 significant digits (30-digit amounts would be rounded silently), or a
 * magnitude that becomes 0 or Infinity (`1e-400`, `1e400`) — naming the literal. Send such values
 * as strings; the value rules then say precisely what is wrong.
 */
export function parseJsonExact(text: string): unknown {
  for (const m of text.matchAll(TOKEN)) {
    const lit = m[1];
    if (lit === undefined) continue;
    const [mant = ''] = lit.replace('-', '').split(/[eE]/);
    const digits = mant.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
    const n = Number(lit);
    if (digits.length > 15 || !Number.isFinite(n) || (n === 0 && digits.length > 0)) {
      const shown = lit.length > 40 ? `${lit.slice(0, 40)}…` : lit;
      throw new BaocaoError(
        'UNSAFE_NUMBER',
        `Số ${shown} (vị trí ${m.index}) không biểu diễn chính xác được (quá 15 chữ số có nghĩa, quá lớn hoặc quá nhỏ); gửi dưới dạng chuỗi`,
        `The number ${shown} (offset ${m.index}) cannot be held exactly (over 15 significant digits, or too large or too small); send it as a string`,
      );
    }
  }
  return JSON.parse(text);
}
