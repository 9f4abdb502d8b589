import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { submitValues } from '../values/values.ts';
import { getForm, saveForm } from './forms.ts';
import { reviewQueue } from './review-queue.ts';
import { submissionBoard } from './review.ts';

let db: Database;
let officer: Ctx;
const reporterOf = async (unit: string): Promise<Ctx> => {
  const graph = await loadUnitGraph(db.k);
  return {
    ...systemCtx(db),
    actor: { username: `rep-${unit}`, role: 'reporter', unitId: graph.byCode.get(unit)!.id },
  };
};

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  officer = { ...sys, actor: { username: 'officer', role: 'officer', unitId: null } };
  await openReportingPeriod(officer, { period: '2025M09' });
  // Last year's telecom revenue of Hà Nội and Cao Bằng (Đà Nẵng has none: all of its value is change).
  await submitValues(officer, {
    rows: [
      { row: 1, indicator: 'VT.DOANH_THU', unit: 'P01', period: '2024M09', value: 5000, status: 'official' },
      { row: 2, indicator: 'VT.DOANH_THU', unit: 'P04', period: '2024M09', value: 60, status: 'official' },
    ],
  });
}, 300_000);
afterAll(() => db.close());

describe('complete submissions', () => {
  it('records the cells a submission left empty with their reasons, and the board shows 6/N', async () => {
    const reporter = await reporterOf('P48');
    const form = await getForm(reporter, { unit: 'P48', period: '2025M09' });
    const n = form.rows.length;
    expect(n).toBeGreaterThan(6);
    const typed = [
      'VT.DOANH_THU',
      ...form.rows.map((r) => r.indicator).filter((c) => c !== 'VT.DOANH_THU'),
    ].slice(0, 6);
    const emptyCodes = form.rows.map((r) => r.indicator).filter((c) => !typed.includes(c));
    const sent = await saveForm(reporter, {
      unit: 'P48',
      period: '2025M09',
      values: typed.map((indicator) => ({ indicator, value: indicator === 'VT.DOANH_THU' ? 1000 : 12 })),
      emptyReasons: [{ indicator: emptyCodes[0]!, reason: 'chưa có số liệu của doanh nghiệp' }],
      emptyReason: 'không phát sinh',
      submit: true,
    });
    expect(sent).toMatchObject({ status: 'submitted', filled: 6, required: n });
    expect(sent.emptyCells).toEqual(
      emptyCodes.map((indicator, i) => ({
        indicator,
        reason: i === 0 ? 'chưa có số liệu của doanh nghiệp' : 'không phát sinh',
      })),
    );
    const board = await submissionBoard(officer, { period: '2025M09' });
    const row = board.forms.find((f) => f.unit === 'P48')!;
    expect(`${row.filled}/${row.required}`).toBe(`6/${n}`);
    expect(row.emptyCells).toHaveLength(n - 6);
    const audit = await db.k
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'submission_empty_cells')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.new_data).toMatchObject({ filled: 6, required: n });
  });

  it('records an empty cell without a reason as such when none is given', async () => {
    const reporter = await reporterOf('P04');
    const sent = await saveForm(reporter, {
      unit: 'P04',
      period: '2025M09',
      values: [{ indicator: 'VT.DOANH_THU', value: 90 }],
      submit: true,
    });
    expect(sent.filled).toBe(1);
    expect(sent.emptyCells.every((c) => c.reason === null)).toBe(true);
    expect(sent.emptyCells).toHaveLength(sent.required - 1);
  });
});

describe('selective editing: the review queue', () => {
  it('orders submitted values by their share of the change of the national total', async () => {
    await saveForm(await reporterOf('P01'), {
      unit: 'P01',
      period: '2025M09',
      values: [{ indicator: 'VT.DOANH_THU', value: 5200 }],
      submit: true,
    });
    const queue = await reviewQueue(officer, { period: '2025M09', indicator: 'VT.DOANH_THU' });
    // Changes: Đà Nẵng 1000 (no reference), Hà Nội 200, Cao Bằng 30 — of 1230 in all.
    expect(queue.items.map((i) => [i.unit, i.change, Number(i.share.toFixed(4))])).toEqual([
      ['P48', 1000, 0.813],
      ['P01', 200, 0.1626],
      ['P04', 30, 0.0244],
    ]);
    expect(queue.items[1]!.reference).toEqual({ period: '2024M09', value: 5000 });
    await expect(reviewQueue(await reporterOf('P01'), { period: '2025M09' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
