import type { Insertable, Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Appends one row to the audit log. */
export const insertAuditRow = (db: Kysely<Schema>, row: Insertable<Schema['audit_log']>) =>
  db.insertInto('audit_log').values(row).execute();
