import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { checkBackupSource, checkBackupTarget, writeFileAtomically } from './backup-file.ts';
import {
  appliedMigrations,
  clearCatalogStamp,
  insertRows,
  listTables,
  pageOfRows,
  resetSequence,
  setUserTriggers,
  setUtcForTransaction,
  tableHasRows,
} from './backup.queries.ts';

const FORMAT = 'baocao-backup';
const VERSION = 1;
const PAGE = 2000;

const Header = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  createdAt: z.string(),
  engine: z.string(),
  migrations: z.array(z.string()),
});
const Line = z.union([
  z.object({ table: z.string(), rows: z.array(z.record(z.string(), z.unknown())) }),
  z.object({ end: z.literal(true), counts: z.record(z.string(), z.number().int()) }),
]);

/** Row counts per table, as written to or read from a backup. */
export type BackupCounts = Record<string, number>;

/**
 * Writes every table of the store, row for row (audit, users, sessions, forms, reports, feeds…),
 * to one gzip file of JSON lines: a header naming the schema's migrations, pages of rows per table
 * in key order, and a closing line with the counts (a truncated file is recognised). Values keep
 * their exact text (numeric digits and scale, timestamps, bytes): rows go from PostgreSQL's JSON
 * text to the file and back without becoming JavaScript numbers. Read in one snapshot, so the copy
 * is consistent. Written all or nothing (a temporary file, flushed, renamed over `file`), mode 0600.
 */
export async function writeBackup(ctx: Ctx, file: string): Promise<BackupCounts> {
  requireAccess(ctx, 'store.backup');
  checkBackupTarget(file);
  let counts: BackupCounts = {};
  await writeFileAtomically(file, async (tmp) => {
    counts = await writeBackupTo(ctx, tmp);
  });
  ctx.log.info({ file, counts }, 'backup written');
  return counts;
}

/** Writes the backup's lines into `tmp` (already created, private). */
async function writeBackupTo(ctx: Ctx, tmp: string): Promise<BackupCounts> {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(tmp, { flags: 'r+' }));
  const writeLine = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const write = (o: unknown) => writeLine(JSON.stringify(o));
  const counts: BackupCounts = {};
  try {
    await ctx.db.k
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        // One time zone for every timestamp written, whatever the server's setting.
        await setUtcForTransaction(trx);
        await write({
          format: FORMAT,
          version: VERSION,
          createdAt: new Date().toISOString(),
          engine: ctx.db.engine,
          migrations: await appliedMigrations(trx),
        });
        for (const t of await listTables(trx)) {
          counts[t.name] = 0;
          let last: string | undefined;
          for (;;) {
            const rows = await pageOfRows(trx, t, last, PAGE);
            if (rows.length === 0) break;
            counts[t.name]! += rows.length;
            // The rows' own JSON text, as PostgreSQL wrote it: numbers keep every digit.
            await writeLine(`{"table":${JSON.stringify(t.name)},"rows":[${rows.join(',')}]}`);
            last = rows.at(-1);
            if (rows.length < PAGE) break;
          }
        }
      });
    await write({ end: true, counts });
    gzip.end();
  } catch (e) {
    gzip.destroy();
    await done.catch(() => undefined);
    throw e;
  }
  await done;
  return counts;
}

const badBackup = (why: string, whyEn: string) =>
  new BaocaoError('INVALID_BACKUP', `Tệp sao lưu không hợp lệ: ${why}`, `Invalid backup file: ${whyEn}`);

/**
 * Restores a backup into an empty store of either engine (schema migrated to the same point),
 * exactly: every row as it was, sequences set past the restored ids. All in one transaction:
 * a bad or truncated file leaves the store as it was. Refused when the store holds data.
 */
export async function restoreBackup(ctx: Ctx, file: string): Promise<BackupCounts> {
  requireAccess(ctx, 'store.backup');
  checkBackupSource(file);
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[
    Symbol.asyncIterator
  ]();
  /** The next line: its text (handed to PostgreSQL as is) and its parse (to check its shape). */
  const next = async (): Promise<{ text: string; value: unknown }> => {
    const r = await lines.next().catch((e: unknown) => {
      throw badBackup(
        `không giải nén được (${e instanceof Error ? e.message : e})`,
        `cannot inflate it (${e instanceof Error ? e.message : e})`,
      );
    });
    if (r.done)
      throw badBackup('tệp bị cắt cụt (thiếu dòng kết thúc)', 'the file is truncated (no closing line)');
    try {
      return { text: r.value, value: JSON.parse(r.value) };
    } catch {
      throw badBackup('một dòng không phải JSON', 'a line is not JSON');
    }
  };
  let header: z.infer<typeof Header>;
  try {
    header = Header.parse((await next()).value);
  } catch (e) {
    if (e instanceof BaocaoError) throw e;
    throw badBackup('không phải tệp sao lưu baocao', 'not a baocao backup');
  }
  return ctx.db.k.transaction().execute(async (trx) => {
    const here = await appliedMigrations(trx);
    if (here.join() !== header.migrations.join())
      throw new BaocaoError(
        'BACKUP_SCHEMA_MISMATCH',
        `Bản sao lưu có lược đồ ${header.migrations.at(-1)}, kho hiện có ${here.at(-1)}; dùng phiên bản baocao cùng lược đồ`,
        `The backup's schema is at ${header.migrations.at(-1)}, this store's at ${here.at(-1)}; use a baocao version with the same schema`,
        { status: 409 },
      );
    const tables = await listTables(trx);
    const names = new Set(tables.map((t) => t.name));
    for (const t of tables) {
      if (t.name === 'catalog_stamp') continue; // created by the migrations themselves
      if (await tableHasRows(trx, t.name))
        throw new BaocaoError(
          'STORE_NOT_EMPTY',
          `Kho đích đã có dữ liệu (bảng ${t.name}); chỉ phục hồi vào một kho trống`,
          `The target store holds data (table ${t.name}); restore only into an empty store`,
          { status: 409 },
        );
    }
    // Triggers (the catalog stamp) would change what is restored: off until the rows are in.
    for (const t of tables) await setUserTriggers(trx, t.name, false);
    await clearCatalogStamp(trx);
    const counts: BackupCounts = Object.fromEntries(tables.map((t) => [t.name, 0]));
    for (;;) {
      const { text, value } = await next();
      const parsed = Line.safeParse(value);
      if (!parsed.success) throw badBackup('một dòng sai cấu trúc', 'a line has the wrong shape');
      const line = parsed.data;
      if ('end' in line) {
        for (const [table, n] of Object.entries(line.counts))
          if ((counts[table] ?? 0) !== n)
            throw badBackup(
              `bảng ${table} có ${counts[table] ?? 0}/${n} dòng`,
              `table ${table} has ${counts[table] ?? 0} of ${n} rows`,
            );
        break;
      }
      if (!names.has(line.table)) throw badBackup(`bảng lạ "${line.table}"`, `unknown table "${line.table}"`);
      await insertRows(trx, line.table, text);
      counts[line.table] = (counts[line.table] ?? 0) + line.rows.length;
    }
    for (const t of tables) {
      await setUserTriggers(trx, t.name, true);
      for (const col of t.sequenced) await resetSequence(trx, t.name, col);
    }
    ctx.log.info({ file, counts }, 'backup restored');
    return counts;
  });
}
