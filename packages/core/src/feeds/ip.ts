import { isIPv6 } from 'node:net';

/**
 * An IPv4 address written in `buf[start, end)` as an unsigned 32-bit number, or -1 if it is not one.
 * Four octets of 1–3 digits, each at most 255, no leading zeros ("010" is octal in some tools, so it
 * is refused rather than guessed). Unrolled by octet: this runs once per feed line.
 */
export function ipv4At(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let value = 0;
  for (let k = 0; k < 4; k++) {
    if (i >= end) return -1;
    let d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    let part = d;
    i++;
    if (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
      if (part === 0) return -1;
      part = part * 10 + d;
      i++;
      if (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
        part = part * 10 + d;
        i++;
        if (part > 255) return -1;
      }
    }
    value = value * 256 + part;
    if (k < 3) {
      if (i >= end || buf[i] !== 46) return -1;
      i++;
    }
  }
  return i === end ? value : -1;
}

export const ipv4Text = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** The canonical text of an IPv6 address (RFC 5952: lower case, longest zero run compressed), or null. */
export function canonicalIPv6(text: string): string | null {
  if (!isIPv6(text)) return null;
  let s = text.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = ipv4At(Buffer.from(dotted[1]!), 0, dotted[1]!.length);
    if (n < 0) return null;
    s = s.slice(0, -dotted[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 65535).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, null];
  const h = head ? head.split(':') : [];
  const t = tail === null ? [] : tail ? tail.split(':') : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) =>
    parseInt(g, 16),
  );
  if (groups.length !== 8) return null;
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** A CIDR prefix (`14.160.0.0/11`, `2001:ee0::/32`) in canonical form, or why it is not one. */
export function parseCidr(text: string): { cidr: string } | { error: string } {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return { error: 'thiếu "/độ dài" (ví dụ 14.160.0.0/11)' };
  const len = Number(m[2]);
  const v4 = ipv4At(Buffer.from(m[1]!), 0, m[1]!.length);
  if (v4 >= 0) {
    if (len > 32) return { error: 'độ dài IPv4 tối đa 32' };
    const host = len === 0 ? v4 : v4 % 2 ** (32 - len);
    if (host !== 0) return { error: 'còn bit máy trạm sau độ dài tiền tố' };
    return { cidr: `${ipv4Text(v4)}/${len}` };
  }
  const v6 = canonicalIPv6(m[1]!);
  if (!v6) return { error: 'không phải địa chỉ IPv4 hay IPv6' };
  if (len > 128) return { error: 'độ dài IPv6 tối đa 128' };
  return { cidr: `${v6}/${len}` };
}
