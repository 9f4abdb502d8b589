import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The forms' drafts of a period by unit (their values carry the reporters' explanations). */
export const selectPeriodDrafts = (db: Kysely<Schema>, period: string) =>
  db.selectFrom('submission').select(['unit_id', 'draft']).where('period', '=', period).execute();
