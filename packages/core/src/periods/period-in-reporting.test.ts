import { describe, expect, it } from 'vitest';
import { type ReportingPeriod, periodInReporting } from './period-schemas.ts';

const rp = (period: string, closed = false): ReportingPeriod => ({
  period,
  periodLabel: period,
  dueOn: '',
  closed,
  released: false,
});

describe('periodInReporting: the period whose forms are due now', () => {
  it('is the latest open period that has ended, not the month still running', () => {
    expect(periodInReporting([rp('2026M11'), rp('2026M10'), rp('2026M09')], '2026-11-29')?.period).toBe(
      '2026M10',
    );
  });
  it('skips closed periods, and falls back to the earliest open one, then to the latest of all', () => {
    expect(periodInReporting([rp('2026M11'), rp('2026M10', true)], '2026-11-29')?.period).toBe('2026M11');
    expect(periodInReporting([rp('2026M10', true), rp('2026M09', true)], '2026-11-29')?.period).toBe(
      '2026M10',
    );
    expect(periodInReporting([], '2026-11-29')).toBeUndefined();
  });
});
