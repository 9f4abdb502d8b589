import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pgliteDialect } from './pglite-dialect.ts';
import type { Schema } from './schema.ts';
import { migrate } from './migrate.ts';
import { lockStoreDir } from './store-lock.ts';
import { selectOne } from './store.queries.ts';

// The engine adapters below (a script run, COPY) are the one place outside `*.queries.ts` that hands
// SQL text to a driver: they are the store's machinery, below the query builder every feature uses,
// and take their SQL from the caller (migrations, imports); the lint allows this file for that.

/** An open store: the typed query builder plus what only the engine can do (multi-statement scripts). */
export interface Database {
  engine: 'pglite' | 'postgres';
  k: Kysely<Schema>;
  /** Runs a multi-statement SQL script (migrations). */
  execScript(text: string): Promise<void>;
  /** Streams CSV (with a header line) into `table` (a trusted identifier, never user input) with COPY; returns the row count. */
  copyFromCsv(table: string, csv: Buffer): Promise<number>;
  /** The connection pool's use right now (PostgreSQL); the embedded store has one connection, no pool. */
  poolStats(): PoolStats | null;
  /** A read replica for read-only traffic, when one is configured (see `db/replica.ts`). */
  replica?: Database | undefined;
  close(): Promise<void>;
}

/** Connections of a pool: open, idle among them, and callers waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export type Db = Kysely<Schema>;

const asText = (v: string) => v;
const asInt = (v: string) => Number.parseInt(v, 10);

/**
 * Opens a PGlite store in `dataDir` (or in memory when omitted); `image`, a data directory dumped by
 * `migratedPgliteImage`, starts an in-memory store from it instead of an empty cluster.
 */
export async function openPglite(dataDir?: string, image?: Blob): Promise<Database> {
  const release = dataDir ? await lockStoreDir(dataDir) : () => undefined;
  let lite: PGlite;
  try {
    lite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(image && !dataDir ? { loadDataDir: image } : {}),
      parsers: { 1082: asText },
    });
  } catch (e) {
    release();
    throw e;
  }
  const k = new Kysely<Schema>({ dialect: pgliteDialect(lite) });
  return {
    engine: 'pglite',
    poolStats: () => null,
    k,
    execScript: async (text) => {
      await lite.exec(text);
    },
    copyFromCsv: async (table, csv) => {
      const r = await lite.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([new Uint8Array(csv)]),
      });
      return r.affectedRows ?? 0;
    },
    close: async () => {
      try {
        await k.destroy();
      } finally {
        release();
      }
    },
  };
}

/** Opens a PostgreSQL (15+) store at `url`, with a pool of at most `poolMax` connections (default 8). */
export async function openPostgres(url: string, poolMax = 8): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === 20) return asInt;
      if (oid === 1082) return asText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: poolMax, types });
  // An idle connection the server ends (restart, administrator, DROP DATABASE … FORCE) is discarded
  // by the pool and replaced on next use; without a listener pg would crash the process over it.
  pool.on('error', () => undefined);
  // A connection in use can be cut too — the primary dies and HAProxy ends its sessions. Its query
  // fails (the request is answered with an error), but the client also emits 'error', which would
  // crash the process without a listener of its own: every node would go down with the primary.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const k = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    k,
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: poolMax,
    }),
    execScript: async (text) => {
      const client = await pool.connect();
      try {
        await client.query(text);
      } finally {
        client.release();
      }
    },
    copyFromCsv: async (table, csv) => {
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`));
        await pipeline(Readable.from([csv]), stream);
        return stream.rowCount ?? 0;
      } finally {
        client.release();
      }
    },
    close: () => k.destroy(),
  };
}

/**
 * Opens the store the environment names — `DATABASE_URL` for PostgreSQL, otherwise PGlite in
 * `dataDir` — and brings its schema up to date.
 */
export async function openDatabase(
  opts: { url?: string; dataDir?: string; poolMax?: number; image?: Blob } = {},
): Promise<Database> {
  const db = opts.url
    ? await openPostgres(opts.url, opts.poolMax)
    : await openPglite(opts.dataDir, opts.image);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/** Whether the store answers a trivial query. */
export async function isReady(db: Database): Promise<boolean> {
  try {
    await selectOne(db.k);
    return true;
  } catch {
    return false;
  }
}

const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '25006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Whether an error means the store could not be reached rather than that the request was wrong:
 * a connection refused or cut (class 08, administrator or crash shutdown), a server still starting,
 * or a write reaching a primary that was just demoted (read-only). Worth retrying in a moment.
 */
export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  return (
    code.startsWith('08') ||
    UNAVAILABLE_CODES.has(code) ||
    /^Connection terminated|timeout exceeded when trying to connect|is not queryable/.test(err.message)
  );
}

/**
 * An in-memory PGlite cluster with every migration applied, dumped as a data directory image: a
 * test store starts from it in about a second, where creating a cluster and migrating it costs
 * about ten seconds of CPU (most of a test file's set-up).
 */
export async function migratedPgliteImage(): Promise<Blob> {
  const lite = await PGlite.create();
  try {
    await migrate({
      k: new Kysely<Schema>({ dialect: pgliteDialect(lite) }),
      execScript: (t) => lite.exec(t).then(() => undefined),
    });
    return await lite.dumpDataDir('none');
  } finally {
    await lite.close();
  }
}
