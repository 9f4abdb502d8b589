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

  it('pre-aggregate pending changes per writer slot: rows per cell bounded by writers at once, not by writes', async () => {
    await compactRollups(db.k);
    // 120 single-value writes on 2025M10, all under VN (most under a handful of provinces).
    const units = Array.from({ length: 120 }, (_, i) => PROVINCES[i % PROVINCES.length]!);
    await Promise.all(
      units.map((u, i) =>
        submitValues(ctx, {
          rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit: u, period: '2025M10', value: 10 + i }],
        }),
      ),
    );
    const perCell = await sql<{ cells: number; most: number; slots: number }>`
      select count(*)::int as cells, max(c)::int as most, (select count(distinct slot) from rollup_delta)::int as slots
      from (select count(*) as c from rollup_delta where period = '2025M10' group by indicator_id, unit_id, period) x`.execute(
      db.k,
    );
    const { cells, most, slots } = perCell.rows[0]!;
    expect(cells).toBeGreaterThan(0);
    // The national cell took 120 changes: appended, they would be 120 rows. A PGlite store has one
    // connection (one slot); a server's pool lets at most its size write at once.
    const writersAtOnce = db.poolStats()?.max ?? 1;
    expect(most).toBeLessThanOrEqual(writersAtOnce);
    expect(slots).toBeLessThanOrEqual(writersAtOnce);
    expect(await drift()).toBe(0);
    // Compaction folds every slot nobody holds (here, all of them) and leaves the answers as they were.
    expect(await compactRollups(db.k)).toBeGreaterThanOrEqual(cells);
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from rollup_delta`.execute(db.k)).rows[0]!.n,
    ).toBe(0);
    expect(await drift()).toBe(0);
  }, 180_000);

  it('compaction skips a slot a writer holds, and folds it once the writer has committed', async () => {
    if (db.engine !== 'postgres') return; // one connection: no writer can hold a slot meanwhile
    await compactRollups(db.k);
    const vnTotal = async () =>
      Number(
        (
          await sql<{ total: string | null }>`
            select sum(r.total)::text as total from rollup_now r join indicator i on i.id = r.indicator_id
            join org_unit u on u.id = r.unit_id
            where i.code = 'VT.DOANH_THU' and u.code = 'VN' and r.period = '2025M11'`.execute(db.k)
        ).rows[0]!.total ?? 0,
      );
    const before = await vnTotal();
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    let wrote = () => undefined as void;
    const written = new Promise<void>((r) => (wrote = r));
    const writer = db.k.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(7482003, 0)`.execute(trx);
      await sql`
        insert into rollup_delta (indicator_id, unit_id, period, slot, total, n, n_estimate, n_reporters)
        select id, (select id from org_unit where code = 'VN'), '2025M11', 0, 5, 0, 0, 0
        from indicator where code = 'VT.DOANH_THU'`.execute(trx);
      wrote();
      await held;
    });
    await written;
    // The writer's row is not committed and its slot is held: nothing to fold, and no waiting.
    expect(await compactRollups(db.k)).toBe(0);
    release();
    await writer;
    expect(await compactRollups(db.k)).toBe(1);
    expect(await vnTotal()).toBe(before + 5);
    // Put the total back as it was (a change of −5 through the same table).
    await sql`
      insert into rollup_delta (indicator_id, unit_id, period, slot, total, n, n_estimate, n_reporters)
      select id, (select id from org_unit where code = 'VN'), '2025M11', 0, -5, 0, 0, 0
      from indicator where code = 'VT.DOANH_THU'`.execute(db.k);
    await compactRollups(db.k);
    expect(await vnTotal()).toBe(before);
  }, 180_000);
});
