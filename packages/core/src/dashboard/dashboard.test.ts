import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, PUBLIC_ACTOR, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { monthIndexOfDate, periodFromMonths } from '../periods/period.ts';
import { todayInVietnam } from '../periods/period-state.ts';
import { releasePeriod } from '../releases/release-period.ts';
import { createTestDatabase } from '../testing.ts';
import { submitValues } from '../values/values.ts';
import { getDashboard } from './dashboard.ts';

let db: Database;
let sys: Ctx;
let visitor: Ctx;
let leader: Ctx;
const now = monthIndexOfDate(todayInVietnam());
const RUNNING = periodFromMonths(now, now).id;

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
  visitor = { ...sys, actor: PUBLIC_ACTOR };
  leader = { ...sys, actor: { username: 'lanh-dao', role: 'leader', unitId: null } };
  // The months of 2025Q3, then October (never released), then part of the month still running.
  const rows = ['2025M07', '2025M08', '2025M09', '2025M10', RUNNING].map((period, i) => ({
    row: i + 1,
    indicator: 'VT.DOANH_THU',
    unit: 'VN',
    period,
    value: 1000 + i,
    status: 'official',
  }));
  await submitValues(sys, { rows });
  await releasePeriod(sys, { period: '2025Q3', force: true, reason: 'thử: công bố quý' });
}, 180_000);
afterAll(() => db.close());

describe('the period a dashboard opens on', () => {
  it('for a visitor, with no period given, is the latest month of a released quarter', async () => {
    const d = await getDashboard(visitor, {});
    expect(d.period).toBe('2025M09');
    expect(d.cards.map((c) => c.compare.value)).toContain(1002);
  });

  it('for a leader, is the latest month that has ended, never the month still running', async () => {
    const d = await getDashboard(leader, {});
    expect(d.period).toBe('2025M10');
    expect(d.period).not.toBe(RUNNING);
  });
});
