import { describe, expect, it } from 'vitest';
import { parsePeriodVi } from '../periods/period-text.ts';
import { ownPeriods, periodIdOf, periodsIn } from './text-periods.ts';

describe('one reader of Vietnamese period words', () => {
  it('reads a period the same in a form field and in prose', () => {
    const words: [string, string][] = [
      ['8 tháng năm 2024', '2024M01-M08'],
      ['tháng 2–2024', '2024M02'],
      ['tháng 2-2024', '2024M02'],
      ['tháng 02/2024', '2024M02'],
      ['quý III/2024', '2024Q3'],
      ['quý 2 năm 2025', '2025Q2'],
      ['6 tháng đầu năm 2024', '2024S1'],
      ['6 tháng cuối năm 2023', '2023S2'],
      ['Bốn tháng năm 2024', '2024M01-M04'],
      ['tháng 1-8/2024', '2024M01-M08'],
      ['từ tháng 3 đến tháng 5/2024', '2024M03-M05'],
      ['năm 2023', '2023'],
    ];
    for (const [text, id] of words) {
      expect(parsePeriodVi(text).id, text).toBe(id);
      const inProse = periodsIn(`Doanh thu ${text} ước đạt 1.200 tỷ đồng.`);
      expect(inProse.map(periodIdOf), text).toEqual([id]);
    }
  });

  it('refuses in a field what it does not take for a period in prose', () => {
    for (const text of [
      'ngày 13 tháng 9 năm 2024',
      '5 năm 2021 – 2025',
      'giai đoạn 2021-2025',
      'tháng 13/2024',
    ]) {
      expect(() => parsePeriodVi(text), text).toThrowError(
        expect.objectContaining({ code: 'INVALID_PERIOD' }),
      );
      expect(periodsIn(`Theo báo cáo ${text}, doanh thu tăng.`), text).toEqual([]);
    }
  });

  it('does not take a base, a plan, a target or a date for the period of a sentence', () => {
    const s =
      'Ngày 20/6/2025, Sở báo cáo doanh thu 6 tháng đầu năm 2025 tăng 8% so với 6 tháng đầu năm 2024, đạt 52% kế hoạch năm 2025 và hướng tới mục tiêu đến năm 2030.';
    expect(ownPeriods(s).map(periodIdOf)).toEqual(['2025S1']);
  });
});
