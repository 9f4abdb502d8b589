/** The comparisons a sentence states, read with their scope: what is compared, with what, and how. */
import { NUM, type Printed, parsePrinted } from './numbers.ts';
import type { Span } from './text-periods.ts';

export interface Clause {
  /** A change in percent or in points, the value as a percent of the base, a multiple, or a plan share. */
  kind: 'change' | 'points' | 'ratio' | 'times' | 'plan';
  /** The verb as written: "tăng", "giảm", "bằng", "đạt", "gấp", "hoàn thành"… */
  word: string;
  /** As printed: a signed percent ("giảm 38%" is −38), points, a percent, or a multiple ("gấp 2,5 lần"). */
  rate: Printed & Span & { text: string };
  target:
    | { kind: 'lastYear'; year: number | null; month: number | null; span: Span }
    | { kind: 'period'; year: number; month: number; span: Span }
    | { kind: 'previous' | 'other'; span: Span }
    | { kind: 'plan' };
  /** The base as printed, whether it is a percent, and whether it is hedged ("khoảng 230"). */
  base: (Printed & Span & { percent: boolean; hedged: boolean }) | null;
  /** The increase stated instead of a base ("tăng 5,5% (tương ứng 26.351 tên miền)"). */
  increase: (Printed & Span) | null;
  span: Span;
}

// What a rate compares with: the same period last year (with or without its year or month), a
// named month, the previous period, a named quarter, year, year-to-date span or year end.
const TARGET = [
  String.raw`cùng\s+(?:kỳ|kì)(?:\s+(?:năm\s+\d{4}|\d{4}|tháng\s+\d{1,2}\s*[/-]\s*\d{4}|năm\s+trước|năm\s+ngoái|năm))?`,
  String.raw`\d{1,2}\s+tháng\s+(?:đầu\s+)?năm\s+\d{4}`,
  String.raw`tháng\s+\d{1,2}\s*[/-]\s*\d{4}`,
  String.raw`\d{1,2}\s*/\s*\d{4}`,
  String.raw`quý\s+(?:\d|I{1,3}|IV)\s*(?:/|-|năm)\s*\d{4}`,
  String.raw`(?:thời\s+điểm\s+)?cuối\s+năm\s+\d{4}`,
  String.raw`năm\s+\d{4}`,
  String.raw`(?:tháng|quý|kỳ|kì|năm)\s+trước|năm\s+ngoái`,
].join('|');
// A base in brackets after the comparison: "(2.280.000 tỷ đồng)", "(là 804)", "(cùng kỳ năm 2023:
// 1.296)", "(khoảng 230 tỷ đồng)", "(75,5%)". Only these lead-ins: another number in brackets
// ("trong đó 500 …") is never a base.
const LEAD = String.raw`(?:(?:cùng\s+(?:kỳ|kì)|năm\s+\d{4}|tháng\s+\d{1,2}\s*[/-]\s*\d{4}|quý\s+(?:\d|I{1,3}|IV)\s*[/-]\s*\d{4}|ước\s+đạt|là|đạt|:)\s*)*`;
const HEDGE = String.raw`(?<hedge>khoảng|gần|hơn|trên|xấp\s+xỉ|ước)?\s*`;
const BASE = String.raw`(?:\s*\(\s*${LEAD}${HEDGE}(?<base>${NUM})(?<pct>\s*%)?(?![\d.,]\d)[^)]*\))?`;
const SO_VOI = String.raw`(?:(?:so\s+với|so)\s+)+`;
const re = (s: string) => new RegExp(s, 'giud');

/** Each pattern has the groups word, rate, target (optional) and base or inc (optional). */
const PATTERNS: [Clause['kind'], RegExp][] = [
  // "tăng 23,7% so với cùng kỳ năm 2023 (2.280.000 …)"
  [
    'change',
    re(
      String.raw`(?<word>tăng(?:\s+trưởng)?|giảm)\s+(?<rate>${NUM})\s*%\s*${SO_VOI}(?<target>${TARGET})${BASE}`,
    ),
  ],
  // "tăng 15,1% so với mức 120,32 Mbps cùng kỳ": the base before the target.
  [
    'change',
    re(
      String.raw`(?<word>tăng(?:\s+trưởng)?|giảm)\s+(?<rate>${NUM})\s*%\s*${SO_VOI}mức\s+${HEDGE}(?<base>${NUM})(?<pct>\s*%)?[^,.;()\d]{0,30}?\s(?<target>${TARGET})`,
    ),
  ],
  // "tăng 5,5% (tương ứng 26.351 tên miền) so với cùng kỳ năm 2024": the increase, not the base.
  [
    'change',
    re(
      String.raw`(?<word>tăng(?:\s+trưởng)?|giảm)\s+(?<rate>${NUM})\s*%\s*\(\s*tương\s+ứng\s+(?:(?:tăng|giảm)\s+)?(?<inc>${NUM})[^)]*\)\s*${SO_VOI}(?<target>${TARGET})`,
    ),
  ],
  // "tăng 4,6 điểm phần trăm so với năm 2023 (75,5%)"
  [
    'points',
    re(
      String.raw`(?<word>tăng|giảm)\s+(?<rate>${NUM})\s*điểm\s+phần\s+trăm\s*${SO_VOI}(?<target>${TARGET})${BASE}`,
    ),
  ],
  // "bằng 101% so với cùng kỳ (81.000)", "đạt 105,2% so với cùng kỳ"
  [
    'ratio',
    re(String.raw`(?<word>bằng|đạt)\s+(?<rate>${NUM})\s*%\s*(?:${SO_VOI})?(?<target>${TARGET})${BASE}`),
  ],
  // "chiếm 68% tổng doanh thu (1.250 tỷ đồng)", "đạt 66,5% tổng số doanh nghiệp (111.450)": a share of a
  // total, checkable only when the total is in brackets after it.
  [
    'ratio',
    re(
      String.raw`(?<word>chiếm|đạt|bằng)\s+(?<rate>${NUM})\s*%\s*(?<target>tổng(?:\s+số)?)[^().;%\d]{0,50}\(\s*(?:tổng(?:\s+số)?\s*|là\s*|:\s*)*${HEDGE}(?<base>${NUM})(?<pct>\s*%)?(?![\d.,]\d)[^)]*\)`,
    ),
  ],
  // "tăng gấp 2,5 lần so với cùng kỳ (1.200.000)"
  [
    'times',
    re(
      String.raw`(?<word>(?:tăng\s+)?gấp)\s+(?<rate>${NUM})\s+lần\s*(?:${SO_VOI})?(?<target>${TARGET})${BASE}`,
    ),
  ],
  // "đạt 66,4% so với kế hoạch năm (4.245.382 …)"
  [
    'plan',
    re(
      String.raw`(?<word>đạt|bằng|hoàn\s+thành)\s+(?<rate>${NUM})\s*%\s*(?:${SO_VOI})?(?<target>kế\s+hoạch(?:\s+năm)?(?:\s+\d{4})?)${BASE}`,
    ),
  ],
];

/** What the words of a comparison target mean; only "cùng kỳ" names a year the checker may hold to. */
function targetOf(t: string, span: Span): Clause['target'] {
  let m: RegExpExecArray | null;
  if ((m = /^cùng\s+(?:kỳ|kì)\s+tháng\s+(\d{1,2})\s*[/-]\s*(\d{4})/iu.exec(t)))
    return { kind: 'lastYear', year: +m[2]!, month: +m[1]!, span };
  if ((m = /^cùng\s+(?:kỳ|kì)\s+(?:năm\s+)?(\d{4})/iu.exec(t)))
    return { kind: 'lastYear', year: +m[1]!, month: null, span };
  if (/^cùng/iu.test(t)) return { kind: 'lastYear', year: null, month: null, span };
  if ((m = /^\d{1,2}\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})/iu.exec(t)))
    return { kind: 'lastYear', year: +m[1]!, month: null, span };
  if ((m = /^(?:tháng\s+)?(\d{1,2})\s*[/-]\s*(\d{4})/iu.exec(t)))
    return { kind: 'period', year: +m[2]!, month: +m[1]!, span };
  if (/năm\s+ngoái$/iu.test(t)) return { kind: 'lastYear', year: null, month: null, span };
  if (/trước$/iu.test(t)) return { kind: 'previous', span };
  return { kind: 'other', span };
}

type Indices = NonNullable<RegExpExecArray['indices']>;
const at = (ix: Indices, name: string, offset: number): Span | null => {
  const r = ix.groups?.[name];
  return r ? { start: offset + r[0], end: offset + r[1] } : null;
};

/** The comparisons of one sentence `s` (at `offset` in the text), in order, none overlapping. */
export function clausesIn(s: string, offset: number): Clause[] {
  const out: Clause[] = [];
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m; (m = pattern.exec(s));) {
      const g = m.groups!;
      const ix = m.indices!;
      const span = { start: offset + m.index, end: offset + m.index + m[0].length };
      if (out.some((c) => c.span.start < span.end && span.start < c.span.end)) continue;
      const rateSpan = at(ix, 'rate', offset)!;
      // The printed rate with its sign: up to the "%" (or "lần", "điểm phần trăm").
      const rateEnd =
        kind === 'times'
          ? s.indexOf('lần', rateSpan.end - offset) + 3
          : kind === 'points'
            ? rateSpan.end - offset
            : s.indexOf('%', rateSpan.end - offset) + 1;
      const p = parsePrinted(g.rate!);
      const down = /^giảm/iu.test(g.word!);
      const baseSpan = at(ix, 'base', offset);
      const incSpan = at(ix, 'inc', offset);
      const targetSpan = at(ix, 'target', offset);
      out.push({
        kind,
        word: g.word!.toLocaleLowerCase('vi').replace(/\s+/g, ' '),
        rate: {
          value: (kind === 'change' || kind === 'points') && down ? -p.value : p.value,
          decimals: p.decimals,
          scale: 1,
          start: rateSpan.start,
          end: offset + rateEnd,
          text: s.slice(rateSpan.start - offset, rateEnd),
        },
        target:
          kind === 'plan' || !targetSpan || !g.target ? { kind: 'plan' } : targetOf(g.target, targetSpan),
        base:
          baseSpan && g.base
            ? {
                ...parsePrinted(g.base, g.pct ? '' : s.slice(baseSpan.end - offset)),
                ...baseSpan,
                percent: !!g.pct,
                hedged: !!g.hedge,
              }
            : null,
        increase:
          incSpan && g.inc ? { ...parsePrinted(g.inc, s.slice(incSpan.end - offset)), ...incSpan } : null,
        span,
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
