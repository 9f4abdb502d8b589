import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from './db/database.ts';

/** A test's store; `url` (PostgreSQL) lets a test open more connections to it, as other app nodes. */
export type TestDatabase = Database & { url: string | null };

/**
 * A fresh, migrated store for one test file: in-memory PGlite, or — when BAOCAO_TEST_PG names a
 * PostgreSQL server — a new database on it, dropped on close.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.BAOCAO_TEST_PG;
  if (!server) return { ...(await openDatabase()), url: null };
  const name = `baocao_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    url: url.toString(),
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
export { addPerson, startSmtpInbox, type SmtpInbox } from './notify/smtp-inbox.ts';
