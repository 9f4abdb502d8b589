import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

export type SubmissionRow = Awaited<ReturnType<typeof selectSubmissions>>[number];

/** Submissions with the names of who sent and who reviewed them (people read names, not logins). */
export const selectSubmissions = (db: Kysely<Schema>, where: { period?: string; unitId?: number }) => {
  let q = db
    .selectFrom('submission as s')
    .leftJoin('app_user as su', 'su.username', 's.submitted_by')
    .leftJoin('app_user as ru', 'ru.username', 's.reviewed_by')
    .selectAll('s')
    .select(['su.display_name as submitted_by_name', 'ru.display_name as reviewed_by_name']);
  if (where.period) q = q.where('s.period', '=', where.period);
  if (where.unitId !== undefined) q = q.where('s.unit_id', '=', where.unitId);
  return q.execute();
};

/** Reads one submission and locks its row for the rest of the transaction (two reviewers never race). */
export const lockSubmission = (db: Kysely<Schema>, unitId: number, period: string) =>
  db
    .selectFrom('submission')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .forUpdate()
    .executeTakeFirst();

export async function writeSubmission(
  db: Kysely<Schema>,
  row: Pick<SubmissionRow, 'unit_id' | 'period' | 'status' | 'updated_by'> &
    Partial<Omit<SubmissionRow, 'draft' | 'empty_cells'>> & { draft?: unknown; emptyCells?: unknown },
): Promise<void> {
  const { draft, emptyCells, ...rest } = row;
  const values = {
    ...rest,
    updated_at: new Date(),
    ...(draft === undefined ? {} : { draft: JSON.stringify(draft) }),
    ...(emptyCells === undefined ? {} : { empty_cells: JSON.stringify(emptyCells) }),
  };
  await db
    .insertInto('submission')
    .values({ draft: '[]', ...values })
    .onConflict((oc) => oc.columns(['unit_id', 'period']).doUpdateSet(values))
    .execute();
}

/** The stored values of one unit and period (what a blank form is prefilled with). */
export const selectStoredValuesOf = (db: Kysely<Schema>, unitId: number, period: string) =>
  db
    .selectFrom('data_value')
    .select(['indicator_id', 'value', 'status', 'note'])
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .execute();

/** The draft of one unit's form for a period, or nothing when no form was started. */
export const selectSubmissionDraft = (db: Kysely<Schema>, unitId: number, period: string) =>
  db
    .selectFrom('submission')
    .select('draft')
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .executeTakeFirst();
