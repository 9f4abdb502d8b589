/**
 * Sets of IP addresses as sorted arrays: IPv4 as unsigned 32-bit numbers (stored as little-endian
 * bytes, 4 per address), IPv6 as sorted canonical text. Union and counting are linear merges, so a
 * month of two million addresses is merged, stored and counted in milliseconds.
 */
import type { U32Set } from './u32set.ts';

/** The members of a hash set, sorted. */
export function sortedOf(set: U32Set): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(set.size);
  let i = 0;
  for (const v of set.values()) out[i++] = v;
  return out.sort();
}

/** The union of two sorted unique arrays, and how many of `b` were not in `a`. */
export function mergeSorted(a: Uint32Array, b: Uint32Array): { merged: Uint32Array; added: number } {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  let added = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) out[n++] = a[i++]!;
    else if (y < x) {
      out[n++] = b[j++]!;
      added++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) {
    out[n++] = b[j++]!;
    added++;
  }
  return { merged: out.slice(0, n), added };
}

/** The union of several sorted unique arrays. */
export const unionAll = (sets: Uint32Array[]): Uint32Array =>
  sets.reduce((acc, s) => mergeSorted(acc, s).merged, new Uint32Array(0));

export const encodeV4 = (a: Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Decodes stored IPv4 bytes (copied, so the array is aligned whatever the driver returned). */
export function decodeV4(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2);
}

export const encodeV6 = (a: string[]): Buffer => Buffer.from(a.join('\n'));
export const decodeV6 = (bytes: Uint8Array): string[] =>
  bytes.length ? Buffer.from(bytes).toString('utf8').split('\n') : [];

/** The union of sorted unique string arrays, and how many of `b` are new to `a`. */
export function mergeText(a: string[], b: Iterable<string>): { merged: string[]; added: number } {
  const set = new Set(a);
  let added = 0;
  for (const x of b) {
    if (set.has(x)) continue;
    set.add(x);
    added++;
  }
  return { merged: [...set].sort(), added };
}
