import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { periodFromMonths } from '../periods/period.ts';
import { currentMonthIndex } from '../values/validate.ts';
import { writeComputedValues, spansOf } from './feed-values.ts';
import { botnetSpanCounts } from './botnet-counts.ts';
import type { FeedImportResult } from './feed-schemas.ts';
import { type ParsedFeed, type ReadFeedOptions, readFeed } from './feed-read.ts';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { encodeV4, encodeV6, mergeSorted, mergeText } from './addr-sets.ts';
import {
  type AddressSets,
  findFeedImport,
  insertFeedImport,
  loadPrefixes,
  loadSets,
  writeSet,
} from './feeds.queries.ts';

/** A feed is refused whole when more than this share of its lines cannot be read. */
export const MAX_MALFORMED_SHARE = 0.5;

/** Bytes of a feed, gunzipped when they start with the gzip magic number, hashed as they pass. */
async function* feedBytes(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  hash: ReturnType<typeof createHash>,
) {
  const it = (async function* () {
    yield* source;
  })();
  const first = await it.next();
  if (first.done) return;
  const raw = (async function* () {
    hash.update(first.value);
    yield first.value;
    for (let r = await it.next(); !r.done; r = await it.next()) {
      hash.update(r.value);
      yield r.value;
    }
  })();
  if (first.value[0] === 0x1f && first.value[1] === 0x8b) {
    try {
      for await (const c of Readable.from(raw).pipe(createGunzip()))
        yield c instanceof Uint8Array ? c : Buffer.from(c);
    } catch (e) {
      // zlib's own errors (a truncated or corrupt body) are bad input, not a server fault.
      if (e instanceof Error && 'code' in e && String(e.code).startsWith('Z_')) throw badGzip(e);
      throw e;
    }
  } else yield* raw;
}

const badGzip = (e: Error) =>
  new BaocaoError(
    'INVALID_GZIP',
    `Tệp nén gzip bị hỏng hoặc không trọn vẹn (${e.message}); không ghi gì. Nén lại tệp và gửi lại.`,
    `The gzip data is corrupt or truncated (${e.message}); nothing written. Compress the file again and resend it.`,
  );

function refuse(p: ParsedFeed, filename: string): never {
  const details = p.malformedLines.slice(0, 20).map((m) => ({
    row: m.line,
    code: 'MALFORMED_LINE',
    message: `Dòng ${m.line}: ${m.reason.split(' / ')[0]}`,
    messageEn: `Line ${m.line}: ${m.reason.split(' / ')[1] ?? m.reason}`,
  }));
  throw new BaocaoError(
    'FEED_REFUSED',
    `Tệp ${filename}: ${p.malformed}/${p.malformed + p.observations} dòng không đọc được; không ghi gì. Kiểm tra định dạng (ip,seen_at,source) và nguồn tệp.`,
    `${filename}: ${p.malformed} of ${p.malformed + p.observations} lines unreadable; nothing written. Check the format (ip,seen_at,source) and the file's origin.`,
    { status: 422, details },
  );
}

/**
 * Imports a botnet observation feed (CSV or NDJSON, gzip or not), streamed with bounded memory:
 * distinct infected addresses per month are merged into the store (an address seen by two sources,
 * or in two feeds, counts once), then ATTT.IP_BOTNET is recomputed — nationally and per province
 * via the prefix table — for each month touched and its quarter and year (distinct counts, never
 * sums of months), as official values. Re-importing a feed changes nothing. Malformed lines are
 * counted and reported by number; a feed mostly of them is refused whole.
 */
export async function importBotnetFeed(
  ctx: Ctx,
  input: {
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
    filename: string;
    onProgress?: (bytes: number) => void;
    /** How the feed is split between this thread and worker threads (tests force both ways). */
    parallel?: Pick<ReadFeedOptions, 'chunkBytes' | 'inlineChunks' | 'workers'>;
  },
): Promise<FeedImportResult> {
  requireAccess(ctx, 'value.write');
  const hash = createHash('sha256');
  let bytes = 0;
  const counted = async function* () {
    for await (const chunk of feedBytes(input.source, hash)) {
      bytes += chunk.length;
      input.onProgress?.(bytes);
      yield chunk;
    }
  };
  const p = await readFeed(counted(), { latestMonth: currentMonthIndex(), ...input.parallel });
  const sha = hash.digest('hex');
  if (p.observations === 0 || p.malformed > MAX_MALFORMED_SHARE * (p.malformed + p.observations))
    refuse(p, input.filename);
  const months = [...p.months.keys()].sort((a, b) => a - b);
  const base = {
    filename: input.filename,
    format: p.format,
    lines: p.lines,
    observations: p.observations,
    malformed: p.malformed,
    malformedLines: p.malformedLines,
    sources: p.sources,
    months: months.map((m) => ({
      period: periodFromMonths(m, m).id,
      distinct: p.months.get(m)!.v4.length + p.months.get(m)!.v6.length,
    })),
  };
  const seen = await findFeedImport(ctx.db.k, sha);
  if (seen) return { ...base, alreadyImported: true, newAddresses: 0, valuesWritten: 0 };
  return ctx.db.k.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: { ...ctx.db, k: trx } };
    // The stored sets of every month the recomputed spans cover, read once and locked: the feed's
    // months are merged into them, written back, and all spans counted from memory.
    const spans = spansOf(months);
    const sets = await loadSets(trx, spans[0]!.first, Math.max(...spans.map((s) => s.last)), true);
    const newAddresses = await mergeMonths(trx, p, sets);
    const counts = botnetSpanCounts(spans, sets, await loadPrefixes(trx));
    const valuesWritten = await writeComputedValues(tctx, 'ATTT.IP_BOTNET', counts, `feed:${input.filename}`);
    await insertFeedImport(trx, {
      sha256: sha,
      kind: 'botnet',
      filename: input.filename,
      lines: p.lines,
      observations: p.observations,
      malformed: p.malformed,
      new_rows: newAddresses,
      imported_by: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      entity: 'feed',
      key: sha,
      action: 'import',
      new: { filename: input.filename, newAddresses, months: base.months },
    });
    ctx.log.info(
      { filename: input.filename, observations: p.observations, newAddresses },
      'botnet feed imported',
    );
    return { ...base, alreadyImported: false, newAddresses, valuesWritten };
  });
}

/** Merges each month's new addresses into the loaded sets and stores them; returns how many were new. */
async function mergeMonths(db: Kysely<Schema>, p: ParsedFeed, sets: AddressSets): Promise<number> {
  let added = 0;
  for (const [month, a] of p.months) {
    const v4 = mergeSorted(sets.v4.get(month) ?? new Uint32Array(0), a.v4);
    const v6 = mergeText(sets.v6.get(month) ?? [], a.v6);
    sets.v4.set(month, v4.merged);
    sets.v6.set(month, v6.merged);
    await writeSet(db, { month, family: 4, addresses: encodeV4(v4.merged), n: v4.merged.length });
    if (v6.merged.length)
      await writeSet(db, { month, family: 6, addresses: encodeV6(v6.merged), n: v6.merged.length });
    added += v4.added + v6.added;
  }
  return added;
}
