/**
 * Longest-prefix placement of many addresses at once. IPv4 prefixes are flattened into disjoint
 * intervals, each owned by its most specific prefix; sorted addresses are then placed by one merge
 * walk. IPv6 (few addresses) are matched one by one.
 */
export interface PrefixRow {
  cidr: string;
  operator: string;
  province_code: string | null;
}

interface Interval {
  start: number;
  end: number;
  owner: number;
}

const v4Of = (cidr: string) => {
  const [ip, len] = cidr.split('/');
  const parts = ip!.split('.').map(Number);
  if (parts.length !== 4) return null;
  const start = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  const size = 2 ** (32 - Number(len));
  return { start, end: start + size - 1, len: Number(len) };
};

const v6Bits = (ip: string): bigint => {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
};

/** Flattens nested IPv4 prefixes into disjoint intervals owned by the most specific one. */
function flatten(prefixes: { start: number; end: number; len: number; owner: number }[]): Interval[] {
  const sorted = [...prefixes].sort((a, b) => a.start - b.start || a.len - b.len);
  const out: Interval[] = [];
  const stack: { end: number; owner: number }[] = [];
  let cursor = 0;
  const emit = (until: number) => {
    // Fill [cursor, until] with the innermost open prefix.
    const top = stack[stack.length - 1];
    if (top && cursor <= until) out.push({ start: cursor, end: until, owner: top.owner });
    cursor = until + 1;
  };
  for (const p of sorted) {
    while (stack.length && stack[stack.length - 1]!.end < p.start) {
      emit(stack[stack.length - 1]!.end);
      stack.pop();
    }
    emit(p.start - 1);
    cursor = p.start;
    stack.push({ end: p.end, owner: p.owner });
  }
  while (stack.length) {
    emit(stack[stack.length - 1]!.end);
    stack.pop();
  }
  return out;
}

/** Counts addresses per prefix row (index into `rows`), and those no prefix covers. */
export function placeAddresses(
  rows: PrefixRow[],
  v4: Uint32Array,
  v6: string[],
): { perRow: number[]; unmapped: number } {
  const perRow = rows.map(() => 0);
  let unmapped = 0;
  const v4prefixes = rows.flatMap((r, owner) => {
    const p = v4Of(r.cidr);
    return p ? [{ ...p, owner }] : [];
  });
  const intervals = flatten(v4prefixes);
  let k = 0;
  for (const ip of v4) {
    while (k < intervals.length && intervals[k]!.end < ip) k++;
    const iv = intervals[k];
    if (iv && iv.start <= ip) perRow[iv.owner]!++;
    else unmapped++;
  }
  const v6prefixes = rows.flatMap((r, owner) => {
    if (!r.cidr.includes(':')) return [];
    const [ip, len] = r.cidr.split('/');
    const bits = BigInt(128 - Number(len));
    return [{ net: v6Bits(ip!) >> bits, bits, len: Number(len), owner }];
  });
  v6prefixes.sort((a, b) => b.len - a.len);
  for (const ip of v6) {
    const x = v6Bits(ip);
    const hit = v6prefixes.find((p) => x >> p.bits === p.net);
    if (hit) perRow[hit.owner]!++;
    else unmapped++;
  }
  return { perRow, unmapped };
}
