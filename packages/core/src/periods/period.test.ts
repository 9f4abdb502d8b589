import { describe, expect, it } from 'vitest';
import {
  calendarDates,
  decree09Dates,
  monthsOf,
  parsePeriod,
  previousPeriod,
  latestEndedPeriod,
  samePeriodLastYear,
} from './period.ts';
import { parsePeriodVi, periodLabelEn, periodLabelVi, periodShortLabel } from './period-text.ts';

describe('periods', () => {
  it('parses every identifier form and normalises to the canonical id', () => {
    expect(parsePeriod('2024M08')).toMatchObject({ id: '2024M08', type: 'M' });
    expect(parsePeriod('2024q1').id).toBe('2024Q1');
    expect(parsePeriod('2024S2').id).toBe('2024S2');
    expect(parsePeriod('2024').type).toBe('Y');
    expect(parsePeriod('2024M01-M08')).toMatchObject({ id: '2024M01-M08', type: 'R' });
    expect(parsePeriod('2024M01-M03').id).toBe('2024Q1');
    expect(parsePeriod('2023M11-2024M02').id).toBe('2023M11-2024M02');
    expect(monthsOf(parsePeriod('2024Q3')).map((p) => p.id)).toEqual(['2024M07', '2024M08', '2024M09']);
  });

  it('rejects malformed periods with a Vietnamese message and an English code', () => {
    for (const bad of ['2024M13', '2024Q5', '24M01', '2024M08-M02', 'tháng 8', '']) {
      expect(() => parsePeriod(bad)).toThrowError(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    }
  });

  it('computes the previous period and the same period last year', () => {
    expect(previousPeriod(parsePeriod('2024M01'))?.id).toBe('2023M12');
    expect(previousPeriod(parsePeriod('2024Q1'))?.id).toBe('2023Q4');
    expect(previousPeriod(parsePeriod('2024M01-M08'))).toBeNull();
    expect(previousPeriod(parsePeriod('2024M05-M08'))?.id).toBe('2024M01-M04');
    expect(samePeriodLastYear(parsePeriod('2024M01-M08')).id).toBe('2023M01-M08');
    expect(samePeriodLastYear(parsePeriod('2024M02')).id).toBe('2023M02');
  });

  it('gives calendar dates and the Decree 09 administrative window', () => {
    expect(calendarDates(parsePeriod('2024M02'))).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(calendarDates(parsePeriod('2023Q1'))).toEqual({ start: '2023-01-01', end: '2023-03-31' });
    expect(decree09Dates(parsePeriod('2024M08'))).toEqual({ start: '2024-07-15', end: '2024-08-14' });
    expect(decree09Dates(parsePeriod('2024M01'))).toEqual({ start: '2023-12-15', end: '2024-01-14' });
    expect(decree09Dates(parsePeriod('2024'))).toEqual({ start: '2023-12-15', end: '2024-12-14' });
  });

  it('prints and reads Vietnamese labels', () => {
    expect(periodLabelVi(parsePeriod('2024M08'))).toBe('tháng 8/2024');
    expect(periodLabelVi(parsePeriod('2024Q1'))).toBe('quý 1/2024');
    expect(periodLabelVi(parsePeriod('2024M01-M08'))).toBe('8 tháng đầu năm 2024');
    expect(periodLabelVi(parsePeriod('2024S1'))).toBe('6 tháng đầu năm 2024');
    expect(periodLabelVi(parsePeriod('2024'))).toBe('năm 2024');
    expect(periodLabelEn(parsePeriod('2024M01-M08'))).toBe('January–August 2024');
    const short = (id: string, lang: 'vi' | 'en') => periodShortLabel(parsePeriod(id), lang);
    expect(short('2024M08', 'vi')).toBe('T8/2024');
    expect(short('2024M08', 'en')).toBe('Aug 2024');
    expect(short('2024M01-M08', 'vi')).toBe('8 tháng 2024');
    expect(short('2024M03-M05', 'vi')).toBe('T3–T5/2024');
    expect(short('2023M11-2024M02', 'en')).toBe('Nov 2023–Feb 2024');
    expect(short('2025Q3', 'vi')).toBe('Q3/2025');
    expect(short('2025S2', 'vi')).toBe('6T cuối/2025');
    expect(short('2025', 'en')).toBe('2025');
    expect(parsePeriodVi('tháng 08/2024').id).toBe('2024M08');
    expect(parsePeriodVi('Quý I/2024').id).toBe('2024Q1');
    expect(parsePeriodVi('8 tháng đầu năm 2024').id).toBe('2024M01-M08');
    expect(parsePeriodVi('6 tháng đầu năm 2024').id).toBe('2024S1');
    expect(parsePeriodVi('năm 2023').id).toBe('2023');
    expect(() => parsePeriodVi('tháng mười')).toThrowError(
      expect.objectContaining({ code: 'INVALID_PERIOD' }),
    );
  });
});

describe('latestEndedPeriod', () => {
  it('is the last whole month, quarter, half or year before today', () => {
    expect(latestEndedPeriod('M', '2026-11-29').id).toBe('2026M10');
    expect(latestEndedPeriod('Q', '2026-11-29').id).toBe('2026Q3');
    expect(latestEndedPeriod('Q', '2026-10-01').id).toBe('2026Q3');
    expect(latestEndedPeriod('Q', '2026-09-30').id).toBe('2026Q2');
    expect(latestEndedPeriod('S', '2026-11-29').id).toBe('2026S1');
    expect(latestEndedPeriod('Y', '2026-11-29').id).toBe('2025');
    expect(latestEndedPeriod('M', '2026-01-05').id).toBe('2025M12');
  });
});
