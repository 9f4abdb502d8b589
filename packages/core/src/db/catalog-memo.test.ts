import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators, saveIndicators } from '../catalog/indicators.ts';
import { systemCtx } from '../context.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { createUnits } from '../units/units.ts';
import type { Database } from './database.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(systemCtx(db));
});
afterAll(() => db.close());

describe('the catalog kept in memory', () => {
  it('serves the same graph until the unit tree changes, then the new one', async () => {
    const a = await loadUnitGraph(db.k);
    expect(await loadUnitGraph(db.k)).toBe(a);
    await createUnits(systemCtx(db), [{ code: 'SO_MOI', nameVi: 'Sở mới', kind: 'other', parentCode: 'VN' }]);
    const b = await loadUnitGraph(db.k);
    expect(b).not.toBe(a);
    expect(b.byCode.has('SO_MOI')).toBe(true);
  });

  it('sees an indicator the moment it is saved, also when written by plain SQL', async () => {
    const before = (await listIndicators(systemCtx(db))).length;
    await saveIndicators(systemCtx(db), [
      {
        code: 'X.MOI',
        nameVi: 'Mới',
        nameEn: 'New',
        unitVi: 'cái',
        precision: 0,
        kind: 'flow',
        acrossUnits: 'sum',
        domain: 'x',
      },
    ]);
    expect((await listIndicators(systemCtx(db))).length).toBe(before + 1);
    await db.k.deleteFrom('indicator').where('code', '=', 'X.MOI').execute();
    expect((await listIndicators(systemCtx(db))).length).toBe(before);
  });

  it('reads inside a transaction without keeping what the transaction may roll back', async () => {
    await expect(
      db.k.transaction().execute(async (trx) => {
        await trx.updateTable('org_unit').set({ name_vi: 'Tạm' }).where('code', '=', 'SO_MOI').execute();
        expect((await loadUnitGraph(trx)).byCode.get('SO_MOI')?.nameVi).toBe('Tạm');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await loadUnitGraph(db.k)).byCode.get('SO_MOI')?.nameVi).toBe('Sở mới');
  });
});
