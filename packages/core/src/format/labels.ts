/**
 * Every code the app shows a person, in both languages: roles, unit kinds, statuses, stages. Typed
 * by the enums, so a new code without its two labels does not compile, and `labels.test.ts` proves
 * each label is written (not the code itself) in each language. Node-free: the web app shows them.
 */
import type { Role } from '../roles.ts';
import type { FigureStatus, FormStatus, IndicatorKind, UnitKind } from '../schemas.ts';

export type Pair = readonly [vi: string, en: string];
export type Labels<K extends string> = Readonly<Record<K, Pair>>;

export const ROLE_LABELS: Labels<Role> = {
  admin: ['Quản trị hệ thống', 'Administrator'],
  officer: ['Cán bộ tổng hợp', 'Synthesis officer'],
  leader: ['Lãnh đạo', 'Leader'],
  reporter: ['Cán bộ báo cáo', 'Reporting officer'],
  public: ['Công chúng', 'Public'],
};

export const UNIT_KIND_LABELS: Labels<(typeof UnitKind.options)[number]> = {
  country: ['Toàn quốc', 'Country'],
  ministry: ['Bộ', 'Ministry'],
  department: ['Cục, Vụ', 'Department'],
  province: ['Tỉnh, thành phố', 'Province'],
  enterprise: ['Doanh nghiệp', 'Enterprise'],
  other: ['Khác', 'Other'],
};

export const INDICATOR_KIND_LABELS: Labels<(typeof IndicatorKind.options)[number]> = {
  flow: ['Lũy kế theo kỳ (doanh thu…)', 'Flow (summed over time)'],
  stock: ['Thời điểm (thuê bao…)', 'Stock (at a point in time)'],
  ratio: ['Tỷ lệ', 'Ratio'],
};

/** Form statuses and the status of a figure (estimate, official, partial). */
export const STATUS_LABELS: Labels<FormStatus | FigureStatus> = {
  missing: ['Chưa nhập', 'Not started'],
  draft: ['Bản nháp', 'Draft'],
  submitted: ['Đã gửi, chờ duyệt', 'Submitted'],
  returned: ['Bị trả lại', 'Returned'],
  approved: ['Đã duyệt', 'Approved'],
  estimate: ['Ước', 'Estimate'],
  official: ['Chính thức', 'Official'],
  partial: ['Chưa đầy đủ', 'Partial'],
};

/** The label of `code` in `lang`, or the code itself when it is not one the table knows. */
export function labelOf<K extends string>(table: Labels<K>, code: string, lang: 'vi' | 'en'): string {
  const pair: Pair | undefined = (table as Readonly<Record<string, Pair>>)[code];
  return pair ? pair[lang === 'en' ? 1 : 0] : code;
}
