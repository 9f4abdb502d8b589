import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period.ts';
import type { Indicator } from '../schemas.ts';
import type { Comparison } from './comparison.ts';
import { comparisonText, comparisonWords, spanSentence } from './sentence.ts';

const BOTNET: Indicator = {
  id: 1,
  code: 'ATTT.BOTNET_IP',
  nameVi: 'Số địa chỉ IP nằm trong mạng botnet',
  nameEn: 'IP addresses in botnets',
  shortVi: null,
  shortEn: null,
  unitVi: 'địa chỉ',
  unitEn: 'addresses',
  precision: 0,
  kind: 'stock',
  acrossUnits: 'sum',
  domain: 'ATTT',
  reportingKind: 'province',
  numeratorCode: null,
  denominatorCode: null,
  nonNegative: true,
  valueDecimals: 0,
  maxValue: null,
  maxPerCapita: null,
  note: null,
};

const at = (period: string, value: number | null, over: Partial<Comparison> = {}): Comparison => ({
  ind: BOTNET,
  unit: 'VN',
  period: parsePeriod(period),
  value,
  status: value === null ? null : 'official',
  basis: value === null ? null : 'official',
  derived: false,
  source: 'aggregated',
  coverage: { expected: 34, reported: 34 },
  crossCheck: null,
  previous: null,
  lastYear: { period: parsePeriod('2023M10'), value: null, changePct: null, derived: false },
  plan: { year: 2024, value: null, sharePct: null },
  ...over,
});

describe('the one writer of comparisons', () => {
  it('says a partial sum by what it sums: official values "là", estimates "ước đạt"', () => {
    const partial = { status: 'partial' as const, coverage: { expected: 34, reported: 12 } };
    const official = comparisonText(at('2024M10', 900, { ...partial, basis: 'official' }));
    const estimated = comparisonText(at('2024M10', 900, { ...partial, basis: 'estimate' }));
    expect(official.vi).toBe(
      'Số địa chỉ IP nằm trong mạng botnet là 900 địa chỉ (12/34 tỉnh, thành phố đã báo cáo).',
    );
    expect(estimated.vi).toBe(
      'Số địa chỉ IP nằm trong mạng botnet ước đạt 900 địa chỉ (12/34 tỉnh, thành phố đã báo cáo).',
    );
    expect(comparisonWords(at('2024M10', 900, partial)).coverage).toEqual({
      vi: '12/34 tỉnh, thành phố đã báo cáo',
      en: '12 of 34 provinces reported',
    });
  });

  it('words a change over a span: a fall goes "xuống", a rise "lên", a hold "đến"', () => {
    expect(spanSentence(at('2024M08', 1200), at('2024M10', 900))).toBe(
      'Số địa chỉ IP nằm trong mạng botnet giảm từ 1.200 địa chỉ (tháng 8/2024) xuống 900 địa chỉ (tháng 10/2024), giảm 25%.',
    );
    expect(spanSentence(at('2024M08', 900), at('2024M10', 1200))).toBe(
      'Số địa chỉ IP nằm trong mạng botnet tăng từ 900 địa chỉ (tháng 8/2024) lên 1.200 địa chỉ (tháng 10/2024), tăng 33,3%.',
    );
    expect(spanSentence(at('2024M08', 900), at('2024M10', 900))).toBe(
      'Số địa chỉ IP nằm trong mạng botnet giữ nguyên từ 900 địa chỉ (tháng 8/2024) đến 900 địa chỉ (tháng 10/2024).',
    );
    expect(spanSentence(at('2024M08', null), at('2024M10', 900))).toBe(
      'Số địa chỉ IP nằm trong mạng botnet: chưa đủ số liệu để so sánh tháng 8/2024 với tháng 10/2024.',
    );
  });

  it('gives a change that rounds to nothing as "tương đương", never "tăng 0%"', () => {
    const c = at('2024M10', 1000.4, {
      lastYear: { period: parsePeriod('2023M10'), value: 1000, changePct: 0.04, derived: false },
    });
    expect(comparisonWords(c).lastYearChange).toEqual({ vi: 'tương đương', en: 'about the same' });
    expect(comparisonText(c, ['lastYear']).vi).toContain(
      'tương đương so với cùng kỳ năm 2023 (1.000 địa chỉ)',
    );
  });
});
