import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coreFile } from '../files.ts';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

const DIR = fileURLToPath(coreFile('src/db/migrations/'));

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === '23505';

// The store as migrations need it (a `Database` has it): declared here so the opener imports the
// migrations without their needing the opener back.
interface MigrationTarget {
  k: Kysely<Schema>;
  execScript(text: string): Promise<void>;
}

// The migration runner keeps its own statements (its bookkeeping table, the claim, the lock) rather
// than a `*.queries.ts`: it runs before any feature's tables exist, through the engine's script
// runner, and is the machinery the lint's SQL rule allows by name.
/**
 * Applies, in name order and each in its own transaction, the SQL migrations not yet applied.
 * Several processes may start against one PostgreSQL server at once: the advisory lock makes the
 * later ones wait, and their claim on the migration's name then fails, so each runs once.
 */
export async function migrate(db: MigrationTarget): Promise<string[]> {
  await db.execScript(
    'create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())',
  );
  const done = new Set(
    (await db.k.selectFrom('schema_migration').select('name').execute()).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    if (done.has(file)) continue;
    const text = readFileSync(DIR + file, 'utf8');
    const claim = `insert into schema_migration (name) values ('${file.replace(/'/g, "''")}')`;
    try {
      await db.execScript(`begin;\nselect pg_advisory_xact_lock(7482001);\n${claim};\n${text}\n;commit;`);
      applied.push(file);
    } catch (err) {
      await db.execScript('rollback').catch(() => undefined);
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return applied;
}
