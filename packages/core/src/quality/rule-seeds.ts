/** The validation rules a new store starts with, for the seed indicators (administrators change them). */
import type { Ctx } from '../context.ts';
import type { RuleInput } from './rule-schemas.ts';
import { saveRule } from './rules.ts';
import { selectRules } from './rules.queries.ts';

const ALL = ['M', 'Q', 'S', 'Y', 'R'] as const;
const CENTRAL = ['ministry', 'department'] as const;

export const SEED_RULES: RuleInput[] = [
  {
    code: 'NGANH.LOI_NHUAN_LE_DOANH_THU',
    nameVi: 'Lợi nhuận toàn ngành không vượt doanh thu',
    nameEn: 'Sector profit does not exceed revenue',
    left: '#{NGANH.LOI_NHUAN}',
    operator: '<=',
    right: '#{NGANH.DOANH_THU}',
    importance: 'error',
    periodTypes: [...ALL],
    unitKinds: [...CENTRAL],
  },
  {
    code: 'NGANH.NOP_NSNN_LE_DOANH_THU',
    nameVi: 'Nộp ngân sách toàn ngành không vượt doanh thu',
    nameEn: 'Sector payments to the budget do not exceed revenue',
    left: '#{NGANH.NOP_NSNN}',
    operator: '<=',
    right: '#{NGANH.DOANH_THU}',
    importance: 'error',
    periodTypes: [...ALL],
    unitKinds: [...CENTRAL],
  },
  {
    code: 'ATTT.LOI_NHUAN_LE_DOANH_THU',
    nameVi: 'Lợi nhuận an toàn thông tin không vượt doanh thu',
    nameEn: 'Information-security profit does not exceed revenue',
    left: '#{ATTT.LOI_NHUAN}',
    operator: '<=',
    right: '#{ATTT.DOANH_THU}',
    importance: 'error',
    periodTypes: [...ALL],
    unitKinds: [...CENTRAL],
  },
  {
    code: 'ATTT.NOI_DIA_NUOC_NGOAI_CUNG_CO',
    nameVi: 'Doanh thu sản phẩm nội địa và nước ngoài báo cáo cùng nhau',
    nameEn: 'Domestic and foreign product revenue reported together',
    left: '#{ATTT.DOANH_THU_NOI_DIA}',
    operator: 'compulsory_pair',
    right: '#{ATTT.DOANH_THU_NUOC_NGOAI}',
    importance: 'warning',
    periodTypes: [...ALL],
    unitKinds: [...CENTRAL],
  },
  {
    code: 'CKS.HOAT_DONG_LE_DA_CAP',
    nameVi: 'Chứng thư số đang hoạt động không vượt số đã cấp lũy kế',
    nameEn: 'Active certificates do not exceed certificates issued (cumulative)',
    left: '#{CKS.DANG_HOAT_DONG}',
    operator: '<=',
    right: '#{CKS.DA_CAP_LUY_KE}',
    importance: 'error',
    periodTypes: [...ALL],
    unitKinds: [...CENTRAL],
  },
  {
    code: 'CKS.LUY_KE_KHONG_GIAM',
    nameVi: 'Số chứng thư số đã cấp lũy kế không giảm so với kỳ trước',
    nameEn: 'Certificates issued (cumulative) do not fall from the previous period',
    left: '#{CKS.DA_CAP_LUY_KE}',
    operator: '>=',
    right: '#{CKS.DA_CAP_LUY_KE}[previous]',
    importance: 'error',
    periodTypes: [...ALL],
    unitKinds: [...CENTRAL],
  },
  {
    code: 'VT.BRDD_LE_DI_DONG',
    nameVi: 'Thuê bao băng rộng di động không vượt thuê bao di động',
    nameEn: 'Mobile broadband subscriptions do not exceed mobile subscriptions',
    left: '#{VT.THUE_BAO_BRDD}',
    operator: '<=',
    right: '#{VT.THUE_BAO_DI_DONG}',
    importance: 'warning',
    periodTypes: [...ALL],
    unitKinds: ['province'],
  },
  {
    code: 'VT.DI_DONG_GIAM_30',
    nameVi: 'Thuê bao di động không giảm quá 30% so với tháng trước',
    nameEn: 'Mobile subscriptions do not fall more than 30% month on month',
    left: '#{VT.THUE_BAO_DI_DONG}',
    operator: '>=',
    right: '0.7 * #{VT.THUE_BAO_DI_DONG}[previous]',
    importance: 'warning',
    periodTypes: ['M'],
    unitKinds: ['province'],
  },
  {
    code: 'VT.BRCD_GIAM_30',
    nameVi: 'Thuê bao băng rộng cố định không giảm quá 30% so với tháng trước',
    nameEn: 'Fixed broadband subscriptions do not fall more than 30% month on month',
    left: '#{VT.THUE_BAO_BRCD}',
    operator: '>=',
    right: '0.7 * #{VT.THUE_BAO_BRCD}[previous]',
    importance: 'warning',
    periodTypes: ['M'],
    unitKinds: ['province'],
  },
];

/** Saves the seed rules a store does not have yet (idempotent: a rule an administrator changed is kept). */
export async function seedRules(ctx: Ctx): Promise<number> {
  const have = new Set((await selectRules(ctx.db.k)).map((r) => r.code));
  let added = 0;
  for (const r of SEED_RULES) {
    if (have.has(r.code.toUpperCase())) continue;
    await saveRule(ctx, r, { reason: 'quy tắc có sẵn / built-in rule' });
    added++;
  }
  return added;
}
