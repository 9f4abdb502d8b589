// (b) a validated, audited import against the floor of storing the same rows at all: one bare
// INSERT … SELECT into the same keyed table. And the cleanup every part of the bench relies on.
import { type Database, importValues, systemCtx } from '@baocao/core';
import { sql } from 'kysely';
import { type Scale, code } from './instance.ts';
import { time } from './measure.ts';

/** The periods the bench writes into (the instance's values end in 2024). */
export const BENCH_WRITE_PERIODS = ['2025M01', '2025M02', '2025M03'];

/**
 * Removes everything the bench wrote for these periods on its own indicators: values, their
 * audit rows, folded rollups and pending changes, so the next run starts from the same store.
 */
export async function cleanPeriods(db: Database, periods: string[]): Promise<void> {
  const mine = sql`indicator_id in (select id from indicator where code like 'BENCH.%') and period = any(${periods}::text[])`;
  await sql`delete from data_value where ${mine}`.execute(db.k);
  await sql`delete from rollup where ${mine}`.execute(db.k);
  await sql`delete from rollup_delta where ${mine}`.execute(db.k);
  await sql`delete from value_audit where ${mine}`.execute(db.k);
  // Dead rows would slow whatever is measured next.
  await sql`vacuum data_value, rollup, rollup_delta, value_audit`.execute(db.k);
}

/** What the bench left behind: its values and changes in its periods (0 after a clean run). */
export async function leftBehind(db: Database): Promise<number> {
  const r = await sql<{ n: number }>`
    select ((select count(*) from data_value where period = any(${BENCH_WRITE_PERIODS}::text[]))
          + (select count(*) from rollup_delta where period = any(${BENCH_WRITE_PERIODS}::text[]))
          + (select count(*) from rollup where period = any(${BENCH_WRITE_PERIODS}::text[])))::int as n`.execute(
    db.k,
  );
  return r.rows[0]?.n ?? 0;
}

export interface ImportResult {
  rows: number;
  tFloor: number;
  tOurs: number;
  /** Our rate ÷ the bare INSERT's. */
  ratio: number;
}

export async function importBench(db: Database, scale: Scale): Promise<ImportResult> {
  const periods = BENCH_WRITE_PERIODS.slice(0, 2);
  await cleanPeriods(db, periods);
  const lines = ['indicator,unit,period,value,status'];
  for (let i = 1; i <= scale.indicators; i++)
    for (let u = 1; u <= scale.units; u++)
      for (const p of periods)
        lines.push(`${code('BENCH.I', i, 3)},${code('BE', u, 3)},${p},${(i * 31 + u * 7) % 9973}.5,official`);
  const csv = Buffer.from(lines.join('\n') + '\n');
  const rows = lines.length - 1;
  // The floor: the same rows, already parsed into a staging table (not timed), stored by one bare
  // INSERT … SELECT into data_value with its primary key and foreign keys — no validation, audit,
  // rollups or coverage.
  await sql`drop table if exists bench_stage`.execute(db.k);
  await sql`create table bench_stage (indicator text, unit text, period text, value numeric, status text)`.execute(
    db.k,
  );
  if ((await db.copyFromCsv('bench_stage', csv)) !== rows) throw new Error('staging COPY lost rows');
  const [tFloor] = await time(() =>
    sql`
      insert into data_value (indicator_id, unit_id, period, first_month, last_month, value, status, derived, source, updated_by)
      select i.id, u.id, s.period,
             substr(s.period, 1, 4)::int * 12 + substr(s.period, 6, 2)::int - 1,
             substr(s.period, 1, 4)::int * 12 + substr(s.period, 6, 2)::int - 1,
             s.value, s.status, false, 'bench', 'bench'
      from bench_stage s join indicator i on i.code = s.indicator join org_unit u on u.code = s.unit`.execute(
      db.k,
    ),
  );
  await sql`drop table bench_stage`.execute(db.k);
  await cleanPeriods(db, periods);
  const [tOurs, r] = await time(() => importValues(systemCtx(db), { data: csv, filename: 'bench.csv' }));
  if (r.inserted !== rows) throw new Error(`import inserted ${r.inserted} of ${rows}`);
  await cleanPeriods(db, periods);
  return { rows, tFloor, tOurs, ratio: tFloor / tOurs };
}
