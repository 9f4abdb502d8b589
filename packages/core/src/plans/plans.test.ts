import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { listPlanTargets, setPlanTargets } from './plans.ts';

let db: Database;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
}, 180_000);
afterAll(() => db.close());

const audited = () =>
  db.k
    .selectFrom('audit_log')
    .select(['entity_key as key', 'action'])
    .where('entity', '=', 'plan_target')
    .orderBy('id')
    .execute();

describe('annual plan targets', () => {
  it('sets, replaces and lists a year’s targets, auditing each change and skipping an unchanged one', async () => {
    await setPlanTargets(ctx, [
      { indicator: 'VT.DOANH_THU', unit: 'VN', year: 2026, value: 50_000 },
      { indicator: 'VT.DOANH_THU', unit: 'P48', year: 2026, value: 3_000, note: 'Nghị quyết HĐND' },
      { indicator: 'VT.DOANH_THU', unit: 'VN', year: 2025, value: 45_000 },
    ]);
    await setPlanTargets(ctx, [
      { indicator: 'VT.DOANH_THU', unit: 'VN', year: 2026, value: 52_500 },
      { indicator: 'VT.DOANH_THU', unit: 'P48', year: 2026, value: 3_000, note: 'Nghị quyết HĐND' },
    ]);
    expect(await listPlanTargets(ctx, { year: 2026 })).toEqual([
      { indicator: 'VT.DOANH_THU', unit: 'P48', year: 2026, value: 3_000, note: 'Nghị quyết HĐND' },
      { indicator: 'VT.DOANH_THU', unit: 'VN', year: 2026, value: 52_500, note: null },
    ]);
    expect(await audited()).toEqual([
      { key: 'VT.DOANH_THU|VN|2026', action: 'create' },
      { key: 'VT.DOANH_THU|P48|2026', action: 'create' },
      { key: 'VT.DOANH_THU|VN|2025', action: 'create' },
      { key: 'VT.DOANH_THU|VN|2026', action: 'update' },
    ]);
  });
});
