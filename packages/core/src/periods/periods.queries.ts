import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Every reporting period, newest first. */
export const selectReportingPeriods = (db: Kysely<Schema>) =>
  db
    .selectFrom('reporting_period')
    .select(['period', 'due_on', 'closed', 'opened_early'])
    .orderBy('period', 'desc')
    .execute();

export const selectReportingPeriod = (db: Kysely<Schema>, period: string) =>
  db
    .selectFrom('reporting_period')
    .select(['period', 'due_on', 'closed', 'opened_early'])
    .where('period', '=', period)
    .executeTakeFirst();

/** The released spans of months (a released quarter covers its three months). */
export const selectReleasedSpans = (db: Kysely<Schema>) =>
  db.selectFrom('data_release').select(['first_month', 'last_month']).execute();

/** Opens, re-dates or closes a reporting period (one row per period). */
export const upsertReportingPeriod = (
  db: Kysely<Schema>,
  row: { period: string; due_on: string; closed: boolean; opened_early: boolean; opened_by: string },
) => {
  const { period, opened_by, ...values } = row;
  return db
    .insertInto('reporting_period')
    .values({ period, opened_by, ...values })
    .onConflict((oc) => oc.column('period').doUpdateSet(values))
    .execute();
};

/** Every locked period with its span of months (`baocao lock`). */
export const selectPeriodLocks = (db: Kysely<Schema>) =>
  db.selectFrom('period_lock').select(['period', 'first_month', 'last_month']).execute();

/** The reporting periods that are closed. */
export const selectClosedReportingPeriods = (db: Kysely<Schema>) =>
  db.selectFrom('reporting_period').select('period').where('closed', '=', true).execute();
