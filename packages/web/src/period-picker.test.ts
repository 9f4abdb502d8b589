import { parsePeriod } from '@baocao/core/browser';
import { describe, expect, it } from 'vitest';
import { idOf, partsOf, periodForKinds } from './period-picker.tsx';

describe('the period picker', () => {
  it('names the period people choose, in the API’s canonical form', () => {
    expect(idOf('M', 8, 2024)).toBe('2024M08');
    expect(idOf('Q', 3, 2025)).toBe('2025Q3');
    expect(idOf('S', 2, 2025)).toBe('2025S2');
    expect(idOf('YTD', 8, 2024)).toBe('2024M01-M08');
    expect(idOf('Y', 1, 2023)).toBe('2023');
    // "3 tháng đầu năm" is the first quarter; the picker then shows it as one.
    expect(idOf('YTD', 3, 2024)).toBe('2024Q1');
  });

  it('reads any period back into its choices', () => {
    for (const id of ['2024M08', '2025Q3', '2025S2', '2024M01-M08', '2023']) {
      const p = partsOf(parsePeriod(id));
      expect(idOf(p.kind, p.n, p.year)).toBe(id);
    }
    expect(partsOf(parsePeriod('2024M01-M08'))).toEqual({ kind: 'YTD', n: 8, year: 2024 });
  });

  it('moves a period to a kind a template is written for, never past its end', () => {
    // The quarterly briefing's 2026Q3, then the monthly press brief: September 2026.
    expect(periodForKinds('2026Q3', ['M'], '2026-12-03')).toBe('2026M09');
    expect(periodForKinds('2026M11', ['Q'], '2026-12-03')).toBe('2026Q3');
    expect(periodForKinds('2026M12', ['Q'], '2027-01-05')).toBe('2026Q4');
    expect(periodForKinds('2026M02', ['Q'], '2026-12-03')).toBe('2025Q4');
    expect(periodForKinds('2026M08', ['S'], '2026-12-03')).toBe('2026S1');
    expect(periodForKinds('2026M08', ['Y'], '2026-12-03')).toBe('2025');
    expect(periodForKinds('2026Q3', ['YTD'], '2026-12-03')).toBe('2026M01-M09');
    // Already of an offered kind: kept as it is.
    expect(periodForKinds('2026M07', ['M', 'Q'], '2026-12-03')).toBe('2026M07');
    expect(periodForKinds('2024Q2', ['M', 'Q'], '2026-12-03')).toBe('2024Q2');
    expect(periodForKinds('rác', ['M'], '2026-12-03')).toBe('2026M11');
  });
});
