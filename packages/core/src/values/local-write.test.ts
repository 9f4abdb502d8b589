import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { compactRollups, rebuildRollups } from './rollups.ts';
import { createUnits } from '../units/units.ts';
import { submitValues } from './values.ts';
import { upsertLocalValues } from './values.queries.ts';

let db: Database;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
  // Enterprises under a province: a province reporting its own value then has reporters below it.
  const p = await sql<{ code: string }>`
    select code from org_unit where kind = 'province' and valid_to is null order by code limit 2`.execute(
    db.k,
  );
  await createUnits(
    ctx,
    p.rows.flatMap((x) =>
      [1, 2].map((n) => ({
        code: `${x.code}.E${n}`,
        nameVi: `DN ${n}`,
        kind: 'enterprise' as const,
        parentCode: x.code,
      })),
    ),
  );
});
afterAll(() => db.close());

/** Every folded rollup with its coverage, after compaction. */
const rollups = async () => {
  await compactRollups(db.k);
  return (
    await sql<{ k: string }>`
      select concat_ws(',', indicator_id, unit_id, period, total, n, n_estimate, n_reporters) as k
      from rollup where n > 0 order by 1`.execute(db.k)
  ).rows.map((r) => r.k);
};

describe('values whose coverage is local', () => {
  it('leave the same sums and reporter counts as a recount, beside values that need counting', async () => {
    // Every kind of indicator (summed or not, each reporting kind) at every kind of unit: some rows
    // take the short statement, the others the one that counts reporters, in one import.
    const indicators = await sql<{ code: string }>`
      select distinct on (across_units, reporting_kind) code from indicator order by across_units, reporting_kind, code`.execute(
      db.k,
    );
    const units = await sql<{ code: string }>`
      select code from (
        select code, row_number() over (partition by kind order by code) as k from org_unit where valid_to is null
      ) u where k <= 3`.execute(db.k);
    const rows = indicators.rows.flatMap((i) =>
      units.rows.flatMap((u) =>
        ['2025M09', '2025M10'].map((period) => ({ indicator: i.code, unit: u.code, period, value: 7 })),
      ),
    );
    expect(rows.length).toBeGreaterThan(20);
    await submitValues(ctx, { rows: rows.map((r, n) => ({ ...r, row: n + 1 })) });
    // Again, changed: updates and estimates take the same ways.
    await submitValues(ctx, {
      rows: rows.map((r, n) => ({ ...r, row: n + 1, value: n % 3, status: n % 2 ? 'estimate' : 'official' })),
    });
    // New and stored cells in one write: the stored ones are found and changed, the new ones added.
    const mixed = rows.filter((r) => r.period === '2025M10');
    const both = [...mixed, ...mixed.map((r) => ({ ...r, period: '2025M11' }))];
    const r = await submitValues(ctx, { rows: both.map((x, n) => ({ ...x, row: n + 1, value: 100 + n })) });
    expect(r).toMatchObject({ inserted: mixed.length, updated: mixed.length });
    const stored = await sql<{ k: string }>`
      select concat_ws(',', i.code, u.code, d.period, d.value) as k
      from data_value d join indicator i on i.id = d.indicator_id join org_unit u on u.id = d.unit_id
      where d.period in ('2025M10', '2025M11')`.execute(db.k);
    expect(stored.rows.map((x) => x.k).sort()).toEqual(
      both.map((x, n) => `${x.indicator},${x.unit},${x.period},${100 + n}`).sort(),
    );
    // A unit that already counts as a reporter through the values below it, then reporting its own.
    const below = await sql<{ code: string }>`
      select distinct u.code from org_unit u join unit_ancestor a on a.unit_id = u.id and a.depth > 0
      join org_unit p on p.id = a.ancestor_id and p.kind <> 'country'
      where u.valid_to is null order by 1 limit 40`.execute(db.k);
    const late = (codes: string[]) =>
      indicators.rows.flatMap((i) =>
        codes.map((unit) => ({ indicator: i.code, unit, period: '2025M12', value: 3 })),
      );
    await submitValues(ctx, {
      rows: late(below.rows.map((b) => b.code)).map((r, n) => ({ ...r, row: n + 1 })),
    });
    const above = await sql<{ code: string }>`
      select distinct p.code from org_unit u join unit_ancestor a on a.unit_id = u.id and a.depth > 0
      join org_unit p on p.id = a.ancestor_id
      where u.code = any(${below.rows.map((b) => b.code)}::text[]) and p.valid_to is null`.execute(db.k);
    await submitValues(ctx, {
      rows: late(above.rows.map((b) => b.code)).map((r, n) => ({ ...r, row: n + 1 })),
    });
    const written = await rollups();
    await rebuildRollups(ctx);
    expect(await rollups()).toEqual(written);
  });

  it('write nothing once the unit tree changed after they were sorted out', async () => {
    const ids = await sql<{ i: number; u: number }>`
      select (select id from indicator order by id limit 1) as i,
             (select id from org_unit where parent_id is not null order by id limit 1) as u`.execute(db.k);
    const { i, u } = ids.rows[0]!;
    const row = {
      indicatorId: i,
      unitId: u,
      period: '2025M11',
      firstMonth: 2025 * 12 + 10,
      lastMonth: 2025 * 12 + 10,
      value: 5,
      status: 'official' as const,
      derived: false,
      note: null,
    };
    const meta = { actor: 'test', source: null, reason: null };
    expect(await upsertLocalValues(db.k, [row], meta, 'not the stamp')).toBeNull();
    const stored = await sql<{ n: number }>`
      select count(*)::int as n from data_value where indicator_id = ${i} and unit_id = ${u} and period = '2025M11'`.execute(
      db.k,
    );
    expect(stored.rows[0]!.n).toBe(0);
    const stamp = await sql<{ n: string }>`select n::text as n from catalog_stamp`.execute(db.k);
    expect(await upsertLocalValues(db.k, [row], meta, stamp.rows[0]!.n)).toEqual({ inserted: 1, updated: 0 });
  });
});
