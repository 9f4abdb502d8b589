import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Units' stored values of some indicators in some periods (their history, by period id). */
export const selectHistory = (
  db: Kysely<Schema>,
  unitIds: number[],
  indicatorIds: number[],
  periods: string[],
) =>
  indicatorIds.length === 0 || periods.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('data_value')
        .select(['indicator_id', 'unit_id', 'period', 'value'])
        .where('unit_id', 'in', unitIds)
        .where('indicator_id', 'in', indicatorIds)
        .where('period', 'in', periods)
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
