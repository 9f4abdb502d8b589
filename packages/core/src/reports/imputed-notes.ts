import { imputedPhrase } from '../compare/sentence.ts';
import { formatNumberVi, roundHalfUp } from '../format/number.ts';
import type { ComputedFigure } from './figures.ts';
import type { ReportWarning } from './report-schemas.ts';

const share = (pct: number) => `${formatNumberVi(roundHalfUp(pct, 1), 1, { trimZeros: true })}%`;

/**
 * The note under each imputed figure (a footnote in Word): which units were estimated, by what
 * method, and what share of the figure the estimates are — so no reader takes it for reported data.
 */
export function imputedNotes(
  figs: ComputedFigure[],
  unitName: (code: string) => string,
): { figure: string; text: string }[] {
  return figs.flatMap((f) => {
    const imp = f.result.status === 'imputed' ? f.result.imputed : null;
    if (!imp) return [];
    const method =
      f.ind.kind === 'stock'
        ? 'số liệu kỳ gần nhất của đơn vị nhân với mức thay đổi của các đơn vị đã báo cáo'
        : 'số liệu cùng kỳ năm trước của đơn vị nhân với mức tăng của các đơn vị đã báo cáo';
    return [
      {
        figure: f.figure.id,
        text:
          `Số liệu ước tính bù: ${imputedPhrase(f.ind, imp).vi.replace(/^gồm /, '')}. ` +
          `Đơn vị chưa báo cáo (${imp.unitCodes.map(unitName).join(', ')}) được ước tính bằng ${method}; ` +
          'số ước tính được thay bằng số báo cáo khi đơn vị gửi số liệu.',
      },
    ];
  });
}

/** The warning beside an imputed figure the report prints: it is an estimate in part. */
export function imputedWarning(
  section: string,
  f: ComputedFigure,
  unitName: (code: string) => string,
): ReportWarning {
  const imp = f.result.imputed!;
  return {
    code: 'IMPUTED_FIGURE',
    section,
    message: `"${f.ind.nameVi}" ${f.result.periodLabel} của ${unitName(f.result.unit)} là số liệu ước tính bù: ${imputedPhrase(f.ind, imp).vi} (có chú thích)`,
    messageEn: `"${f.ind.nameEn}" ${f.result.period} (${f.result.unit}) is imputed: ${imputedPhrase(f.ind, imp).en} (noted)`,
  };
}

/** The warning of an imputed figure the settings refuse: printed as the partial sum it is. */
export function refusedWarning(
  section: string,
  f: ComputedFigure,
  unitName: (code: string) => string,
): ReportWarning {
  const r = f.refused!;
  const why =
    r.why === 'off'
      ? { vi: 'cấu hình không cho phép in số ước tính bù', en: 'the settings do not allow imputed figures' }
      : {
          vi: `phần ước tính bù ${share(r.imputed.sharePct)} vượt ngưỡng ${share(r.maxSharePct)}`,
          en: `the imputed share ${roundHalfUp(r.imputed.sharePct, 1)}% is above the ${r.maxSharePct}% allowed`,
        };
  return {
    code: 'IMPUTED_REFUSED',
    section,
    message: `Không in số ước tính bù của "${f.ind.nameVi}" ${f.result.periodLabel} (${unitName(f.result.unit)}): ${why.vi}; in số tổng hợp chưa đầy đủ`,
    messageEn: `The imputed "${f.ind.nameEn}" ${f.result.period} (${f.result.unit}) is not printed: ${why.en}; the partial sum is printed`,
  };
}
