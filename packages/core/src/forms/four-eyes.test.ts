import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicator } from '../compare/compare.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { countValues } from '../values/values.ts';
import { saveForm } from './forms.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { approveForm } from './review.ts';

let db: Database;
let anh: Ctx;
let binh: Ctx;
const PERIOD = '2025M10';

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  anh = { ...sys, actor: { username: 'can-bo-anh', role: 'officer', unitId: null } };
  binh = { ...sys, actor: { username: 'can-bo-binh', role: 'officer', unitId: null } };
  await openReportingPeriod(anh, { period: PERIOD });
});
afterAll(() => db.close());
afterEach(() => {
  delete process.env.BAOCAO_FOUR_EYES;
});

const submit = (ctx: Ctx, unit: string, value: number) =>
  saveForm(ctx, { unit, period: PERIOD, values: [{ indicator: 'VT.DOANH_THU', value }], submit: true });

describe('four eyes: whoever submits a form may not approve it', () => {
  it('refuses the submitter’s own approval, changing nothing; another officer approves, and the audit names both', async () => {
    await submit(anh, 'P01', 910);
    const before = await countValues(anh);
    await expect(approveForm(anh, { unit: 'P01', period: PERIOD })).rejects.toMatchObject({
      code: 'SELF_APPROVAL',
      status: 403,
    });
    expect(await countValues(anh)).toEqual(before);
    await approveForm(binh, { unit: 'P01', period: PERIOD });
    const c = await compareIndicator(binh, { indicator: 'VT.DOANH_THU', unit: 'P01', period: PERIOD });
    expect(c.value).toBe(910);
    const audit = await db.k
      .selectFrom('audit_log')
      .select(['actor', 'action', 'new_data'])
      .where('entity', '=', 'submission')
      .where('action', '=', 'approve')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'can-bo-binh',
        new_data: expect.objectContaining({ submittedBy: 'can-bo-anh', reviewedBy: 'can-bo-binh' }),
      }),
    ]);
    const history = await db.k
      .selectFrom('value_audit')
      .select(['actor', 'reason'])
      .where('period', '=', PERIOD)
      .execute();
    expect(history).toEqual([
      { actor: 'can-bo-binh', reason: expect.stringContaining('gửi bởi / submitted by can-bo-anh') },
    ]);
  });

  it('may be turned off by a deployment with a single officer', async () => {
    process.env.BAOCAO_FOUR_EYES = 'off';
    await submit(anh, 'P04', 120);
    await expect(approveForm(anh, { unit: 'P04', period: PERIOD })).resolves.toMatchObject({
      status: 'approved',
    });
  });
});
