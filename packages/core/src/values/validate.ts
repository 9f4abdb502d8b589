import { setImmediate } from 'node:timers/promises';
import { inScope } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import type { FieldError } from '../errors.ts';
import { type ErrorList, errorList } from '../errors.ts';
import { parseStatusWord } from './status-word.ts';
import { type ClosedSpan, closedSpanOf, periodClosedRow } from '../periods/period-rule.ts';
import { todayInVietnam } from '../periods/period-state.ts';
import { readValue } from './value-rule.ts';
import { type Period, monthIndexOfDate, parsePeriod } from '../periods/period.ts';
import type { Indicator } from '../schemas.ts';
import { type UnitGraph, unitCovers } from '../units/unit-graph.ts';
import type { ValueRow } from './values.queries.ts';
import { CellMap } from './cell-map.ts';
import { type CellBounds, checkBounds } from '../quality/bounds.ts';

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
  /** Spans no value may be written in (locks and closed reporting periods: one rule). */
  closed: ClosedSpan[];
  /** Month index of the current month: later periods are not open yet. */
  currentMonth: number;
  /** Locked cells (`indicatorId|unitId|period`): an approved form's values, until it is unlocked. */
  locked: Set<string>;
  /** The population bound and the administrators' ranges of a cell (none: only the number rule). */
  bounds?: (indicatorId: number, unitId: number) => CellBounds;
  /** The catalog stamp read before the catalog and the unit tree above (see upsertLocalValues). */
  stamp?: string;
}

/** The fields every row must have. */
const REQUIRED = ['indicator', 'unit', 'period', 'value'] as const;

/** Rows validated between two turns of the event loop (a few milliseconds of work). */
const YIELD_EVERY = 5000;

/** Longest note kept with a value; a longer one is refused, not cut. */
export const MAX_NOTE_CHARS = 2000;

/** A value as it is quoted in a message: never more than a few dozen characters of what was sent. */
const quote = (v: unknown) => {
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

const err = (row: number, field: string, code: string, message: string, messageEn: string): FieldError => ({
  row,
  field,
  code,
  message,
  messageEn,
});

/** Month index of today in Vietnam, the boundary between open and future periods. */
export const currentMonthIndex = (now = new Date()) => monthIndexOfDate(todayInVietnam(now));

/**
 * Checks every row and returns the valid ones by id, or every error found (row, field, code,
 * Vietnamese and English message). Access is checked too: a reporter's rows must be in their unit.
 */
export async function validateValueRows(
  ctx: Ctx,
  vc: ValidationContext,
  rows: RawValueRow[],
  errors: ErrorList = errorList(),
  /** The first row of each cell so far, to find duplicates across batches validated in turn. */
  seen = new CellMap<number>(),
): Promise<{ valid: ValueRow[]; errors: ErrorList }> {
  const valid: ValueRow[] = [];
  // A batch names few distinct periods and status words: each is read once (an import of 280,000
  // rows spent a tenth of its validation re-reading the same two periods).
  const periods = new Map<string, Period | null>();
  const statuses = new Map<string, ReturnType<typeof parseStatusWord>>();
  let done = 0;
  for (const r of rows) {
    // Long batches give the event loop a turn now and then, so other requests are answered.
    if (++done % YIELD_EVERY === 0) await setImmediate();
    const before = errors.total;
    for (const f of REQUIRED) {
      if (r[f] === undefined || r[f] === null || String(r[f]).trim() === '')
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
          `Dòng ${r.row}: không có chỉ tiêu mã "${quote(indicatorCode)}" trong danh mục`,
          `Row ${r.row}: unknown indicator code "${quote(indicatorCode)}"`,
        ),
      );
    }
    if (unitCode && !unit) {
      errors.push(
        err(
          r.row,
          'unit',
          'UNKNOWN_UNIT',
          `Dòng ${r.row}: không có đơn vị mã "${quote(unitCode)}"`,
          `Row ${r.row}: unknown unit code "${quote(unitCode)}"`,
        ),
      );
    }
    let period: Period | undefined;
    if (r.period) {
      const text = String(r.period);
      let known = periods.get(text);
      if (known === undefined) {
        try {
          known = parsePeriod(text);
        } catch {
          known = null;
        }
        periods.set(text, known);
      }
      if (known) period = known;
      else {
        errors.push(
          err(
            r.row,
            'period',
            'INVALID_PERIOD',
            `Dòng ${r.row}: kỳ "${quote(r.period)}" không hợp lệ (ví dụ 2024M08, 2024Q1, 2024M01-M08)`,
            `Row ${r.row}: invalid period "${quote(r.period)}" (e.g. 2024M08, 2024Q1, 2024M01-M08)`,
          ),
        );
      }
    }
    if (period) {
      const closed = closedSpanOf(vc.closed, period);
      if (closed) {
        errors.push(periodClosedRow(r.row, period, closed));
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
    if (
      indicator &&
      unit &&
      period &&
      vc.locked.size > 0 &&
      vc.locked.has(`${indicator.id}|${unit.id}|${period.id}`)
    ) {
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
      const rule = indicator ?? { valueDecimals: 6, nonNegative: false, maxValue: null };
      const read = readValue(r.value, rule);
      if ('error' in read) {
        errors.push(
          err(
            r.row,
            'value',
            read.error,
            `Dòng ${r.row}: giá trị "${quote(r.value)}" ${read.vi}${indicator ? ` (chỉ tiêu ${indicator.code})` : ''}`,
            `Row ${r.row}: value "${quote(r.value)}" ${read.en}${indicator ? ` (indicator ${indicator.code})` : ''}`,
          ),
        );
      } else value = read.value;
    }
    if (value !== undefined && indicator && unit && vc.bounds) {
      // Impossible values (over k × population, outside a hard range) are refused; soft ranges
      // are the outlier check's, flagged later, not refused here.
      for (const f of checkBounds(indicator, unit.nameVi, value, vc.bounds(indicator.id, unit.id))) {
        if (f.severity === 'error')
          errors.push(err(r.row, 'value', f.code, `Dòng ${r.row}: ${f.vi}`, `Row ${r.row}: ${f.en}`));
      }
    }
    if (r.note !== undefined && r.note !== null && String(r.note).length > MAX_NOTE_CHARS) {
      errors.push(
        err(
          r.row,
          'note',
          'NOTE_TOO_LONG',
          `Dòng ${r.row}: ghi chú dài ${String(r.note).length} ký tự, vượt giới hạn ${MAX_NOTE_CHARS}`,
          `Row ${r.row}: the note has ${String(r.note).length} characters, over the limit of ${MAX_NOTE_CHARS}`,
        ),
      );
    }
    const word = r.status ?? '';
    let status = statuses.get(word);
    if (status === undefined) statuses.set(word, (status = parseStatusWord(word)));
    if (!status) {
      errors.push(
        err(
          r.row,
          'status',
          'INVALID_STATUS',
          `Dòng ${r.row}: trạng thái "${quote(r.status)}" không hợp lệ (ước hoặc chính thức)`,
          `Row ${r.row}: invalid status "${quote(r.status)}" (estimate or official)`,
        ),
      );
    }
    if (indicator && unit && period) {
      const first = seen.get(indicator.id, unit.id, period.id);
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
      } else seen.set(indicator.id, unit.id, period.id, r.row);
      if (!inScope(ctx.actor, unit.id, vc.graph.ancestorsOf)) {
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
    if (errors.total === before && indicator && unit && period && value !== undefined && status) {
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
