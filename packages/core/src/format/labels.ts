/**
 * Every code the app shows a person, in both languages: roles, unit kinds, statuses, stages. Typed
 * by the enums, so a new code without its two labels does not compile, and `labels.test.ts` proves
 * each label is written (not the code itself) in each language. Node-free: the web app shows them.
 */
import type { Role } from '../roles.ts';
import type { FigureStatus, FormStatus, IndicatorKind, UnitKind, ValueSource } from '../schemas.ts';

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

/** Form statuses and the status of a figure (estimate, official, partial, imputed). */
export const STATUS_LABELS: Labels<FormStatus | FigureStatus> = {
  missing: ['Chưa nhập', 'Not started'],
  draft: ['Bản nháp', 'Draft'],
  submitted: ['Đã gửi, chờ duyệt', 'Submitted'],
  returned: ['Bị trả lại', 'Returned'],
  approved: ['Đã duyệt', 'Approved'],
  estimate: ['Ước', 'Estimate'],
  official: ['Chính thức', 'Official'],
  partial: ['Chưa đầy đủ', 'Partial'],
  imputed: ['Ước tính bù', 'Imputed'],
};

/** Where a figure comes from: reported for the unit itself, summed from the units below, or computed. */
export const SOURCE_LABELS: Labels<ValueSource> = {
  reported: ['Đơn vị báo cáo', 'Reported'],
  aggregated: ['Tổng hợp từ đơn vị cấp dưới', 'Summed from the units below'],
  computed: ['Tính từ các chỉ tiêu thành phần', 'Computed from its components'],
};

/** Protection of an information system to its security level (Decree 85/2016/NĐ-CP). */
export const PROTECTION_LABELS: Labels<'planned' | 'deploying' | 'deployed'> = {
  planned: ['Có kế hoạch', 'Planned'],
  deploying: ['Đang triển khai', 'Deploying'],
  deployed: ['Đã triển khai theo cấp độ', 'Deployed to level'],
};

/** How the briefings group the owners of information systems. */
export const OWNER_KIND_LABELS: Labels<'bo_nganh' | 'dia_phuong' | 'doanh_nghiep' | 'khac'> = {
  bo_nganh: ['Bộ, ngành', 'Ministries and agencies'],
  dia_phuong: ['Địa phương', 'Provinces'],
  doanh_nghiep: ['Doanh nghiệp', 'Enterprises'],
  khac: ['Khác', 'Others'],
};

/** The label of `code` in `lang`, or the code itself when it is not one the table knows. */
export function labelOf<K extends string>(table: Labels<K>, code: string, lang: 'vi' | 'en'): string {
  const pair: Pair | undefined = (table as Readonly<Record<string, Pair>>)[code];
  return pair ? pair[lang === 'en' ? 1 : 0] : code;
}
