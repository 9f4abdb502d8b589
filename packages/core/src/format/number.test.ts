import { describe, expect, it } from 'vitest';
import { formatNumberVi, formatPercentVi, roundHalfUp } from './number.ts';

describe('number formatting', () => {
  it('rounds half away from zero despite binary noise', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(29.679, 1)).toBe(29.7);
    expect(roundHalfUp(22.7272, 2)).toBe(22.73);
    expect(roundHalfUp(-0.915, 2)).toBe(-0.92);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(0.045, 2)).toBe(0.05);
  });

  it('formats the Vietnamese way', () => {
    expect(formatNumberVi(2820865)).toBe('2.820.865');
    expect(formatNumberVi(31.8, 1)).toBe('31,8');
    expect(formatNumberVi(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatPercentVi(46.72)).toBe('46,7%');
    expect(formatPercentVi(20.0)).toBe('20%');
    expect(formatPercentVi(0.915, 2)).toBe('0,92%');
  });
});
