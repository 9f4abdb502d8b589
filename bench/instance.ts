import { existsSync, mkdirSync } from 'node:fs';
import {
  type Ctx,
  type Database,
  createUnits,
  openDatabase,
  rebuildRollups,
  saveIndicators,
  systemCtx,
} from '@baocao/core';
import { sql } from 'kysely';
import pg from 'pg';

export interface Scale {
  indicators: number;
  provinces: number;
  units: number;
  months: number;
}

export const FIRST_YEAR = 2019;
export const code = (prefix: string, n: number, width: number) =>
  `${prefix}${String(n).padStart(width, '0')}`;

/** Opens the bench store for an engine, reusing a previously built instance of the same scale. */
export async function openBenchStore(
  engine: 'pglite' | 'postgres',
  scale: Scale,
  pgUrl: string,
): Promise<Database> {
  // The schema version is part of the name: an instance built by an older schema (rollups without
  // reporter counts, pending changes without writer slots) is another store, never migrated under
  // a bench running elsewhere.
  const tag = `${scale.indicators}x${scale.units}x${scale.months}_s22`;
  if (engine === 'pglite') {
    const dir = `.bench/pglite-${tag}`;
    mkdirSync('.bench', { recursive: true });
    return openDatabase({ dataDir: dir });
  }
  const name = `baocao_bench_${tag}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return openDatabase({ url: url.toString() });
}

export const benchDirExists = (scale: Scale) =>
  existsSync(`.bench/pglite-${scale.indicators}x${scale.units}x${scale.months}_s22`);

/**
 * Builds the synthetic instance once: indicators, VN → provinces → enterprises (through core),
 * then the values in bulk SQL (one statement per indicator) and the rollups in one statement.
 */
export async function buildInstance(db: Database, scale: Scale, say: (s: string) => void): Promise<void> {
  const ctx: Ctx = systemCtx(db);
  // Only the synthetic values count: the report bench adds the demo's figures to the same store.
  const have = await sql<{ n: number }>`
    select count(*)::int as n from data_value d join indicator i on i.id = d.indicator_id
    where i.code like 'BENCH.%'`.execute(db.k);
  const want = scale.indicators * scale.units * scale.months;
  if (have.rows[0]!.n === want) return say(`instance ready (${want.toLocaleString('en')} values)`);
  if (have.rows[0]!.n !== 0)
    throw new Error('bench store is partly built: delete .bench/ (or the bench database) and rerun');
  say('creating catalog and units');
  await saveIndicators(
    ctx,
    Array.from({ length: scale.indicators }, (_, i) => ({
      code: code('BENCH.I', i + 1, 3),
      nameVi: `Chỉ tiêu thử ${i + 1}`,
      nameEn: `Bench indicator ${i + 1}`,
      unitVi: 'đơn vị',
      precision: 0,
      kind: i % 5 === 0 ? ('stock' as const) : ('flow' as const),
      acrossUnits: 'sum' as const,
      domain: 'Bench',
      reportingKind: 'enterprise' as const,
    })),
  );
  await createUnits(ctx, [
    { code: 'VN', nameVi: 'Cả nước', kind: 'country' },
    ...Array.from({ length: scale.provinces }, (_, i) => ({
      code: code('BP', i + 1, 2),
      nameVi: `Tỉnh ${i + 1}`,
      kind: 'province' as const,
      parentCode: 'VN',
    })),
    ...Array.from({ length: scale.units }, (_, i) => ({
      code: code('BE', i + 1, 3),
      nameVi: `Doanh nghiệp ${i + 1}`,
      kind: 'enterprise' as const,
      parentCode: code('BP', (i % scale.provinces) + 1, 2),
    })),
  ]);
  const inds = await db.k
    .selectFrom('indicator')
    .select('id')
    .where('code', 'like', 'BENCH.%')
    .orderBy('id')
    .execute();
  const started = Date.now();
  for (const [n, ind] of inds.entries()) {
    await sql`
      insert into data_value (indicator_id, unit_id, period, first_month, last_month, value, status, derived, source, updated_by)
      select ${ind.id}::int, u.id, to_char(make_date(${FIRST_YEAR} + m / 12, m % 12 + 1, 1), 'YYYY"M"MM'),
             (${FIRST_YEAR} + m / 12) * 12 + m % 12, (${FIRST_YEAR} + m / 12) * 12 + m % 12,
             ((${ind.id}::int * 7919 + u.id * 104729 + m * 13) % 100000) / 10.0, 'official', false, 'bench', 'bench'
      from org_unit u cross join generate_series(0, ${scale.months - 1}::int) m
      where u.kind = 'enterprise'`.execute(db.k);
    if ((n + 1) % 20 === 0)
      say(`values: ${n + 1}/${inds.length} indicators (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  say('rollups');
  await rebuildRollups(ctx);
  await sql`analyze`.execute(db.k);
}
