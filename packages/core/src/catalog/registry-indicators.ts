import type { IndicatorInput } from '../schemas.ts';

/**
 * Indicators computed from the registry of information systems (Decree 85/2016/NĐ-CP), never typed:
 * each owner unit's systems in service at a period's end, written as that unit's value so the
 * rollups give every ancestor's total. Provinces are the units that must declare, so a national
 * total before every province has declared is partial, with its coverage.
 */
export const INFOSYS = {
  total: 'ATTT.HTTT_TONG',
  level: (n: number) => `ATTT.HTTT_CAP_${n}`,
  approved: 'ATTT.HTTT_DA_PHE_DUYET',
  deployed: 'ATTT.HTTT_DA_TRIEN_KHAI',
  approvedShare: 'ATTT.HTTT_TY_LE_PHE_DUYET',
  deployedShare: 'ATTT.HTTT_TY_LE_TRIEN_KHAI',
} as const;

export const SECURITY_LEVELS = [1, 2, 3, 4, 5] as const;

const count = (code: string, nameVi: string, nameEn: string, shortVi: string): IndicatorInput => ({
  code,
  nameVi,
  nameEn,
  shortVi,
  unitVi: 'hệ thống',
  unitEn: 'systems',
  kind: 'stock',
  acrossUnits: 'sum',
  precision: 0,
  domain: 'An toàn thông tin',
  reportingKind: 'province',
  note: 'Tính từ danh mục hệ thống thông tin theo cấp độ (trạng thái tại ngày cuối kỳ) / computed from the registry of information systems',
});

const share = (code: string, nameVi: string, nameEn: string, numeratorCode: string): IndicatorInput => ({
  code,
  nameVi,
  nameEn,
  unitVi: '%',
  unitEn: '%',
  kind: 'ratio',
  acrossUnits: 'none',
  precision: 1,
  domain: 'An toàn thông tin',
  numeratorCode,
  denominatorCode: INFOSYS.total,
  note: 'Tính từ danh mục hệ thống thông tin theo cấp độ / computed from the registry of information systems',
});

/** The registry's indicators, in the catalog like any other. */
export function registryIndicators(): IndicatorInput[] {
  return [
    count(INFOSYS.total, 'Tổng số hệ thống thông tin', 'Information systems', 'Tổng số hệ thống thông tin'),
    ...SECURITY_LEVELS.map((n) =>
      count(
        INFOSYS.level(n),
        `Số hệ thống thông tin cấp độ ${n}`,
        `Information systems at security level ${n}`,
        `Số hệ thống thông tin cấp độ ${n}`,
      ),
    ),
    count(
      INFOSYS.approved,
      'Số hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ',
      'Information systems with an approved security level',
      'Số hệ thống đã được phê duyệt cấp độ',
    ),
    count(
      INFOSYS.deployed,
      'Số hệ thống thông tin đã triển khai phương án bảo đảm an toàn theo cấp độ',
      'Information systems with protection deployed to their level',
      'Số hệ thống đã triển khai bảo đảm an toàn theo cấp độ',
    ),
    share(
      INFOSYS.approvedShare,
      'Tỷ lệ hệ thống thông tin đã được phê duyệt cấp độ',
      'Share of information systems with an approved level',
      INFOSYS.approved,
    ),
    share(
      INFOSYS.deployedShare,
      'Tỷ lệ hệ thống thông tin đã triển khai bảo đảm an toàn theo cấp độ',
      'Share of information systems with protection deployed to their level',
      INFOSYS.deployed,
    ),
  ];
}

/** Codes no form asks for: the registry computes them. */
export const REGISTRY_COMPUTED: ReadonlySet<string> = new Set(registryIndicators().map((i) => i.code));
