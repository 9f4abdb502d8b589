import type { Insertable, Kysely } from 'kysely';
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

const usersWithUnit = (db: Kysely<Schema>) =>
  db.selectFrom('app_user as u').leftJoin('org_unit as o', 'o.id', 'u.unit_id').select(USER_COLUMNS);

/** Every account with its unit's code, by username. */
export const selectUsers = (db: Kysely<Schema>) => usersWithUnit(db).orderBy('u.username').execute();

/** One account with its unit's code; throws when the id is unknown. */
export const selectUserById = (db: Kysely<Schema>, id: number) =>
  usersWithUnit(db).where('u.id', '=', id).executeTakeFirstOrThrow();

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

/** The id of the account with this exact username, or nothing when the name is free. */
export const findUserIdByName = (db: Kysely<Schema>, username: string) =>
  db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();

/** Stores a new account and returns its id. */
export const insertUser = (
  db: Kysely<Schema>,
  u: Pick<Insertable<Schema['app_user']>, 'username' | 'display_name' | 'role' | 'unit_id' | 'password_hash'>,
) => db.insertInto('app_user').values(u).returning('id').executeTakeFirstOrThrow();

/** Reads an account's id and disabled flag and locks its row for the rest of the transaction. */
export const lockUserByName = (db: Kysely<Schema>, username: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'disabled'])
    .where('username', '=', username)
    .forUpdate()
    .executeTakeFirst();

/** Sets an account's disabled flag and, when given, a new password hash. */
export const updateUserAccess = (
  db: Kysely<Schema>,
  id: number,
  change: { disabled: boolean; passwordHash: string | null },
) =>
  db
    .updateTable('app_user')
    .set({
      disabled: change.disabled,
      ...(change.passwordHash ? { password_hash: change.passwordHash } : {}),
    })
    .where('id', '=', id)
    .execute();

/** Removes the sessions that have expired before `now`. */
export const deleteExpiredSessions = (db: Kysely<Schema>, now: Date) =>
  db.deleteFrom('user_session').where('expires_at', '<', now).execute();

/** Stores a new session (only the token's hash is kept). */
export const insertSession = (db: Kysely<Schema>, row: Insertable<Schema['user_session']>) =>
  db.insertInto('user_session').values(row).execute();

/** Ends the session of a token hash (signing out). */
export const deleteSessionByToken = (db: Kysely<Schema>, tokenHash: string) =>
  db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();

/** Ends every session of one account. */
export const deleteSessionsOfUser = (db: Kysely<Schema>, userId: number) =>
  db.deleteFrom('user_session').where('user_id', '=', userId).execute();
