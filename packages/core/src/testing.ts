import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, migratedPgliteImage, openDatabase } from './db/database.ts';
import { coreFile } from './files.ts';

let image: Promise<Blob> | undefined;
let template: Promise<string> | undefined;

/** A name that changes with any migration's text or PGlite's version, so a stale copy is never used. */
function migrationsKey(): string {
  const dir = fileURLToPath(coreFile('src/db/migrations/'));
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))));
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The migrated PGlite image test stores start from, kept in the temporary folder under the
 * migrations' key. Several test processes may build it at once: each writes its own file and
 * renames it into place.
 */
function pgliteImage(): Promise<Blob> {
  image ??= (async () => {
    const file = join(tmpdir(), `baocao-pglite-${migrationsKey()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const blob = await migratedPgliteImage();
    const part = `${file}.${process.pid}`;
    writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
    renameSync(part, file);
    return blob;
  })();
  return image;
}

/** Any fixed number: the advisory lock under which one test process builds the template at a time. */
const TEMPLATE_LOCK = 0x6261_6f63;

/**
 * A migrated database on the PostgreSQL server that every test database is created from (CREATE
 * DATABASE … TEMPLATE copies its files: ~0.2 s where migrating an empty database costs seconds of
 * both processes' CPU). Built once per migrations key under an advisory lock, under a temporary name
 * renamed when complete, so a process killed mid-build never leaves a half-migrated template.
 */
function pgTemplate(server: string): Promise<string> {
  template ??= (async () => {
    const name = `baocao_tpl_${migrationsKey()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
      const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) {
        const building = `${name}_${process.pid}`;
        await admin.query(`drop database if exists ${building}`);
        await admin.query(`create database ${building}`);
        const url = new URL(server);
        url.pathname = `/${building}`;
        await (await openDatabase({ url: url.toString(), poolMax: 1 })).close();
        await admin.query(`alter database ${building} rename to ${name}`);
      }
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
      await admin.end();
    }
    return name;
  })();
  return template;
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
  const from = await pgTemplate(server);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name} template ${from}`);
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
