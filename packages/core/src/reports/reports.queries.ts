import type { Kysely, Updateable } from 'kysely';
import type { Schema } from '../db/schema.ts';

export const selectReportRow = (
  db: Kysely<Schema>,
  key: { template: string; period: string; unitId: number },
) =>
  db
    .selectFrom('report')
    .selectAll()
    .where('template_code', '=', key.template)
    .where('period', '=', key.period)
    .where('unit_id', '=', key.unitId)
    .executeTakeFirst();

export type ReportRow = NonNullable<Awaited<ReturnType<typeof selectReportRow>>>;

/** Creates the report's row if it has none yet (a draft), and returns it. */
export async function ensureReportRow(
  db: Kysely<Schema>,
  key: { template: string; period: string; unitId: number },
  actor: string,
): Promise<ReportRow> {
  await db
    .insertInto('report')
    .values({ template_code: key.template, period: key.period, unit_id: key.unitId, created_by: actor })
    .onConflict((oc) => oc.columns(['template_code', 'period', 'unit_id']).doNothing())
    .execute();
  return (await selectReportRow(db, key))!;
}

/** Every report row with its unit's code, oldest period first: where a task may have appeared. */
export const selectReportRowsWithUnit = (db: Kysely<Schema>) =>
  db
    .selectFrom('report')
    .innerJoin('org_unit', 'org_unit.id', 'report.unit_id')
    .select([
      'report.template_code',
      'report.period',
      'report.status',
      'report.frozen',
      'org_unit.code as unit_code',
    ])
    .orderBy('report.period')
    .orderBy('report.template_code')
    .execute();

/** Sets columns of one report row (overrides, number, date, status…), stamping `updated_at`; returns the row. */
export const updateReportRow = (db: Kysely<Schema>, id: number, set: Updateable<Schema['report']>) =>
  db
    .updateTable('report')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** The published reports with their unit's code, newest publication first. */
export const selectPublishedReportRows = (db: Kysely<Schema>) =>
  db
    .selectFrom('report')
    .innerJoin('org_unit', 'org_unit.id', 'report.unit_id')
    .selectAll('report')
    .select('org_unit.code as unit_code')
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .execute();
