import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

/**
 * Takes one sign-in attempt for (name, address) in a single statement: counts it as a failure up
 * front, and answers false (without counting) while the pair is locked. Concurrent attempts each
 * take their own turn, so no more than `max` of them are ever checked.
 */
export async function takeAttempt(
  db: Kysely<Schema>,
  key: { username: string; address: string },
  max: number,
  lockMinutes: number,
): Promise<boolean> {
  const r = await sql<{ failures: number }>`
    insert into login_throttle as t (username, address, failures, locked_until, updated_at)
    values (${key.username}, ${key.address}, 1, null, now())
    on conflict (username, address) do update set
      failures = case when t.locked_until is not null and t.locked_until <= now() then 1 else t.failures + 1 end,
      locked_until = case
        when t.locked_until is not null and t.locked_until <= now() then null
        when t.failures + 1 >= ${max} then now() + make_interval(mins => ${lockMinutes})
        else t.locked_until end,
      updated_at = now()
    where t.locked_until is null or t.locked_until <= now()
    returning t.failures
  `.execute(db);
  const failures = r.rows[0]?.failures;
  return failures !== undefined && failures <= max;
}

/** A right password clears the pair's count; old pairs are forgotten. */
export async function clearAttempts(
  db: Kysely<Schema>,
  key: { username: string; address: string },
): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('username', '=', key.username)
    .where('address', '=', key.address)
    .execute();
  await sql`delete from login_throttle where locked_until is null and updated_at < now() - interval '1 day'`.execute(
    db,
  );
}
