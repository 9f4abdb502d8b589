// How request bodies are read, for every route alike: bounded before any work, and parsed so that
// no body — of any size, shape or encoding — holds the server's thread for more than a moment.
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { BaocaoError, readJsonBody } from '@baocao/core';
import type { FastifyRequest } from 'fastify';
import type { App } from './route.ts';

/** File uploads: handed to core as bytes (core's readers bound and parse them, large ones off-thread). */
const RAW_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/csv',
  'application/vnd.sdmx.data+csv',
  'application/xml',
  'text/xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const JSON_TYPES = ['application/json', 'application/vnd.sdmx.data+json'];

const INFLATE = {
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
} as const;
const isEncoding = (e: string): e is keyof typeof INFLATE => Object.hasOwn(INFLATE, e);

const tooLarge = (limit: number) =>
  new BaocaoError(
    'BODY_TOO_LARGE',
    `Nội dung gửi lên vượt giới hạn của địa chỉ này (${limit.toLocaleString('vi-VN')} byte, sau khi giải nén)`,
    `The request body is over this endpoint’s limit (${limit.toLocaleString('en-US')} bytes, once inflated)`,
    { status: 413 },
  );

/** Reads a compressed body, at most `limit` bytes of it; null past the limit (the rest unread). */
async function readAtMost(raw: NodeJS.ReadableStream, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > limit) return null;
    chunks.push(b);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/**
 * A body sent with Content-Encoding (gzip, deflate, br), inflated within the route's limit: the
 * compressed body is bounded first; a gzip body whose trailer declares more than the limit is
 * refused before anything is inflated; any other is inflated off the thread (zlib's pool) with its
 * output capped at the limit, so a "zip bomb" costs at most the limit, never its declared size.
 */
async function inflated(req: FastifyRequest, payload: NodeJS.ReadableStream): Promise<NodeJS.ReadableStream> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity') return payload;
  if (!isEncoding(encoding))
    throw new BaocaoError(
      'UNSUPPORTED_ENCODING',
      `Kiểu nén "${encoding.slice(0, 40)}" không được hỗ trợ (gzip, deflate, br)`,
      `Content encoding "${encoding.slice(0, 40)}" is not supported (gzip, deflate, br)`,
      { status: 415 },
    );
  const limit = req.routeOptions.bodyLimit ?? 0;
  if (Number(req.headers['content-length']) > limit) throw tooLarge(limit);
  const packed = await readAtMost(payload, limit);
  if (!packed) throw tooLarge(limit);
  // gzip's trailer holds the inflated size (modulo 2^32): a body that says it is too big is refused unread.
  if (encoding === 'gzip' && packed.length >= 18 && packed.readUInt32LE(packed.length - 4) > limit)
    throw tooLarge(limit);
  let body: Buffer;
  try {
    body = await INFLATE[encoding](packed, { maxOutputLength: limit });
  } catch (e) {
    if (e instanceof RangeError) throw tooLarge(limit);
    throw new BaocaoError(
      'INVALID_ENCODING',
      `Nội dung nén ${encoding} bị hỏng hoặc không trọn vẹn`,
      `The ${encoding} body is corrupt or truncated`,
    );
  }
  delete req.headers['content-length']; // now the inflated body's, which Fastify counts itself
  return Object.assign(Readable.from([body]), { receivedEncodedLength: packed.length });
}

const badLength = () =>
  new BaocaoError('BAD_REQUEST', 'Độ dài nội dung không khớp', 'Content-Length does not match the body');

/**
 * A body's bytes within the route's limit. With a declared length, each chunk is copied as it
 * arrives into one buffer of that size: the thread never makes a whole-body copy at the end (a
 * 16 MB `Buffer.concat` held it for tens to hundreds of milliseconds, as Fastify's own reader does).
 */
async function bodyBytes(req: FastifyRequest, payload: NodeJS.ReadableStream): Promise<Buffer> {
  const limit = req.routeOptions.bodyLimit ?? 0;
  const header = req.headers['content-length'];
  const declared = header === undefined ? NaN : Number(header);
  if (declared > limit) throw tooLarge(limit);
  if (Number.isSafeInteger(declared) && declared >= 0) {
    const out = Buffer.allocUnsafeSlow(declared);
    let at = 0;
    for await (const chunk of payload) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (at + b.length > declared) throw badLength();
      b.copy(out, at);
      at += b.length;
    }
    if (at !== declared) throw badLength();
    return out;
  }
  const all = await readAtMost(payload, limit); // chunked, or inflated by `inflated`: one piece
  if (!all) throw tooLarge(limit);
  return all;
}

/** Registers the body readers: JSON (exact numbers, bounded depth, large bodies off the thread), uploads as bytes, compressed bodies within the route's limit. */
export function registerBodyReaders(app: App): void {
  app.addHook('preParsing', async (req, _reply, payload) => inflated(req, payload));
  app.addContentTypeParser(RAW_TYPES, async (req: FastifyRequest, payload: NodeJS.ReadableStream) =>
    bodyBytes(req, payload),
  );
  app.addContentTypeParser(JSON_TYPES, async (req: FastifyRequest, payload: NodeJS.ReadableStream) =>
    readJsonBody(await bodyBytes(req, payload)),
  );
}
