import { BaocaoError, type FieldError } from '../errors.ts';
import { type Period, parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { Indicator } from '../schemas.ts';
import { readValue } from '../values/value-rule.ts';
import type { RawValueRow } from '../values/validate.ts';

/** Rows named briefly: "dòng 2, 3, 4" or "dòng 2, 3, 4, 5, 6 và 35 dòng khác". */
function rowList(rows: number[], lang: 'vi' | 'en'): string {
  const shown = rows.slice(0, 5).join(', ');
  const more = rows.length - 5;
  if (lang === 'en') return `row${rows.length > 1 ? 's' : ''} ${shown}${more > 0 ? ` and ${more} more` : ''}`;
  return `dòng ${shown}${more > 0 ? ` và ${more} dòng khác` : ''}`;
}

/**
 * The values of a form's file, ready for the form's own checks: every row must be the form's unit
 * and period (a wrong one is said once, with its rows, in words a person reads); typed text is read
 * the way the web form reads it (`readValue` with Vietnamese notation, as the template's
 * instruction promises: "46.100" and "46,1" mean what they mean on screen); a file with no value
 * in its value column says that nothing was found rather than loading nothing.
 */
export function formFileValues(input: {
  rows: RawValueRow[];
  filename: string;
  unit: { code: string; nameVi: string; nameEn?: string | null };
  period: Period;
  indicators: readonly Indicator[];
  unitName: (code: string) => string | null;
}): {
  row: number;
  indicator: string;
  value: string | number | null;
  note: string | null;
  status: string | null;
}[] {
  const { unit, period } = input;
  const wrong = new Map<string, { field: 'unit' | 'period'; value: string; rows: number[] }>();
  for (const r of input.rows)
    for (const field of ['unit', 'period'] as const) {
      const v = String(r[field] ?? '')
        .trim()
        .toUpperCase();
      if (!v) continue;
      const ok = field === 'unit' ? v === unit.code : samePeriod(v, period);
      if (ok) continue;
      const k = `${field}|${v}`;
      const w = wrong.get(k) ?? { field, value: v, rows: [] };
      w.rows.push(r.row);
      wrong.set(k, w);
    }
  if (wrong.size > 0) {
    const details: FieldError[] = [...wrong.values()].map((w) => {
      const named = w.field === 'unit' ? input.unitName(w.value) : periodName(w.value);
      const what = named ? `${named} (${w.value})` : w.value;
      return {
        row: w.rows[0],
        field: w.field,
        code: 'WRONG_FORM',
        message:
          w.field === 'unit'
            ? `${cap(rowList(w.rows, 'vi'))}: đơn vị là ${what}, nhưng biểu mẫu này là của ${unit.nameVi}`
            : `${cap(rowList(w.rows, 'vi'))}: kỳ là ${what}, nhưng biểu mẫu này là ${periodLabelVi(period)}`,
        messageEn:
          w.field === 'unit'
            ? `${cap(rowList(w.rows, 'en'))}: the unit is ${w.value}, but this form is ${unit.nameEn ?? unit.code}'s`
            : `${cap(rowList(w.rows, 'en'))}: the period is ${w.value}, but this form is for ${period.id}`,
      };
    });
    throw new BaocaoError(
      'VALIDATION_FAILED',
      `Tệp ${input.filename} không phải của biểu mẫu này (${unit.nameVi}, ${periodLabelVi(period)}); không nạp gì`,
      `${input.filename} is not this form's file (${unit.code}, ${period.id}); nothing was loaded`,
      { details },
    );
  }
  const rules = new Map(input.indicators.map((i) => [i.code, i]));
  const values = input.rows.map((r) => {
    const code = String(r.indicator ?? '')
      .trim()
      .toUpperCase();
    const rule = rules.get(code);
    let value = r.value ?? null;
    if (typeof value === 'string' && rule) {
      const read = readValue(value, rule, 'vi');
      if (!('error' in read)) value = read.value;
    }
    return {
      row: r.row,
      indicator: String(r.indicator ?? ''),
      value,
      note: r.note ?? null,
      status: r.status ?? null,
    };
  });
  if (!values.some((v) => v.value !== null && String(v.value).trim() !== ''))
    throw new BaocaoError(
      'NO_VALUES_IN_FILE',
      `Không tìm thấy số liệu nào trong tệp ${input.filename}: cột "Giá trị" trống ở mọi dòng (số liệu có thể nằm ở cột khác); chưa nạp gì`,
      `No value found in ${input.filename}: the "value" column is empty on every row (the numbers may be in another column); nothing was loaded`,
    );
  return values;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function samePeriod(text: string, p: Period): boolean {
  try {
    return parsePeriod(text).id === p.id;
  } catch {
    return false;
  }
}

function periodName(text: string): string | null {
  try {
    return periodLabelVi(parsePeriod(text));
  } catch {
    return null;
  }
}
