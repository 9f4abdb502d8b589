/**
 * The explanation and acknowledgement flow over quality flags, whatever their source: at submit an
 * error flag refuses the form and a warning flag needs the reporter's explanation of that value;
 * at approval every flagged value needs the reviewer's explicit acknowledgement.
 */
import { BaocaoError, type FieldError } from '../errors.ts';
import { ACKNOWLEDGE_EN, ACKNOWLEDGE_VI, type QualityFlag } from './flag-schemas.ts';

const flagError = (f: QualityFlag, row: number | undefined): FieldError => ({
  ...(row === undefined ? {} : { row }),
  field: f.indicator,
  code: 'RULE_VIOLATION',
  message: `${row === undefined ? '' : `Dòng ${row}: `}${f.indicator}: ${f.vi}`,
  messageEn: `${row === undefined ? '' : `Row ${row}: `}${f.indicator}: ${f.en}`,
});

/**
 * Refuses what is being written while an error flag stands (RULE_VIOLATION), each detail naming the
 * row (when known), the cell and the rule: a submission, and a form file uploaded as a draft (a
 * file is refused like an import, not saved with an error in it).
 */
export function refuseErrorFlags(
  flags: QualityFlag[],
  rowOf: (indicator: string) => number | undefined,
  what: { vi: string; en: string },
): void {
  const errors = flags.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  throw new BaocaoError(
    'RULE_VIOLATION',
    `${what.vi}: ${errors.length} lỗi theo quy tắc kiểm tra — ${errors[0]!.vi}`,
    `${what.en}: ${errors.length} rule error(s) — ${errors[0]!.en}`,
    { details: errors.map((f) => flagError(f, rowOf(f.indicator))) },
  );
}

/**
 * Refuses a submission: RULE_VIOLATION while an error flag stands (each named with its row, cell
 * and rule), EXPLANATION_REQUIRED while a warning-flagged value has no explanation.
 */
export function requireSubmittable(
  flags: QualityFlag[],
  values: { indicator: string; explanation?: string | null | undefined }[],
  rowOf: (indicator: string) => number | undefined,
): void {
  refuseErrorFlags(flags, rowOf, { vi: 'Chưa gửi được', en: 'Not submitted' });
  const explained = new Set(values.filter((v) => v.explanation?.trim()).map((v) => v.indicator));
  const missing = flags.filter((f) => f.severity === 'warning' && !explained.has(f.indicator));
  if (missing.length > 0)
    throw new BaocaoError(
      'EXPLANATION_REQUIRED',
      `Chưa gửi được: ${missing.length} giá trị cần giải trình — ${missing[0]!.vi}`,
      `Not submitted: ${missing.length} value(s) need an explanation — ${missing[0]!.en}`,
      {
        details: missing.map((f) => ({
          ...flagError(f, rowOf(f.indicator)),
          code: 'EXPLANATION_REQUIRED',
          message: `${f.indicator}: cần giải trình giá trị này trước khi gửi`,
          messageEn: `${f.indicator}: explain this value before submitting`,
        })),
      },
    );
}

/**
 * Refuses an approval unless every flagged value is acknowledged (its indicator in `acknowledged`);
 * an error flag cannot be acknowledged away: the form goes back to its unit.
 */
export function requireAcknowledged(flags: QualityFlag[], acknowledged: readonly string[]): void {
  const errors = flags.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw new BaocaoError(
      'RULE_VIOLATION',
      `Không duyệt được: ${errors.length} lỗi theo quy tắc kiểm tra — ${errors[0]!.vi}; trả lại để đơn vị sửa`,
      `Cannot approve: ${errors.length} rule error(s) — ${errors[0]!.en}; return the form for correction`,
      { status: 409, details: errors.map((f) => flagError(f, undefined)) },
    );
  const ack = new Set(acknowledged.map((a) => a.trim().toUpperCase()));
  const missing = flags.filter((f) => !ack.has(f.indicator));
  if (missing.length > 0)
    throw new BaocaoError(
      'ACKNOWLEDGEMENT_REQUIRED',
      `Không duyệt được: ${missing.length} giá trị bất thường chưa được xác nhận ("${ACKNOWLEDGE_VI}")`,
      `Cannot approve: ${missing.length} flagged value(s) not acknowledged ("${ACKNOWLEDGE_EN}")`,
      {
        status: 409,
        details: missing.map((f) => ({
          field: f.indicator,
          code: 'ACKNOWLEDGEMENT_REQUIRED',
          message: `${f.indicator}: ${f.vi}`,
          messageEn: `${f.indicator}: ${f.en}`,
        })),
      },
    );
}
