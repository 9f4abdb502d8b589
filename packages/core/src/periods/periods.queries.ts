import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

export const selectReportingPeriods = (db: Kysely<Schema>) =>
  db
    .selectFrom('reporting_period as r')
    .leftJoin('data_release as d', 'd.period', 'r.period')
    .select(['r.period', 'r.due_on', 'r.closed', 'd.released_at'])
    .orderBy('r.period', 'desc')
    .execute();

export const selectReportingPeriod = (db: Kysely<Schema>, period: string) =>
  db.selectFrom('reporting_period').selectAll().where('period', '=', period).executeTakeFirst();
