// The same pivot in DuckDB, in memory, on the same values, measured in the same run.
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '@baocao/core';
import { sql } from 'kysely';
import { median, time } from './measure.ts';
import type { PivotSpec } from './pivot-bench.ts';

export interface Duck {
  connection: DuckDBConnection;
  values: number;
  tLoad: number;
  close(): void;
}

const FILE = '.bench/duck-values.csv';

/**
 * Copies the synthetic values (every BENCH indicator, all months) and the unit tree from the store
 * into an in-memory DuckDB with 2 threads (the machine's cores), through a CSV file that is removed
 * afterwards. Values are exact decimals, as in PostgreSQL.
 */
export async function loadDuck(db: Database): Promise<Duck> {
  const [tLoad, duck] = await time(async () => {
    const inds = await db.k.selectFrom('indicator').select('id').where('code', 'like', 'BENCH.%').execute();
    // The PostgreSQL bench keeps nothing in .bench/ otherwise: it may not exist yet.
    mkdirSync('.bench', { recursive: true });
    const out = createWriteStream(FILE);
    for (const { id } of inds) {
      // One text per indicator: PGlite decodes results row by row, one string is far faster.
      const r = await sql<{ t: string | null }>`
        select string_agg(concat_ws(',', indicator_id, unit_id, period, value), E'\n') as t
        from data_value where indicator_id = ${id}`.execute(db.k);
      const t = r.rows[0]?.t;
      if (t && !out.write(t + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const tree = await db.k.selectFrom('unit_ancestor').select(['unit_id', 'ancestor_id', 'depth']).execute();
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    const connection = await instance.connect();
    await connection.run(`
      create table data_value as select * from read_csv('${FILE}', header = false,
        columns = {'indicator_id': 'INTEGER', 'unit_id': 'INTEGER', 'period': 'VARCHAR', 'value': 'DECIMAL(18,3)'})`);
    await connection.run('create table unit_ancestor (unit_id INTEGER, ancestor_id INTEGER, depth INTEGER)');
    const appender = await connection.createAppender('unit_ancestor');
    for (const a of tree) {
      appender.appendInteger(a.unit_id);
      appender.appendInteger(a.ancestor_id);
      appender.appendInteger(a.depth);
      appender.endRow();
    }
    appender.closeSync();
    rmSync(FILE, { force: true });
    const n = await connection.runAndReadAll('select count(*)::INTEGER as n from data_value');
    return { connection, instance, values: Number(n.getRowObjects()[0]!.n) };
  });
  return {
    connection: duck.connection,
    values: duck.values,
    tLoad,
    close: () => {
      duck.connection.closeSync();
      duck.instance.closeSync();
    },
  };
}

/** The pivot's province totals in DuckDB (the GROUP BY, results read into JavaScript); median of 7. */
export async function duckPivot(duck: Duck, s: PivotSpec): Promise<{ t: number; total: number }> {
  const query = `
    select d.indicator_id, a.ancestor_id, d.period, sum(d.value) as total
    from data_value d join unit_ancestor a on a.unit_id = d.unit_id and a.depth = 1
    where d.indicator_id in (${s.indicatorIds.join(',')})
      and d.period in (${s.periods.map((p) => `'${p}'`).join(',')})
      and a.ancestor_id in (${s.unitIds.join(',')})
    group by 1, 2, 3`;
  const run = async () => (await duck.connection.runAndReadAll(query)).getRowObjectsJS();
  const rows = await run();
  const total = rows.reduce((t, r) => t + Number(r.total), 0);
  return { t: await median(7, run), total };
}
