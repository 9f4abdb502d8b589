import { inflateRawSync } from 'node:zlib';

/** One part of a zip archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** Declared uncompressed size (Infinity for a zip64 size: more than we ever accept). */
  size: number;
  method: number;
  compressedSize: number;
  localHeader: number;
}

/**
 * Reads a zip archive's central directory (no inflating), so an XLSX can be measured before any
 * part of it is inflated. Returns null when the bytes are not a readable zip.
 */
export function zipDirectory(buf: Buffer): ZipEntry[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  // The end record is at least 22 bytes and followed by a comment of at most 65,535 bytes.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let end = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLen > buf.length) return null;
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
      size: size === 0xffffffff ? Number.POSITIVE_INFINITY : size,
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localHeader: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates one entry, never past `maxBytes` of output (whatever its header claims); null when the
 * entry cannot be read or is larger than that.
 */
export function readZipEntry(buf: Buffer, e: ZipEntry, maxBytes: number): Buffer | null {
  const h = e.localHeader;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) return null;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const raw = buf.subarray(start, start + e.compressedSize);
  try {
    if (e.method === 0) return raw.length <= maxBytes ? raw : null;
    if (e.method === 8) return inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
  return null;
}
