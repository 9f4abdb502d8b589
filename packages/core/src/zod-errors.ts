import type { z } from 'zod';
import { BaocaoError, type ErrorList, type FieldError, MAX_LISTED_ERRORS, errorList } from './errors.ts';

/** Vietnamese names of the fields users fill in, for messages that say which field is wrong. */
const FIELD_VI: Record<string, string> = {
  kind: 'loại mục',
  period: 'kỳ',
  docKind: 'loại văn bản',
  stage: 'giai đoạn',
  number: 'số, ký hiệu',
  issuedOn: 'ngày ban hành',
  title: 'tên, trích yếu',
  issuer: 'cơ quan ban hành',
  leadUnit: 'đơn vị chủ trì',
  toGovernment: 'trình Chính phủ',
  status: 'trạng thái',
  dueOn: 'hạn hoàn thành',
  startOn: 'ngày bắt đầu',
  endOn: 'ngày kết thúc',
  place: 'địa điểm',
  participants: 'thành phần',
  summary: 'nội dung',
  session: 'kỳ họp',
  legislature: 'khóa Quốc hội',
  received: 'số kiến nghị tiếp nhận',
  processed: 'số kiến nghị đã xử lý',
  published: 'số kiến nghị đã đăng tải',
  items: 'nội dung kiến nghị',
  text: 'nội dung',
  owner: 'đơn vị chủ quản',
  name: 'tên hệ thống',
  purpose: 'mục đích',
  proposedLevel: 'cấp độ đề xuất',
  approvedLevel: 'cấp độ được phê duyệt',
  decisionNumber: 'số quyết định phê duyệt',
  decisionDate: 'ngày quyết định phê duyệt',
  approver: 'người/cơ quan phê duyệt',
  protection: 'trạng thái bảo đảm an toàn',
  deployedOn: 'ngày triển khai xong',
  lastCheckOn: 'ngày kiểm tra, diễn tập gần nhất',
  inServiceFrom: 'ngày đưa vào vận hành',
  retiredOn: 'ngày dừng vận hành',
  note: 'ghi chú',
};

const CODES: Record<string, string> = {
  stage: 'UNKNOWN_STAGE',
  docKind: 'UNKNOWN_DOC_KIND',
  kind: 'UNKNOWN_KIND',
};

/**
 * A zod error as a bounded error list: the first issues as field errors, every one counted, so a
 * body of a million bad items answers with a thousand lines, not a million.
 */
export function zodErrorList(error: z.ZodError): ErrorList {
  const list = errorList();
  for (const e of zodFieldErrors({ issues: error.issues.slice(0, MAX_LISTED_ERRORS) })) list.push(e);
  for (const issue of error.issues.slice(MAX_LISTED_ERRORS))
    list.push({ code: 'INVALID_FIELD', message: '', messageEn: issue.message });
  return list;
}

/**
 * Parses every input with `schema`, or throws one error (`code`) listing the field errors of every
 * input that fails, each with its position as the row: the one way a list of inputs is refused.
 */
export function parseEach<S extends z.ZodType>(
  schema: S,
  inputs: unknown[],
  code: string,
  what: { vi: string; en: string },
): z.output<S>[] {
  const errors = errorList();
  const out: z.output<S>[] = [];
  inputs.forEach((input, i) => {
    const r = schema.safeParse(input);
    if (r.success) out.push(r.data);
    else for (const e of zodFieldErrors(r.error, i + 1)) errors.push(e);
  });
  if (errors.total > 0)
    throw new BaocaoError(
      code,
      `${what.vi} không hợp lệ: ${errors.listed[0]!.message}`,
      `Invalid ${what.en}: ${errors.listed[0]!.messageEn}`,
      { details: errors },
    );
  return out;
}

/** Turns a zod error into field errors with a Vietnamese message and a stable English code. */
export function zodFieldErrors(error: Pick<z.ZodError, 'issues'>, row?: number): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    const head = issue.path[0] === undefined ? '' : String(issue.path[0]);
    const label = FIELD_VI[head] ?? head;
    const where = row === undefined ? '' : `Dòng ${row}: `;
    const whereEn = row === undefined ? '' : `Row ${row}: `;
    let code = 'INVALID_FIELD';
    let vi = `${label}: ${issue.message}`;
    if (issue.code === 'invalid_value' || issue.code === 'invalid_union') {
      code = CODES[head] ?? 'INVALID_VALUE';
      const options = 'values' in issue ? ` (chọn một trong: ${issue.values.map(String).join(', ')})` : '';
      vi = `${label} không hợp lệ${options}`;
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      code = 'MISSING_FIELD';
      vi = `thiếu ${label}`;
    } else if (issue.code === 'invalid_format') {
      code = issue.format === 'date' ? 'INVALID_DATE' : 'INVALID_FORMAT';
      vi = issue.format === 'date' ? `${label} phải là ngày dạng YYYY-MM-DD` : `${label} sai định dạng`;
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      code = issue.origin === 'string' ? 'TOO_SHORT' : 'OUT_OF_RANGE';
      vi =
        issue.origin === 'string'
          ? `${label} quá ngắn hoặc bỏ trống`
          : `${label} nằm ngoài giới hạn cho phép`;
    }
    return {
      ...(row === undefined ? {} : { row }),
      ...(field ? { field } : {}),
      code,
      message: `${where}${vi}`,
      messageEn: `${whereEn}${field ?? 'input'}: ${issue.message}`,
    };
  });
}
