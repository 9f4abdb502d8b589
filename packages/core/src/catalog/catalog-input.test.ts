import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { createUnits } from '../units/units.ts';
import { listIndicators, saveIndicators } from './indicators.ts';

let db: Database;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
});
afterAll(() => db.close());

const good = {
  code: 'X.MOI',
  nameVi: 'Chỉ tiêu mới',
  nameEn: 'New',
  unitVi: 'tỷ đồng',
  precision: 0,
  kind: 'flow' as const,
  acrossUnits: 'sum' as const,
  domain: 'Khác',
};

describe('a list of catalog entries is refused with every row’s problem, the one zod mapping', () => {
  it('indicators: each bad row and field, nothing saved', async () => {
    const before = (await listIndicators(ctx)).length;
    const e = await saveIndicators(ctx, [
      good,
      { ...good, code: 'x moi', precision: 9 },
      // @ts-expect-error: a kind the catalog does not know, as a client might send it
      { ...good, code: 'X.KHAC', kind: 'growth' },
    ]).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'INVALID_INDICATOR',
      details: [
        expect.objectContaining({ row: 2, field: 'code' }),
        expect.objectContaining({ row: 2, field: 'precision', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 3, field: 'kind', code: 'UNKNOWN_KIND' }),
      ],
    });
    expect((await listIndicators(ctx)).length).toBe(before);
  });

  it('units: the same shape of refusal', async () => {
    // @ts-expect-error: a unit kind that does not exist
    const e = await createUnits(ctx, [{ code: 'DN.MOI', nameVi: 'x', kind: 'planet' }]).catch(
      (x: unknown) => x,
    );
    expect(e).toMatchObject({
      code: 'INVALID_UNIT',
      details: [expect.objectContaining({ row: 1, field: 'kind' })],
    });
  });
});
