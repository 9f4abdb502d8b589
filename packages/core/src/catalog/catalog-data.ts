import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { coreFile } from '../files.ts';
import type { IndicatorInput } from '../schemas.ts';
import { registryIndicators } from './registry-indicators.ts';

const DATA = coreFile('data/');

/** Short names the ministry uses in sentences ("Doanh thu ước đạt …"). */
const SHORT_VI: Record<string, string> = {
  'NGANH.DOANH_THU': 'Doanh thu',
  'NGANH.LOI_NHUAN': 'Lợi nhuận',
  'NGANH.NOP_NSNN': 'Nộp ngân sách nhà nước',
  'NGANH.DONG_GOP_GDP': 'Đóng góp vào GDP',
  'NGANH.LAO_DONG': 'Tổng số lao động toàn Ngành',
  'ATTT.DOANH_THU': 'Doanh thu lĩnh vực an toàn thông tin mạng',
  'ATTT.NOP_NSNN': 'Nộp ngân sách nhà nước',
  'ATTT.LOI_NHUAN': 'Lợi nhuận',
  'ATTT.TAN_CONG_MANG': 'Số vụ tấn công mạng',
  'ATTT.IP_BOTNET': 'Số địa chỉ IP nằm trong mạng botnet',
};

const DOMAIN: Record<string, string> = {
  NGANH: 'Tổng hợp ngành',
  ATTT: 'An toàn thông tin',
  CKS: 'Chữ ký số',
  BC: 'Bưu chính',
  VT: 'Viễn thông',
  CNTT: 'Công nghiệp ICT',
  BAOCHI: 'Báo chí',
};

const UNIT_EN: Record<string, string> = {
  'tỷ đồng': 'billion VND',
  'lao động': 'workers',
  người: 'people',
  cuộc: 'attacks',
  'địa chỉ': 'addresses',
  'chứng thư số': 'certificates',
  'doanh nghiệp': 'enterprises',
  '%': '%',
  'thuê bao': 'subscriptions',
  'triệu bưu gửi': 'million items',
  'triệu USD': 'million USD',
  'cơ quan': 'agencies',
  thẻ: 'cards',
};

interface CsvRow {
  code: string;
  name_vi: string;
  name_en: string;
  unit_vi: string;
  kind: 'flow' | 'stock' | 'ratio';
  across_units: 'sum' | 'none';
  precision: string;
  note: string;
}

/**
 * Subscriptions a province may count per inhabitant at most (a hard bound, refused at entry): well
 * above the highest real density (mobile about 1.3 a person nationally, more in the big cities
 * where businesses register lines), far below a slip of the keyboard.
 */
const MAX_PER_CAPITA: Record<string, number> = {
  'VT.THUE_BAO_DI_DONG': 5,
  'VT.THUE_BAO_BRDD': 3,
  'VT.THUE_BAO_BRCD': 1,
};

/** Main monthly indicators of posts, telecom, the ICT industry and the press, beyond the seeds. */
const SECTOR: IndicatorInput[] = [
  ['BC.DOANH_THU', 'Doanh thu dịch vụ bưu chính', 'Postal services revenue', 'tỷ đồng', 'flow', 0],
  ['BC.SAN_LUONG', 'Sản lượng bưu gửi', 'Postal items handled', 'triệu bưu gửi', 'flow', 1],
  ['VT.DOANH_THU', 'Doanh thu dịch vụ viễn thông', 'Telecom services revenue', 'tỷ đồng', 'flow', 0],
  ['VT.THUE_BAO_DI_DONG', 'Số thuê bao điện thoại di động', 'Mobile subscriptions', 'thuê bao', 'stock', 0],
  [
    'VT.THUE_BAO_BRCD',
    'Số thuê bao băng rộng cố định',
    'Fixed broadband subscriptions',
    'thuê bao',
    'stock',
    0,
  ],
  [
    'VT.THUE_BAO_BRDD',
    'Số thuê bao băng rộng di động',
    'Mobile broadband subscriptions',
    'thuê bao',
    'stock',
    0,
  ],
  [
    'CNTT.DOANH_THU',
    'Doanh thu công nghiệp công nghệ thông tin',
    'ICT industry revenue',
    'tỷ đồng',
    'flow',
    0,
  ],
  [
    'CNTT.XUAT_KHAU',
    'Kim ngạch xuất khẩu phần cứng, điện tử',
    'Hardware and electronics exports',
    'triệu USD',
    'flow',
    0,
  ],
  [
    'CNTT.SO_DOANH_NGHIEP',
    'Số doanh nghiệp công nghệ số',
    'Digital technology enterprises',
    'doanh nghiệp',
    'stock',
    0,
  ],
  ['BAOCHI.SO_CO_QUAN', 'Số cơ quan báo chí', 'Press agencies', 'cơ quan', 'stock', 0],
  ['BAOCHI.SO_THE_NHA_BAO', 'Số thẻ nhà báo đang có hiệu lực', 'Valid press cards', 'thẻ', 'stock', 0],
].map(([code, nameVi, nameEn, unitVi, kind, precision]) => ({
  code: String(code),
  nameVi: String(nameVi),
  nameEn: String(nameEn),
  unitVi: String(unitVi),
  kind: kind === 'stock' ? 'stock' : 'flow',
  acrossUnits: 'sum',
  precision: Number(precision),
  domain: DOMAIN[String(code).split('.')[0]!]!,
  reportingKind: 'province',
  maxPerCapita: MAX_PER_CAPITA[String(code)] ?? null,
}));

/** Components of the domestic/foreign ratio, so it can be recomputed wherever both exist. */
const RATIO_COMPONENTS: IndicatorInput[] = [
  [
    'ATTT.DOANH_THU_NOI_DIA',
    'Doanh thu sản phẩm an toàn thông tin nội địa',
    'Domestic information-security product revenue',
  ],
  [
    'ATTT.DOANH_THU_NUOC_NGOAI',
    'Doanh thu sản phẩm an toàn thông tin nước ngoài',
    'Foreign information-security product revenue',
  ],
].map(([code, nameVi, nameEn]) => ({
  code: code!,
  nameVi: nameVi!,
  nameEn: nameEn!,
  unitVi: 'tỷ đồng',
  kind: 'flow',
  acrossUnits: 'sum',
  precision: 0,
  domain: DOMAIN.ATTT!,
}));

/** The built-in catalog: every indicator of the seeds (with their codes) plus the main sector ones. */
export function builtinIndicators(): IndicatorInput[] {
  const rows: CsvRow[] = parse(readFileSync(new URL('indicators.csv', DATA)), { columns: true, trim: true });
  const fromSeeds = rows.map((r): IndicatorInput => ({
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    shortVi: SHORT_VI[r.code] ?? null,
    unitVi: r.unit_vi,
    kind: r.kind,
    acrossUnits: r.across_units,
    precision: Number(r.precision),
    domain: DOMAIN[r.code.split('.')[0]!]!,
    note: r.note || null,
    nonNegative: true,
    ...(r.code === 'ATTT.TY_LE_NOI_DIA'
      ? { numeratorCode: 'ATTT.DOANH_THU_NOI_DIA', denominatorCode: 'ATTT.DOANH_THU_NUOC_NGOAI' }
      : {}),
  }));
  return [
    ...[...RATIO_COMPONENTS, ...fromSeeds, ...SECTOR].map((i) => ({
      ...i,
      unitEn: UNIT_EN[i.unitVi] ?? null,
    })),
    ...registryIndicators(),
  ];
}
