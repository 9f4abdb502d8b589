import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { BaocaoError } from '../errors.ts';
import { createTestDatabase } from '../testing.ts';
import { compactRollups, rebuildRollups } from './rollups.ts';
import { importValues } from '../imports/imports.ts';
import { submitValues } from './values.ts';
import type { RawValueRow } from './validate.ts';

let db: Database;
let ctx: Ctx;
let rows: RawValueRow[];
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
  // More rows than one write statement takes on a server (20,000): on PostgreSQL the batch is
  // written chunk by chunk while the rest is validated.
  const cells = await sql<{ indicator: string; unit: string }>`
    select i.code as indicator, u.code as unit from indicator i cross join org_unit u
    where u.kind = 'province' and u.valid_to is null order by 1, 2`.execute(db.k);
  // The months since the provinces' merger (July 2025), all open.
  const periods = Array.from({ length: 17 }, (_, m) => {
    const k = 2025 * 12 + 6 + m;
    return `${Math.floor(k / 12)}M${String((k % 12) + 1).padStart(2, '0')}`;
  });
  rows = cells.rows
    .flatMap((c) => periods.map((period) => ({ ...c, period })))
    .slice(0, 21_000)
    .map((c, n) => ({ row: n + 2, ...c, value: n % 97, status: 'official' }));
});
afterAll(() => db.close());

const stored = async () =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from data_value where source = 'import:big.csv'`.execute(db.k)
  ).rows[0]!.n;

/** The rollups once every pending change is folded, one line per cell. */
const folded = async () => {
  await compactRollups(db.k);
  return (
    await sql<{ k: string }>`
      select concat_ws(',', indicator_id, unit_id, period, total, n, n_estimate, n_reporters) as k
      from rollup where n > 0 order by 1`.execute(db.k)
  ).rows.map((x) => x.k);
};

describe('a batch larger than one write statement', () => {
  it('writes nothing when its last rows have errors, and reports each of them', async () => {
    const bad = rows.map((r, n) =>
      n === rows.length - 1 ? { ...r, value: 'abc' } : n === rows.length - 2 ? { ...r, unit: 'NOPE' } : r,
    );
    // A duplicate of the first row, far from it (another chunk).
    bad.push({ ...rows[0]!, row: rows.length + 2 });
    const e = await submitValues(ctx, { rows: bad, source: 'import:big.csv' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BaocaoError);
    const x = e as BaocaoError;
    expect(x.detailsTotal).toBe(3);
    expect(x.details.map((d) => d.code).sort()).toEqual(['DUPLICATE_ROW', 'NOT_A_NUMBER', 'UNKNOWN_UNIT']);
    expect(await stored()).toBe(0);
  });

  it('writes every row with its audit and the rollups a recount gives', async () => {
    const r = await submitValues(ctx, { rows, source: 'import:big.csv' });
    expect(r).toMatchObject({ rows: rows.length, inserted: rows.length, updated: 0 });
    expect(await stored()).toBe(rows.length);
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from value_audit where source = 'import:big.csv'`.execute(db.k);
    expect(audit.rows[0]!.n).toBe(rows.length);
    const written = await folded();
    await rebuildRollups(ctx);
    expect(await folded()).toEqual(written);
  });
});

/** Rows as the CSV a unit would send (row n is the file's line n, the header being line 1). */
const csvOf = (rs: RawValueRow[]) =>
  Buffer.from(
    [
      'indicator,unit,period,value,status',
      ...rs.map((r) => `${r.indicator},${r.unit},${r.period},${r.value},${r.status}`),
    ].join('\n') + '\n',
  );
const valuesNow = async () =>
  (
    await sql<{ k: string }>`
      select concat_ws(',', indicator_id, unit_id, period, value) as k from data_value
      where source = 'import:big.csv' order by 1`.execute(db.k)
  ).rows.map((x) => x.k);

// On a server, a plain CSV over 256 KB is stored as it is read (its first chunk written while the
// rest is split); on PGlite it is read whole. Either way: the same rows, the same errors.
describe('a large file stored as it is read', () => {
  it("writes nothing when a row of its last chunk is wrong, and names the file's row", async () => {
    const before = await valuesNow();
    const bad = rows.map((r, n) =>
      n === rows.length - 1 ? { ...r, value: 'abc' } : { ...r, value: Number(r.value) + 1 },
    );
    const data = csvOf(bad);
    expect(data.length).toBeGreaterThan(256 * 1024);
    const e = await importValues(ctx, { data, filename: 'big.csv' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BaocaoError);
    const x = e as BaocaoError;
    expect(x.detailsTotal).toBe(1);
    expect(x.details[0]).toMatchObject({ row: rows.length + 1, field: 'value' });
    expect(await valuesNow()).toEqual(before);
  });

  it('stores every row of the file, as submitting them would, with rollups a recount gives', async () => {
    const changed = rows.map((r) => ({ ...r, value: Number(r.value) + 1 }));
    const r = await importValues(ctx, { data: csvOf(changed), filename: 'big.csv' });
    expect(r).toMatchObject({ rows: rows.length, inserted: 0, updated: rows.length });
    const ids = await sql<{ k: string; i: number; u: number }>`
      select concat_ws(',', i.code, u.code) as k, i.id as i, u.id as u
      from indicator i cross join org_unit u`.execute(db.k);
    const id = new Map(ids.rows.map((x) => [x.k, x]));
    const expected = changed
      .map((c) => {
        const k = id.get(`${c.indicator},${c.unit}`)!;
        return `${k.i},${k.u},${c.period},${c.value}`;
      })
      .sort();
    expect(await valuesNow()).toEqual(expected);
    const written = await folded();
    await rebuildRollups(ctx);
    expect(await folded()).toEqual(written);
  });
});
