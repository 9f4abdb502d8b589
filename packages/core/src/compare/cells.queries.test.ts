import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveIndicators } from '../catalog/indicators.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../testing.ts';
import { createUnits } from '../units/units.ts';
import { submitValues } from '../values/values.ts';
import { loadCells } from './cells.queries.ts';

// loadCells reads a dense list of periods (a year's months) as one key range per indicator and unit,
// filtered by the list, and a sparse one period by period: both must return exactly the cells asked.
let db: Database;
let ctx: Ctx;
let ids: { indicators: number[]; units: number[] };
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await saveIndicators(
    ctx,
    ['CELL.A', 'CELL.B'].map((code) => ({
      code,
      nameVi: code,
      nameEn: code,
      unitVi: 'đơn vị',
      precision: 1,
      kind: 'flow' as const,
      acrossUnits: 'sum' as const,
      domain: 'Test',
      reportingKind: 'enterprise' as const,
    })),
  );
  await createUnits(ctx, [
    { code: 'C_VN', nameVi: 'Cả nước', kind: 'country' },
    { code: 'C_P1', nameVi: 'Tỉnh 1', kind: 'province', parentCode: 'C_VN' },
    { code: 'C_P2', nameVi: 'Tỉnh 2', kind: 'province', parentCode: 'C_VN' },
    { code: 'C_E1', nameVi: 'Doanh nghiệp 1', kind: 'enterprise', parentCode: 'C_P1' },
    { code: 'C_E2', nameVi: 'Doanh nghiệp 2', kind: 'enterprise', parentCode: 'C_P2' },
  ]);
  // Months, composite periods that sort between and around them as text (2024M01-M08 between
  // 2024M01 and 2024M02, 2024Q1 after 2024M12, 2023M12 and 2025M01 outside), and a value entered
  // for a province itself.
  const periods = [
    '2023M12',
    '2024M01',
    '2024M01-M08',
    '2024M02',
    '2024M03',
    '2024M11',
    '2024M12',
    '2024Q1',
    '2024',
    '2025M01',
  ];
  const rows = [];
  let n = 0;
  for (const indicator of ['CELL.A', 'CELL.B'])
    for (const unit of ['C_E1', 'C_E2'])
      for (const period of periods)
        rows.push({
          row: ++n,
          indicator,
          unit,
          period,
          value: (n * 7) % 101,
          status: n % 3 ? 'official' : 'estimate',
        });
  rows.push({ row: ++n, indicator: 'CELL.A', unit: 'C_P1', period: '2024M02', value: 5, status: 'official' });
  await submitValues(ctx, { rows, source: 'test' });
  const i = await sql<{
    id: number;
  }>`select id from indicator where code like 'CELL.%' order by code`.execute(db.k);
  const u = await sql<{ id: number }>`select id from org_unit where code like 'C\\_%' order by code`.execute(
    db.k,
  );
  ids = { indicators: i.rows.map((r) => r.id), units: u.rows.map((r) => r.id) };
});
afterAll(() => db.close());

/** The cells of each period read on its own (a single period is always probed by key), merged. */
async function onePeriodAtATime(periods: string[]) {
  const direct = new Map();
  const rollup = new Map();
  for (const p of periods) {
    const c = await loadCells(db.k, ids.indicators, ids.units, [p]);
    for (const [k, v] of c.direct) direct.set(k, v);
    for (const [k, v] of c.rollup) rollup.set(k, v);
  }
  return { direct, rollup };
}

describe('loadCells', () => {
  it.each([
    ['a year of months', Array.from({ length: 12 }, (_, i) => `2024M${String(i + 1).padStart(2, '0')}`)],
    ['a quarter and its months', ['2024Q1', '2024M01', '2024M02', '2024M03']],
    ['months across a year end', ['2023M12', '2024M01']],
    ['periods far apart', ['2023M12', '2024M12', '2025M01']],
  ])('reads %s as it reads each period alone', async (_, periods) => {
    const all = await loadCells(db.k, ids.indicators, ids.units, periods);
    const each = await onePeriodAtATime(periods);
    expect(all.direct).toEqual(each.direct);
    expect(all.rollup).toEqual(each.rollup);
    // Only the periods asked, and some of each table.
    const asked = new Set(periods);
    for (const key of [...all.direct.keys(), ...all.rollup.keys()])
      expect(asked.has(key.split(',')[2]!)).toBe(true);
    expect(all.direct.size).toBeGreaterThan(0);
    expect(all.rollup.size).toBeGreaterThan(0);
  });
});
