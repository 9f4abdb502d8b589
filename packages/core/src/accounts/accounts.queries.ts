import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The columns of a user that leave the store (never the password hash). */
export const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.role',
  'u.disabled',
  'o.code as unit',
] as const;

export const selectUsers = (db: Kysely<Schema>) =>
  db.selectFrom('app_user as u').leftJoin('org_unit as o', 'o.id', 'u.unit_id').select(USER_COLUMNS);

export const findUserForLogin = (db: Kysely<Schema>, username: string) =>
  db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();

/** The live session of a token hash with its user, or nothing when expired or disabled. */
export const findSession = (db: Kysely<Schema>, tokenHash: string) =>
  db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('org_unit as o', 'o.id', 'u.unit_id')
    .select([
      's.csrf_token',
      's.expires_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.unit_id',
      'o.code as unit',
      'o.name_vi as unit_name',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .where('u.disabled', '=', false)
    .executeTakeFirst();
