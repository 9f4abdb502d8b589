import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, migratedPgliteImage, openDatabase } from './db/database.ts';
import { coreFile } from './files.ts';

let image: Promise<Blob> | undefined;

/**
 * The migrated PGlite image test stores start from, kept in the temporary folder under a name
 * that changes with any migration's text or PGlite's version, so a stale image is never used.
 * Several test processes may build it at once: each writes its own file and renames it into place.
 */
function pgliteImage(): Promise<Blob> {
  image ??= (async () => {
    const dir = fileURLToPath(coreFile('src/db/migrations/'));
    const hash = createHash('sha256');
    hash.update(readFileSync(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))));
    for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
    const file = join(tmpdir(), `baocao-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const blob = await migratedPgliteImage();
    const part = `${file}.${process.pid}`;
    writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
    renameSync(part, file);
    return blob;
  })();
  return image;
}

/** A test's store; `url` (PostgreSQL) lets a test open more connections to it, as other app nodes. */
export type TestDatabase = Database & { url: string | null };

/**
 * A fresh, migrated store for one test file: in-memory PGlite, or — when BAOCAO_TEST_PG names a
 * PostgreSQL server — a new database on it, dropped on close.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.BAOCAO_TEST_PG;
  if (!server) return { ...(await openDatabase({ image: await pgliteImage() })), url: null };
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
