import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { getForm, listMyForms, saveForm } from '../forms/forms.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { monthIndexOfDate, periodFromMonths } from './period.ts';
import { loadPeriodWorld, periodFacts, todayInVietnam } from './period-state.ts';
import { listReportingPeriods, openReportingPeriod } from './reporting-periods.ts';

let db: Database;
let officer: Ctx;
let reporter: Ctx;
let parentReporter: Ctx;
// The month still running (in Vietnam) and the next one: neither has ended.
const now = monthIndexOfDate(todayInVietnam());
const RUNNING = periodFromMonths(now, now).id;
const NEXT = periodFromMonths(now + 1, now + 1).id;

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  const graph = await loadUnitGraph(db.k);
  officer = { ...sys, actor: { username: 'officer', role: 'officer', unitId: null } };
  reporter = {
    ...sys,
    actor: { username: 'bao-cao', role: 'reporter', unitId: graph.byCode.get('P48')!.id },
  };
  // A reporter of the unit above Đà Nẵng: core's scope is the unit's subtree.
  const parent = graph.byCode.get('P48')!.parentId!;
  parentReporter = { ...sys, actor: { username: 'bao-cao-tren', role: 'reporter', unitId: parent } };
  await openReportingPeriod(officer, { period: '2025M09' });
}, 180_000);
afterAll(() => db.close());

describe('a period that has not ended is not offered for reporting', () => {
  it('refuses to open it unless an administrator opens it early on purpose', async () => {
    await expect(openReportingPeriod(officer, { period: NEXT })).rejects.toMatchObject({
      code: 'PERIOD_NOT_ENDED',
    });
    expect((await listReportingPeriods(officer)).map((p) => p.period)).not.toContain(NEXT);
    const listed = await openReportingPeriod(officer, { period: RUNNING, early: true });
    expect(listed.find((p) => p.period === RUNNING)).toMatchObject({
      open: true,
      ended: false,
      openedEarly: true,
      closedBy: null,
    });
    expect((await listMyForms(reporter)).map((f) => f.period)).toContain(RUNNING);
    // Re-dating it keeps it opened early; closing it closes it.
    await openReportingPeriod(officer, { period: RUNNING, dueOn: '2099-01-15' });
    expect((await listReportingPeriods(officer)).find((p) => p.period === RUNNING)?.openedEarly).toBe(true);
  });

  it('is not open, and takes no form, while it runs without an early opening', async () => {
    const world = await loadPeriodWorld(db.k, '2030-06-10');
    const june = periodFromMonths(monthIndexOfDate('2030-06-01'), monthIndexOfDate('2030-06-01'));
    expect(periodFacts(world, june)).toMatchObject({ open: false, closedBy: 'not_ended', ended: false });
    expect(periodFacts(world, june, true)).toMatchObject({ open: true, closedBy: null });
    const may = periodFromMonths(june.first - 1, june.first - 1);
    expect(periodFacts(world, may)).toMatchObject({ open: true, ended: true });
  });

  it('refuses a deadline before the period ends, and a date the calendar lacks', async () => {
    await expect(
      openReportingPeriod(officer, { period: '2025M10', dueOn: '2025-10-30' }),
    ).rejects.toMatchObject({
      code: 'DUE_BEFORE_END',
    });
    await expect(
      openReportingPeriod(officer, { period: '2024M02', dueOn: '2024-02-30' }),
    ).rejects.toMatchObject({
      code: 'INVALID_DATE',
    });
    await expect(
      openReportingPeriod(officer, { period: '2025M10', dueOn: '2025-99-99' }),
    ).rejects.toMatchObject({
      code: 'INVALID_DATE',
    });
    const ok = await openReportingPeriod(officer, { period: '2025M10', dueOn: '2025-10-31' });
    expect(ok.find((p) => p.period === '2025M10')?.dueOn).toBe('2025-10-31');
  });
});

describe('a reporter of a parent unit: the editability core enforces is the one it answers', () => {
  it('answers edit for a form inside the subtree, and the save it promises succeeds', async () => {
    const form = await getForm(parentReporter, { unit: 'P48', period: '2025M09' });
    expect(form.abilities).toMatchObject({ edit: true, submit: true, approve: false });
    const saved = await saveForm(parentReporter, {
      unit: 'P48',
      period: '2025M09',
      values: [{ indicator: 'VT.DOANH_THU', value: 1050 }],
    });
    expect(saved.status).toBe('draft');
    // Its own unit's reporter sees the same; a form outside the scope is not offered.
    expect((await getForm(reporter, { unit: 'P48', period: '2025M09' })).abilities.edit).toBe(true);
    await expect(getForm(reporter, { unit: 'P01', period: '2025M09' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
