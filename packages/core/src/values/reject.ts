import { BaocaoError, type ErrorList, type FieldError, errorListOf, forbidden } from '../errors.ts';

/**
 * Throws the one error that carries every row error (the first ones listed, all counted by code);
 * FORBIDDEN (403) if any row is outside the actor's scope.
 */
export function rejectRows(errors: FieldError[] | ErrorList): never {
  const list = Array.isArray(errors) ? errorListOf(errors) : errors;
  list.listed.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const denied = list.listed.filter((e) => e.code === 'FORBIDDEN');
  if (denied.length > 0) {
    const e = forbidden(denied[0]!.message, denied[0]!.messageEn);
    throw new BaocaoError(e.code, e.message, e.messageEn, { status: 403, details: denied });
  }
  throw new BaocaoError(
    'VALIDATION_FAILED',
    `Có ${list.total} lỗi trong dữ liệu; không dòng nào được ghi. Sửa các lỗi và gửi lại.`,
    `${list.total} error(s) in the data; nothing was written. Fix them and submit again.`,
    { details: list },
  );
}

/** Refuses a batch with no rows: sending nothing is a mistake, never a success. */
export function requireRows(rows: unknown[]): void {
  if (rows.length === 0)
    throw new BaocaoError(
      'NO_ROWS',
      'Không có dòng số liệu nào (tệp chỉ có dòng tiêu đề hoặc rỗng); không có gì được ghi',
      'There are no value rows (the file has only a header, or nothing); nothing was written',
    );
}
