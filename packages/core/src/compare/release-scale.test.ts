import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators, saveIndicators } from '../catalog/indicators.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { parsePeriod, previousPeriod, samePeriodLastYear } from '../periods/period.ts';
import { partialFigures } from '../releases/release-period.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { createUnits } from '../units/units.ts';
import { rebuildRollups } from '../values/rollups.ts';
import { planResolve } from './env.ts';

const INDICATORS = 20;
const ENTERPRISES = 150;

let db: Database;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
  await saveIndicators(
    ctx,
    Array.from({ length: INDICATORS }, (_, i) => ({
      code: `SCALE.I${i + 1}`,
      nameVi: `Chỉ tiêu ${i + 1}`,
      nameEn: `Indicator ${i + 1}`,
      unitVi: 'đơn vị',
      precision: 0,
      kind: 'flow' as const,
      acrossUnits: 'sum' as const,
      domain: 'Test',
      reportingKind: 'enterprise' as const,
    })),
  );
  const provinces = [...(await loadUnitGraph(db.k)).byId.values()].filter(
    (u) => u.kind === 'province' && !u.validTo,
  );
  await createUnits(
    ctx,
    Array.from({ length: ENTERPRISES }, (_, e) => ({
      code: `SCALE.E${e + 1}`,
      nameVi: `Doanh nghiệp ${e + 1}`,
      kind: 'enterprise' as const,
      parentCode: provinces[e % provinces.length]!.code,
    })),
  );
  // Two years of monthly values (72,000 here), loaded in bulk as the bench does; a few months
  // missing, so some national figures of 2024 are partial.
  await sql`
    insert into data_value (indicator_id, unit_id, period, first_month, last_month, value, status, updated_by)
    select i.id, u.id, to_char(make_date(2023 + m / 12, m % 12 + 1, 1), 'YYYY"M"MM'),
           (2023 + m / 12) * 12 + m % 12, (2023 + m / 12) * 12 + m % 12, (i.id + u.id + m) % 1000, 'official', 'test'
    from indicator i cross join org_unit u cross join generate_series(0, 23) m
    where i.code like 'SCALE.%' and u.code like 'SCALE.%' and (i.id * 7 + u.id * 13 + m) % 503 <> 0`.execute(
    db.k,
  );
  await rebuildRollups(ctx);
}, 240_000);
afterAll(() => db.close());

describe('releasing a year stays linear in its inputs', () => {
  it('plans one read of each indicator, unit and period however many figures ask for them', async () => {
    const graph = await loadUnitGraph(db.k);
    const byCode = new Map((await listIndicators(ctx)).map((i) => [i.code, i]));
    const inds = [...byCode.values()].filter((i) => i.reportingKind);
    const vn = graph.byCode.get('VN')!;
    const p = parsePeriod('2024');
    // What compareMany asks for a release: every indicator for the country, each with its period,
    // the period before and the same period last year (three periods per request, repeated).
    const plan = planResolve(graph, byCode, {
      inds,
      units: inds.map(() => vn),
      periods: inds.flatMap(() => [p, previousPeriod(p)!, samePeriodLastYear(p)]),
      coveragePeriods: inds.map(() => p),
    });
    expect(plan.indicatorIds.length).toBeLessThanOrEqual(byCode.size);
    expect(plan.unitIds).toEqual([vn.id]);
    // 2024 and 2023, each with its half-years, quarters and months.
    expect(plan.periods.length).toBe(2 * (1 + 4 + 12));
    // The year's coverage (a flow complete from its months) is counted per indicator, once.
    expect(plan.slow.length).toBe(inds.length);
  });

  it('counts who reported the whole year exactly, without holding every reporter in one read', async () => {
    const partial = await partialFigures(ctx, '2024');
    const raw = await sql<{ code: string; n: number }>`
      select i.code, count(*)::int as n from (
        select d.indicator_id, d.unit_id from data_value d
        where d.period like '2024M%' group by 1, 2 having count(*) = 12
      ) x join indicator i on i.id = x.indicator_id
      where i.code like 'SCALE.%' group by i.code`.execute(db.k);
    const complete = new Map(raw.rows.map((r) => [r.code, r.n]));
    const scale = partial.filter((f) => f.indicator.startsWith('SCALE.'));
    expect(scale.length).toBeGreaterThan(0);
    for (const f of scale) {
      expect(f).toEqual({
        indicator: f.indicator,
        reported: complete.get(f.indicator),
        expected: ENTERPRISES,
      });
    }
    // Every indicator with a missing month is listed, and only those.
    expect(scale.length).toBe([...complete.values()].filter((n) => n < ENTERPRISES).length);
  });
});
