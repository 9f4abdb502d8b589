import type { FieldError } from '../errors.ts';
import { formatDateVi } from '../format/date.ts';
import { calendarDates, type Period, parsePeriod, shiftPeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import { zodFieldErrors } from '../zod-errors.ts';
import { checkDocNumber, GOVERNMENT_ISSUERS, parseDocNumber } from './doc-number.ts';
import { type RegistryData, RegistryInput } from './registry-schemas.ts';

/**
 * The days an item of a period may carry: from the 15th of the month before (the Decree 09
 * reporting window starts there) to the end of the month after, when the report is presented
 * (the August press brief is held in mid-September and lists September's first directives).
 */
export function itemWindow(p: Period): { start: string; end: string } {
  const before = calendarDates(shiftPeriod(p, -1)).start;
  return { start: `${before.slice(0, 8)}15`, end: calendarDates(shiftPeriod(p, 1)).end };
}

type Problem = { field: string; code: string; message: string; messageEn: string };

function datesInWindow(p: Period, dates: [string, string | null | undefined][]): Problem[] {
  const w = itemWindow(p);
  return dates.flatMap(([field, d]) =>
    d && (d < w.start || d > w.end)
      ? [
          {
            field,
            code: 'DATE_OUTSIDE_PERIOD',
            message: `ngày ${formatDateVi(d)} nằm ngoài ${periodLabelVi(p)} (từ ${formatDateVi(w.start)} đến ${formatDateVi(w.end)})`,
            messageEn: `${d} is outside ${p.id} (${w.start} to ${w.end})`,
          },
        ]
      : [],
  );
}

function legalProblems(x: Extract<RegistryData, { kind: 'legal_document' }>, p: Period): Problem[] {
  const out: Problem[] = [];
  const issued = x.stage === 'issued_gov' || x.stage === 'issued_ministry';
  if (issued && !x.number)
    out.push({
      field: 'number',
      code: 'MISSING_FIELD',
      message: 'văn bản đã ban hành phải có số, ký hiệu',
      messageEn: 'an issued document needs its number and symbol',
    });
  if (issued && !x.issuedOn)
    out.push({
      field: 'issuedOn',
      code: 'MISSING_FIELD',
      message: 'văn bản đã ban hành phải có ngày ban hành',
      messageEn: 'an issued document needs its date',
    });
  if (x.number) {
    const doc = parseDocNumber(x.number);
    if ('code' in doc) out.push({ field: 'number', ...doc });
    else {
      out.push(...checkDocNumber(x.docKind, doc, x.issuedOn ?? null).map((q) => ({ field: 'number', ...q })));
      const byGov = GOVERNMENT_ISSUERS.has(doc.issuer);
      if (x.stage === 'issued_gov' && !byGov)
        out.push({
          field: 'stage',
          code: 'STAGE_ISSUER_MISMATCH',
          message: `văn bản ${x.number} không do Chính phủ hay Thủ tướng Chính phủ ban hành (ký hiệu CP hoặc TTg)`,
          messageEn: `${x.number} is not issued by the Government or the Prime Minister (CP or TTg)`,
        });
      if (x.stage === 'issued_ministry' && byGov)
        out.push({
          field: 'stage',
          code: 'STAGE_ISSUER_MISMATCH',
          message: `văn bản ${x.number} do Chính phủ/Thủ tướng ban hành; chọn giai đoạn "tham mưu Chính phủ ban hành"`,
          messageEn: `${x.number} is issued by the Government; use the stage issued_gov`,
        });
    }
  }
  return [...out, ...datesInWindow(p, [['issuedOn', x.issuedOn]])];
}

function itemProblems(
  x: RegistryData,
  p: Period,
  graph: UnitGraph,
  indicators: ReadonlySet<string>,
): Problem[] {
  switch (x.kind) {
    case 'legal_document':
      return legalProblems(x, p);
    case 'activity': {
      const order =
        x.endOn && x.endOn < x.startOn
          ? [
              {
                field: 'endOn',
                code: 'END_BEFORE_START',
                message: 'ngày kết thúc trước ngày bắt đầu',
                messageEn: 'the end date is before the start date',
              },
            ]
          : [];
      return [...order, ...datesInWindow(p, [['startOn', x.startOn]])];
    }
    case 'task': {
      const out: Problem[] = [];
      if (x.leadUnit && !graph.byCode.has(x.leadUnit.toUpperCase()))
        out.push({
          field: 'leadUnit',
          code: 'UNKNOWN_UNIT',
          message: `không có đơn vị "${x.leadUnit}"`,
          messageEn: `unknown unit "${x.leadUnit}"`,
        });
      if (x.dueOn && x.dueOn < calendarDates(p).start)
        out.push({
          field: 'dueOn',
          code: 'DUE_BEFORE_PERIOD',
          message: `hạn ${formatDateVi(x.dueOn)} trước khi ${periodLabelVi(p)} bắt đầu`,
          messageEn: `due date ${x.dueOn} is before ${p.id} starts`,
        });
      // A campaign's change is printed from its start to its due date: a reversed span prints nonsense.
      if (x.startOn && x.dueOn && x.startOn > x.dueOn)
        out.push({
          field: 'startOn',
          code: 'START_AFTER_DUE',
          message: `ngày bắt đầu ${formatDateVi(x.startOn)} sau hạn ${formatDateVi(x.dueOn)}`,
          messageEn: `the start date ${x.startOn} is after the due date ${x.dueOn}`,
        });
      for (const code of x.indicators)
        if (!indicators.has(code))
          out.push({
            field: 'indicators',
            code: 'UNKNOWN_INDICATOR',
            message: `không có chỉ tiêu "${code}" trong danh mục`,
            messageEn: `no indicator "${code}" in the catalog`,
          });
      return out;
    }
    case 'petition': {
      const out: Problem[] = [];
      if (x.processed > x.received)
        out.push({
          field: 'processed',
          code: 'MORE_THAN_RECEIVED',
          message: `đã xử lý ${x.processed} kiến nghị nhưng chỉ tiếp nhận ${x.received}`,
          messageEn: `${x.processed} processed but only ${x.received} received`,
        });
      if (x.published > x.processed)
        out.push({
          field: 'published',
          code: 'MORE_THAN_PROCESSED',
          message: `đã đăng tải ${x.published} kiến nghị nhưng chỉ xử lý ${x.processed}`,
          messageEn: `${x.published} published but only ${x.processed} processed`,
        });
      return out;
    }
    case 'notable_issue':
      return [];
  }
}

/** Validates one registry item: its shape, then the rules of its kind. Row numbers are 1-based. */
export function validateRegistryItem(
  input: unknown,
  row: number,
  graph: UnitGraph,
  indicators: ReadonlySet<string>,
): { data: RegistryData; period: Period } | { errors: FieldError[] } {
  const parsed = RegistryInput.safeParse(input);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error, row) };
  let p: Period;
  try {
    p = parsePeriod(parsed.data.period);
  } catch {
    return {
      errors: [
        {
          row,
          field: 'period',
          code: 'INVALID_PERIOD',
          message: `Dòng ${row}: kỳ "${parsed.data.period}" không hợp lệ (ví dụ 2024M08, 2024Q1)`,
          messageEn: `Row ${row}: invalid period "${parsed.data.period}"`,
        },
      ],
    };
  }
  const problems = itemProblems(parsed.data, p, graph, indicators);
  if (problems.length)
    return {
      errors: problems.map((q) => ({
        row,
        field: q.field,
        code: q.code,
        message: `Dòng ${row}: ${q.message}`,
        messageEn: `Row ${row}: ${q.messageEn}`,
      })),
    };
  return { data: { ...parsed.data, period: p.id }, period: p };
}
