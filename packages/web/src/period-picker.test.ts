import { parsePeriod } from '@baocao/core/browser';
import { describe, expect, it } from 'vitest';
import { idOf, partsOf } from './period-picker.tsx';

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
});
