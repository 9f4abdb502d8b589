import { describe, expect, it } from 'vitest';
import { type ReportingPeriod, periodInReporting } from './period-schemas.ts';

const rp = (period: string, state: { open?: boolean; ended?: boolean } = {}): ReportingPeriod => ({
  period,
  periodLabel: period,
  dueOn: '',
  open: state.open ?? true,
  closedBy: (state.open ?? true) ? null : 'admin',
  ended: state.ended ?? true,
  openedEarly: false,
  released: false,
  abilities: { open: false, close: false, setDeadline: false, release: false },
});

describe('periodInReporting: the period whose forms are due now', () => {
  it('is the latest open period that has ended, not the month still running (opened early)', () => {
    expect(periodInReporting([rp('2026M11', { ended: false }), rp('2026M10'), rp('2026M09')])?.period).toBe(
      '2026M10',
    );
  });
  it('skips closed periods, and falls back to the earliest open one, then to the latest of all', () => {
    expect(periodInReporting([rp('2026M11', { ended: false }), rp('2026M10', { open: false })])?.period).toBe(
      '2026M11',
    );
    expect(periodInReporting([rp('2026M10', { open: false }), rp('2026M09', { open: false })])?.period).toBe(
      '2026M10',
    );
    expect(periodInReporting([])).toBeUndefined();
  });
});
