import type { Ctx } from '../context.ts';
import type { FieldError } from '../errors.ts';
import { parseNumberLoose } from '../format/number.ts';
import { type Period, monthIndexOfDate, parsePeriod } from '../periods/period.ts';
import type { Indicator } from '../schemas.ts';
import { type UnitGraph, unitCovers } from '../units/unit-graph.ts';
import type { ValueRow } from './values.queries.ts';

/** A row as it arrives from a form, a file or the API: text or numbers, 1-based row number. */
export interface RawValueRow {
  row: number;
  indicator?: string | null;
  unit?: string | null;
  period?: string | null;
  value?: string | number | null;
  status?: string | null;
  note?: string | null;
  derived?: boolean;
}

/** What validation needs to know beyond the rows themselves. */
export interface ValidationContext {
  indicators: Map<string, Indicator>;
  graph: UnitGraph;
  locks: { period: string; first_month: number; last_month: number }[];
  /** Month index of the current month: later periods are not open yet. */
  currentMonth: number;
  /** Cells of approved unit forms (`INDICATOR|unitId|period`): locked until the form is unlocked. */
  approved?: Set<string>;
}

const STATUS: Record<string, 'estimate' | 'official'> = {
  estimate: 'estimate',
  ước: 'estimate',
  uoc: 'estimate',
  official: 'official',
  'chính thức': 'official',
  'chinh thuc': 'official',
};

const err = (row: number, field: string, code: string, message: string, messageEn: string): FieldError => ({
  row,
  field,
  code,
  message,
  messageEn,
});

/** Month index of today, the boundary between open and future periods. */
export const currentMonthIndex = (now = new Date()) => monthIndexOfDate(now.toISOString().slice(0, 10));

/**
 * Checks every row and returns the valid ones by id, or every error found (row, field, code,
 * Vietnamese and English message). Access is checked too: a reporter's rows must be in their unit.
 */
export function validateValueRows(
  ctx: Ctx,
  vc: ValidationContext,
  rows: RawValueRow[],
): { valid: ValueRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const valid: ValueRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const before = errors.length;
    const missing = (['indicator', 'unit', 'period', 'value'] as const).filter(
      (f) => r[f] === undefined || r[f] === null || String(r[f]).trim() === '',
    );
    for (const f of missing) {
      errors.push(
        err(r.row, f, 'MISSING_FIELD', `Dòng ${r.row}: thiếu "${f}"`, `Row ${r.row}: "${f}" is missing`),
      );
    }
    const indicatorCode = String(r.indicator ?? '')
      .trim()
      .toUpperCase();
    const unitCode = String(r.unit ?? '')
      .trim()
      .toUpperCase();
    const indicator = vc.indicators.get(indicatorCode);
    const unit = vc.graph.byCode.get(unitCode);
    if (indicatorCode && !indicator) {
      errors.push(
        err(
          r.row,
          'indicator',
          'UNKNOWN_INDICATOR',
          `Dòng ${r.row}: không có chỉ tiêu mã "${indicatorCode}" trong danh mục`,
          `Row ${r.row}: unknown indicator code "${indicatorCode}"`,
        ),
      );
    }
    if (unitCode && !unit) {
      errors.push(
        err(
          r.row,
          'unit',
          'UNKNOWN_UNIT',
          `Dòng ${r.row}: không có đơn vị mã "${unitCode}"`,
          `Row ${r.row}: unknown unit code "${unitCode}"`,
        ),
      );
    }
    let period: Period | undefined;
    if (r.period) {
      try {
        period = parsePeriod(String(r.period));
      } catch {
        errors.push(
          err(
            r.row,
            'period',
            'INVALID_PERIOD',
            `Dòng ${r.row}: kỳ "${r.period}" không hợp lệ (ví dụ 2024M08, 2024Q1, 2024M01-M08)`,
            `Row ${r.row}: invalid period "${r.period}" (e.g. 2024M08, 2024Q1, 2024M01-M08)`,
          ),
        );
      }
    }
    if (period) {
      const lock = vc.locks.find((l) => l.first_month <= period!.last && period!.first <= l.last_month);
      if (lock) {
        errors.push(
          err(
            r.row,
            'period',
            'PERIOD_NOT_OPEN',
            `Dòng ${r.row}: kỳ ${period.id} đã khóa (${lock.period}); đề nghị cán bộ tổng hợp mở khóa nếu cần sửa`,
            `Row ${r.row}: period ${period.id} is closed (lock ${lock.period}); ask a synthesis officer to unlock it`,
          ),
        );
      } else if (period.first > vc.currentMonth) {
        errors.push(
          err(
            r.row,
            'period',
            'PERIOD_NOT_OPEN',
            `Dòng ${r.row}: kỳ ${period.id} chưa bắt đầu, chưa thể báo cáo`,
            `Row ${r.row}: period ${period.id} has not started yet`,
          ),
        );
      }
    }
    if (indicator && unit && period && vc.approved?.has(`${indicator.code}|${unit.id}|${period.id}`)) {
      errors.push(
        err(
          r.row,
          'value',
          'FORM_APPROVED',
          `Dòng ${r.row}: số liệu ${indicator.code} của ${unit.code} kỳ ${period.id} đã được duyệt và khóa; mở khóa biểu mẫu của đơn vị trước khi sửa`,
          `Row ${r.row}: ${indicator.code} of ${unit.code} for ${period.id} is approved and locked; unlock the unit's form first`,
        ),
      );
    }
    if (unit && period && !unitCovers(unit, period)) {
      errors.push(
        err(
          r.row,
          'unit',
          'UNIT_NOT_IN_FORCE',
          `Dòng ${r.row}: đơn vị ${unit.code} không tồn tại trong kỳ ${period.id} (hiệu lực ${unit.validFrom ?? '…'} – ${unit.validTo ?? '…'})`,
          `Row ${r.row}: unit ${unit.code} does not exist during ${period.id}`,
        ),
      );
    }
    let value: number | undefined;
    if (r.value !== undefined && r.value !== null && String(r.value).trim() !== '') {
      const parsed = typeof r.value === 'number' ? { value: r.value } : parseNumberLoose(r.value);
      if ('error' in parsed || !Number.isFinite(parsed.value)) {
        const ambiguous = 'error' in parsed && parsed.error === 'AMBIGUOUS_NUMBER';
        errors.push(
          ambiguous
            ? err(
                r.row,
                'value',
                'AMBIGUOUS_NUMBER',
                `Dòng ${r.row}: "${r.value}" không rõ là số nguyên hay số thập phân; viết 1234 hoặc 1,234`,
                `Row ${r.row}: "${r.value}" is ambiguous; write 1234 or 1,234`,
              )
            : err(
                r.row,
                'value',
                'NOT_A_NUMBER',
                `Dòng ${r.row}: giá trị "${r.value}" không phải là số`,
                `Row ${r.row}: value "${r.value}" is not a number`,
              ),
        );
      } else {
        value = parsed.value;
        if (indicator?.nonNegative && value < 0) {
          errors.push(
            err(
              r.row,
              'value',
              'NEGATIVE_VALUE',
              `Dòng ${r.row}: chỉ tiêu ${indicator.code} không nhận giá trị âm (${r.value})`,
              `Row ${r.row}: indicator ${indicator.code} cannot be negative (${r.value})`,
            ),
          );
        }
      }
    }
    const statusText = String(r.status ?? 'estimate')
      .trim()
      .toLowerCase()
      .normalize('NFC');
    const status = STATUS[statusText === '' ? 'estimate' : statusText];
    if (!status) {
      errors.push(
        err(
          r.row,
          'status',
          'INVALID_STATUS',
          `Dòng ${r.row}: trạng thái "${r.status}" không hợp lệ (ước hoặc chính thức)`,
          `Row ${r.row}: invalid status "${r.status}" (estimate or official)`,
        ),
      );
    }
    if (indicator && unit && period) {
      const key = `${indicator.id}|${unit.id}|${period.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push(
          err(
            r.row,
            'period',
            'DUPLICATE_ROW',
            `Dòng ${r.row} trùng với dòng ${first} (cùng chỉ tiêu, đơn vị và kỳ)`,
            `Row ${r.row} duplicates row ${first} (same indicator, unit and period)`,
          ),
        );
      } else seen.set(key, r.row);
      if (ctx.actor.unitId !== null && !vc.graph.ancestorsOf(unit.id).includes(ctx.actor.unitId)) {
        errors.push(
          err(
            r.row,
            'unit',
            'FORBIDDEN',
            `Dòng ${r.row}: tài khoản "${ctx.actor.username}" không được nhập số liệu cho đơn vị ${unit.code}`,
            `Row ${r.row}: user "${ctx.actor.username}" may not report for unit ${unit.code}`,
          ),
        );
      }
    }
    if (errors.length === before && indicator && unit && period && value !== undefined && status) {
      valid.push({
        indicatorId: indicator.id,
        unitId: unit.id,
        period: period.id,
        firstMonth: period.first,
        lastMonth: period.last,
        value,
        status,
        derived: r.derived ?? false,
        note: r.note ? String(r.note) : null,
      });
    }
  }
  return { valid, errors };
}
