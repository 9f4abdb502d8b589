import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/**
 * Stored values with their codes: of these indicators (all when none), of units below any of `scope`
 * (all when empty), lying within a span of months when given; in code and month order.
 */
export function selectStoredValues(
  db: Kysely<Schema>,
  sel: { indicators: string[]; scope: number[]; period?: { first: number; last: number } },
) {
  let q = db
    .selectFrom('data_value as d')
    .innerJoin('indicator as i', 'i.id', 'd.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'd.unit_id')
    .select([
      'i.code as indicator',
      'u.code as unit',
      'd.period',
      'd.value',
      'd.status',
      'd.derived',
      'd.note',
      'd.updated_by',
      'd.updated_at',
    ]);
  if (sel.indicators.length) q = q.where('i.code', 'in', sel.indicators);
  const scope = sel.scope;
  if (scope.length) {
    q = q.where('d.unit_id', 'in', (eb) =>
      eb.selectFrom('unit_ancestor').select('unit_id').where('ancestor_id', 'in', scope),
    );
  }
  const p = sel.period;
  if (p) {
    q = q.where('d.first_month', '>=', p.first).where('d.last_month', '<=', p.last);
  }
  return q.orderBy('i.code').orderBy('u.code').orderBy('d.first_month').orderBy('d.last_month').execute();
}
