import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The periods with stored values of these indicators lying within [first, last] (month indexes). */
export async function selectDataPeriods(
  db: Kysely<Schema>,
  indicatorIds: number[],
  first: number,
  last: number,
): Promise<string[]> {
  if (!indicatorIds.length) return [];
  const r = await sql<{ period: string }>`
    select distinct period, first_month, last_month from data_value
    where indicator_id = any(${indicatorIds}::int[]) and first_month >= ${first} and last_month <= ${last}
    order by first_month, last_month`.execute(db);
  return r.rows.map((x) => x.period);
}

/** The units with stored values of these indicators, and every ancestor of them (where totals are). */
export async function selectDataAreas(db: Kysely<Schema>, indicatorIds: number[]): Promise<number[]> {
  if (!indicatorIds.length) return [];
  const r = await sql<{ id: number }>`
    select distinct a.ancestor_id as id from (
      select distinct unit_id from data_value where indicator_id = any(${indicatorIds}::int[])
    ) d join unit_ancestor a on a.unit_id = d.unit_id`.execute(db);
  return r.rows.map((x) => x.id);
}

/** The notes of reported values among these cells, by `indicator|unit|period` codes. */
export async function selectNotes(
  db: Kysely<Schema>,
  indicatorIds: number[],
  unitCodes: string[],
  periods: string[],
): Promise<Map<string, string>> {
  if (!indicatorIds.length || !unitCodes.length || !periods.length) return new Map();
  const r = await sql<{ indicator: string; unit: string; period: string; note: string }>`
    select i.code as indicator, u.code as unit, d.period, d.note from data_value d
    join indicator i on i.id = d.indicator_id join org_unit u on u.id = d.unit_id
    where d.indicator_id = any(${indicatorIds}::int[]) and u.code = any(${unitCodes}::text[])
      and d.period = any(${periods}::text[]) and d.note is not null and d.note <> ''`.execute(db);
  return new Map(r.rows.map((x) => [`${x.indicator}|${x.unit}|${x.period}`, x.note]));
}
