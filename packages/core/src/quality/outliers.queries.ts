import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Units' monthly values of some indicators in a span of months (stored, i.e. approved). */
export const selectMonthlyHistory = (
  db: Kysely<Schema>,
  unitIds: number[],
  indicatorIds: number[],
  firstMonth: number,
  lastMonth: number,
) =>
  indicatorIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('data_value')
        .select(['indicator_id', 'unit_id', 'first_month', 'value'])
        .where('unit_id', 'in', unitIds)
        .where('indicator_id', 'in', indicatorIds)
        .whereRef('first_month', '=', 'last_month')
        .where('first_month', '>=', firstMonth)
        .where('first_month', '<=', lastMonth)
        .execute();

/** Values of some units for some indicators in one period (the peers of a unit). */
export const selectPeerValues = (
  db: Kysely<Schema>,
  unitIds: number[],
  indicatorIds: number[],
  period: string,
) =>
  unitIds.length === 0 || indicatorIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('data_value')
        .select(['indicator_id', 'unit_id', 'value'])
        .where('unit_id', 'in', unitIds)
        .where('indicator_id', 'in', indicatorIds)
        .where('period', '=', period)
        .execute();
