import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The status changes of some tasks, oldest first. */
export const selectTaskChanges = (db: Kysely<Schema>, taskIds: number[]) =>
  db
    .selectFrom('task_status_change')
    .selectAll()
    .where('task_id', 'in', taskIds.length ? taskIds : [-1])
    .orderBy('task_id')
    .orderBy('id')
    .execute();
export type TaskChangeRow = Awaited<ReturnType<typeof selectTaskChanges>>[number];

export const insertTaskChange = (
  db: Kysely<Schema>,
  row: {
    task_id: number;
    status: string;
    note: string | null;
    due_on: string | null;
    changed_on: string;
    changed_by: string;
  },
) => db.insertInto('task_status_change').values(row).execute();
