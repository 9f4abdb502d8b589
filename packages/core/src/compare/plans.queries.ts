import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/**
 * The annual plan targets of every (indicator, unit, year) combination asked, in one query: what a
 * batch of comparisons needs. (Kept in compare/: plans/ reads the dashboard's shapes, which read
 * compare/, so compare must not import plans/.)
 */
export const selectPlanValues = (
  db: Kysely<Schema>,
  q: { indicatorIds: number[]; unitIds: number[]; years: number[] },
) =>
  db
    .selectFrom('plan_target')
    .select(['indicator_id', 'unit_id', 'year', 'value'])
    .where('indicator_id', 'in', q.indicatorIds)
    .where('unit_id', 'in', q.unitIds)
    .where('year', 'in', q.years)
    .execute();
