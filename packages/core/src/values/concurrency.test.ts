import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicator } from '../compare/compare.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { compactRollups } from './rollups.ts';
import { submitValues } from './values.ts';

let db: Database;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
});
afterAll(() => db.close());

const PROVINCES = ['P01', 'P04', 'P08', 'P11', 'P12', 'P14', 'P15', 'P19', 'P20', 'P22'];

/** Cells whose rollups (folded and pending) differ from a recount of the stored values. */
const drift = async () =>
  (
    await sql<{ n: number }>`
    select count(*)::int as n from (
      select d.indicator_id, a.ancestor_id as unit_id, d.period, sum(d.value) as total, count(*)::int as n
      from data_value d join unit_ancestor a on a.unit_id = d.unit_id and a.depth > 0 group by 1, 2, 3
    ) f full join (select * from rollup_now where n > 0) r using (indicator_id, unit_id, period)
    where f.total is distinct from r.total or f.n is distinct from r.n`.execute(db.k)
  ).rows[0]!.n;

describe('concurrent writers of one indicator', () => {
  it('keep every aggregate exact: same cell, other cells, a bulk import and compaction at once', async () => {
    const one = (unit: string, value: number, period = '2025M08') =>
      submitValues(ctx, { rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit, period, value }] });
    // A bulk write of the same indicator (more cells than a small write locks one by one), over
    // the 34 provinces and the sixteen months since the merger, the single writers' cells among them.
    const provinces = (
      await db.k
        .selectFrom('org_unit')
        .select('code')
        .where('kind', '=', 'province')
        .where('valid_to', 'is', null)
        .execute()
    ).map((p) => p.code);
    const bulk = Array.from({ length: 300 }, (_, i) => {
      const m = 6 + Math.floor(i / provinces.length);
      return {
        row: i + 1,
        indicator: 'VT.DOANH_THU',
        unit: provinces[i % provinces.length]!,
        period: `${2025 + Math.floor(m / 12)}M${String((m % 12) + 1).padStart(2, '0')}`,
        value: i,
      };
    });
    await Promise.all([
      ...PROVINCES.map((u, i) => one(u, 100 + i)),
      ...Array.from({ length: 12 }, (_, i) => one('P01', 1000 + i)),
      submitValues(ctx, { rows: bulk }).then((r) => expect(r.rows).toBe(300)),
      compactRollups(db.k),
      ...PROVINCES.map((u, i) => one(u, 200 + i, '2025M09')),
      compactRollups(db.k),
    ]);
    expect(await drift()).toBe(0);
    const stored = await sql<{ s: string }>`
      select sum(value)::text as s from data_value d join indicator i on i.id = d.indicator_id
      where i.code = 'VT.DOANH_THU' and period = '2025M08'`.execute(db.k);
    const vn = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: '2025M08' });
    expect(vn.value).toBe(Number(stored.rows[0]!.s));
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from value_audit a join indicator i on i.id = a.indicator_id
      where i.code = 'VT.DOANH_THU' and period in ('2025M08', '2025M09')`.execute(db.k);
    // Every write that changed a value left one audit row: 10 + 12 on 2025M08 (the last 12 on one
    // cell, one of which may repeat P01's first value and change nothing) and 10 on 2025M09.
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(31);
    await compactRollups(db.k);
    expect(await drift()).toBe(0);
  }, 180_000);
});
