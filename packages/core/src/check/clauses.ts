/** The comparisons a sentence states, read with their scope: what is compared, with what, and how. */
// Every stretch a pattern may skip is bounded ([^()]{0,120}, GAP): a text with no closing bracket
// or no keyword costs each pattern one bounded look per position, never a scan to its end.
import { NUM, type Printed, parsePrinted } from './numbers.ts';
import { type Span, type TextPeriod, periodsIn } from './text-periods.ts';

export interface Clause {
  /**
   * A change in percent or in points, the value as a percent of the base, a multiple, a plan share,
   * or a share of a whole ("42/63 (chiếm 66,7%)", "115.665 trên tổng số 168.746 … đạt 68,5%").
   */
  kind: 'change' | 'points' | 'ratio' | 'times' | 'plan' | 'share';
  /** The verb as written: "tăng", "giảm", "bằng", "đạt", "gấp", "hoàn thành"… */
  word: string;
  /** As printed: a signed percent ("giảm 38%" is −38), points, a percent, or a multiple ("gấp 2,5 lần"). */
  rate: Printed & Span & { text: string };
  target:
    | { kind: 'lastYear'; year: number | null; month: number | null; span: Span }
    | { kind: 'named'; period: TextPeriod; span: Span }
    | { kind: 'previous' | 'other'; span: Span }
    | { kind: 'plan' };
  /** The base as printed, whether it is a percent, and whether it is hedged ("khoảng 230"). */
  base: (Printed & Span & { percent: boolean; hedged: boolean }) | null;
  /** The increase stated instead of a base ("tăng 5,5% (tương ứng 26.351 tên miền)"). */
  increase: (Printed & Span) | null;
  /**
   * The compared figure when the clause carries it itself: the part of a share ("42/63"), the end of
   * a move ("tăng từ 75,5% lên 80,1%"). Otherwise the statement's figure is compared.
   */
  part: (Printed & Span & { percent: boolean }) | null;
  /**
   * A share of counts written out in whole numbers ("666/705 huyện … đạt 94,47%", "52.340 hồ sơ trên
   * tổng số 80.120"): things counted one by one are exact, not rounded, so the share is one number.
   */
  counts: boolean;
  span: Span;
}

// What a rate compares with: the same period last year (with or without its year or month), a
// named month, the previous period, a named quarter, year, year-to-date span or year end.
const TARGET = [
  String.raw`cùng\s+(?:kỳ|kì)(?:\s+(?:năm\s+\d{4}|\d{4}|tháng\s+\d{1,2}\s*[/-]\s*\d{4}|năm\s+trước|năm\s+ngoái|năm))?`,
  String.raw`\d{1,2}\s+tháng\s+(?:đầu\s+|cuối\s+)?năm\s+\d{4}`,
  String.raw`tháng\s+\d{1,2}\s*[/–-]\s*\d{4}`,
  String.raw`\d{1,2}\s*/\s*\d{4}`,
  String.raw`quý\s+(?:\d|I{1,3}|IV)\s*(?:/|-|–|năm)\s*\d{4}`,
  String.raw`(?:thời\s+điểm\s+)?cuối\s+năm\s+\d{4}`,
  String.raw`năm\s+\d{4}`,
  String.raw`(?:tháng|quý|kỳ|kì|năm)\s+trước|năm\s+ngoái`,
].join('|');
// A base in brackets after the comparison: "(2.280.000 tỷ đồng)", "(là 804)", "(cùng kỳ năm 2023:
// 1.296)", "(khoảng 230 tỷ đồng)", "(75,5%)". Only these lead-ins: another number in brackets
// ("trong đó 500 …") is never a base.
const LEAD = String.raw`(?:(?:cùng\s+(?:kỳ|kì)|năm\s+\d{4}|tháng\s+\d{1,2}\s*[/-]\s*\d{4}|quý\s+(?:\d|I{1,3}|IV)\s*[/-]\s*\d{4}|ước\s+đạt|là|đạt|:)\s*)*`;
const HEDGE = String.raw`(?<hedge>khoảng|gần|hơn|trên|xấp\s+xỉ|ước)?\s*`;
const BASE = String.raw`(?:\s*\(\s*${LEAD}${HEDGE}(?<base>${NUM})(?<pct>\s*%)?(?![\d.,]\d)[^()]{0,120}\))?`;
const SO_VOI = String.raw`(?:(?:so\s+với|so)\s+)+`;
const re = (s: string) => new RegExp(s, 'giud');

/** Each pattern has the groups word, rate, target (optional) and base or inc (optional). */
// A whole figure (not the head or tail of a bigger number, nor a date's day or month).
const WHOLE = (g: string) => String.raw`(?<![\d.,/])(?<${g}>${NUM})(?![\d]|[.,]\d)`;
// A fraction of counts "42/63", never a date ("11/3", "31/8/2023"), a rank ("thứ 41/181") or a
// document number ("45/2016/QĐ-TTg").
const FRACTION = String.raw`(?<!(?:ngày|tháng|quý|thứ|số|hạng|năm|và|đến)\s{1,3})(?<![\d.,/])(?<part>${NUM})\s*/\s*(?<base>${NUM})(?![\d]|[.,]\d|\s*/)`;
const GAP = (n: number) => String.raw`[^\d%().;/]{0,${n}}?`;
const SHARE_WORD = String.raw`(?<word>chiếm|đạt|bằng|tương\s+ứng)(?:\s+(?:tỷ\s+lệ|tỉ\s+lệ))?`;
const UNIT = String.raw`(?<unit>%|điểm\s+phần\s+trăm|lần)`;

const PATTERNS: [Clause['kind'], RegExp][] = [
  // "42/63 (chiếm 66,7%)", "63/63 tỉnh, thành phố, đạt 100%"
  ['share', re(String.raw`${FRACTION}${GAP(60)}[,(]?\s*${SHARE_WORD}\s+(?<rate>${NUM})\s*%`)],
  // "9.690 đài truyền thanh/10.599 xã, phường, đạt tỷ lệ 91,4%": counts with their nouns, never a
  // density ("86 thuê bao/100 dân") nor a rate per unit ("2,96 km/1 điểm").
  [
    'share',
    re(
      String.raw`(?<!(?:ngày|tháng|quý|thứ|số|hạng|năm|và|đến)\s{1,3})${WHOLE('part')}\s+[^\d%().;,/]{1,40}?\s*/\s*(?<base>${NUM})(?![\d]|[.,]\d|\s*/|\s*(?:dân|người|km))${GAP(60)}[,(]?\s*${SHARE_WORD}\s+(?<rate>${NUM})\s*%`,
    ),
  ],
  // "42/63 tỉnh (66,7%)"
  ['share', re(String.raw`${FRACTION}${GAP(40)}\(\s*(?<rate>${NUM})\s*%\s*\)`)],
  // "đạt 66,7% (42/63)"
  ['share', re(String.raw`${SHARE_WORD}\s+(?<rate>${NUM})\s*%\s*\(\s*${FRACTION}[^()]{0,120}\)`)],
  // "115.665 hồ sơ trên tổng số 168.746 hồ sơ, đạt 68,54%"
  [
    'share',
    re(
      String.raw`${WHOLE('part')}${GAP(40)}\s(?:trên|trong)\s+tổng(?:\s+số)?\s+(?:${GAP(30)}\s)?${WHOLE('base')}${GAP(50)},?\s*${SHARE_WORD}\s+(?<rate>${NUM})\s*%`,
    ),
  ],
  // "là 115.665 và tổng số hồ sơ giải quyết là 168.746, chiếm 68,54%"
  [
    'share',
    re(
      String.raw`${WHOLE('part')}${GAP(20)}\s+và\s+tổng\s+số${GAP(60)}\s(?:là|đạt|có)\s+${WHOLE('base')}${GAP(20)},?\s*${SHARE_WORD}\s+(?<rate>${NUM})\s*%`,
    ),
  ],
  // "tổng số trạm là 1.200 trạm, trong đó … là 900 trạm, đạt tỷ lệ 75%": the whole before its part,
  // both counted in the same noun; the percent ends its clause, so it is no plan share ("đạt 95% kế
  // hoạch") nor a share of another whole ("chiếm 22% tổng kim ngạch cả nước").
  [
    'share',
    re(
      String.raw`${WHOLE('base')}\s+(?<noun>\p{L}+)${GAP(40)},?\s+trong\s+đó\s+${GAP(80)}${WHOLE('part')}\s+\k<noun>${GAP(60)},?\s*${SHARE_WORD}\s+(?<rate>${NUM})\s*%(?=\s*(?:[,.;)]|$))`,
    ),
  ],
  // "tăng từ 75,5% lên 80,1% (4,6 điểm phần trăm)", "giảm từ 2.921 xuống 1.812 cuộc, tương ứng giảm 38%"
  [
    'change',
    re(
      String.raw`(?<word>tăng|giảm)\s+từ\s+${WHOLE('base')}(?<pct>\s*%)?${GAP(30)}\s(?:lên|xuống|còn)\s+${WHOLE('part')}(?<pct2>\s*%)?${GAP(30)}(?:\(\s*|,\s*(?:tương\s+ứng\s+)?(?:(?:tăng|giảm)\s+)?)(?<rate>${NUM})\s*${UNIT}`,
    ),
  ],
  // "tăng 4,6 điểm phần trăm (từ 75,5% lên 80,1%)"
  [
    'change',
    re(
      String.raw`(?<word>tăng|giảm)\s+(?<rate>${NUM})\s*${UNIT}\s*\(\s*từ\s+${WHOLE('base')}(?<pct>\s*%)?${GAP(30)}\s(?:lên|xuống|còn|đến)\s+${WHOLE('part')}(?<pct2>\s*%)?[^()]{0,120}\)`,
    ),
  ],
  // "tăng 5,5% so với lũy kế cùng kỳ năm trước (tương ứng 26.351 tên miền)": the increase after the target.
  [
    'change',
    re(
      String.raw`(?<word>tăng(?:\s+trưởng)?|giảm)\s+(?<rate>${NUM})\s*%\s*${SO_VOI}(?:lũy\s+kế\s+)?(?<target>${TARGET})\s*\(\s*tương\s+ứng\s+(?:(?:tăng|giảm)\s+)?${WHOLE('inc')}(?!\s*\/)[^()]{0,120}\)`,
    ),
  ],
  // "tăng 4,1 triệu thuê bao (4,25 %) so với cùng kỳ năm 2022": the increase, then the rate.
  [
    'change',
    re(
      String.raw`(?<word>tăng|giảm)\s+${WHOLE('inc')}${GAP(30)}\(\s*(?<rate>${NUM})\s*%\s*\)\s*${SO_VOI}(?<target>${TARGET})`,
    ),
  ],
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
      String.raw`(?<word>tăng(?:\s+trưởng)?|giảm)\s+(?<rate>${NUM})\s*%\s*\(\s*tương\s+ứng\s+(?:(?:tăng|giảm)\s+)?(?<inc>${NUM})[^()]{0,120}\)\s*${SO_VOI}(?<target>${TARGET})`,
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
      String.raw`(?<word>chiếm|đạt|bằng)\s+(?<rate>${NUM})\s*%\s*(?<target>tổng(?:\s+số)?)[^().;%\d]{0,50}\(\s*(?:tổng(?:\s+số)?\s*|là\s*|:\s*)*${HEDGE}(?<base>${NUM})(?<pct>\s*%)?(?![\d.,]\d)[^()]{0,120}\)`,
    ),
  ],
  // "tăng gấp 2,5 lần so với cùng kỳ (1.200.000)"
  [
    'times',
    re(
      String.raw`(?<word>(?:tăng\s+)?gấp)\s+(?<rate>${NUM})\s+lần\s*(?:${SO_VOI})?(?<target>${TARGET})${BASE}`,
    ),
  ],
  // "tăng 2,5 lần so với cùng kỳ (1.200.000)", "bằng 1,2 lần so với năm 2023 (…)"
  [
    'times',
    re(
      String.raw`(?<word>tăng|bằng|cao\s+gấp)\s+(?<rate>${NUM})\s+lần\s*(?:${SO_VOI})?(?<target>${TARGET})${BASE}`,
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
  // A period named by the shared grammar: "tháng 7/2024", "quý III/2023", "6 tháng cuối năm 2023".
  const named = periodsIn(t)[0];
  if (named && named.start === 0) return { kind: 'named', period: named, span };
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
  // Characters already inside a clause: the first pattern to read them keeps them.
  const taken = new Uint8Array(s.length);
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m; (m = pattern.exec(s));) {
      const g = m.groups!;
      const ix = m.indices!;
      const span = { start: offset + m.index, end: offset + m.index + m[0].length };
      if (taken.subarray(m.index, m.index + m[0].length).includes(1)) continue;
      const rateSpan = at(ix, 'rate', offset)!;
      // A move "từ A lên B" says in its unit whether the rate is a percent, points or a multiple.
      const k: Clause['kind'] = g.unit
        ? /điểm/iu.test(g.unit)
          ? 'points'
          : /lần/iu.test(g.unit)
            ? 'times'
            : kind
        : kind;
      // The printed rate with its sign: up to the "%" (or "lần", "điểm phần trăm").
      const rateEnd =
        k === 'times'
          ? s.indexOf('lần', rateSpan.end - offset) + 3
          : k === 'points'
            ? rateSpan.end - offset
            : s.indexOf('%', rateSpan.end - offset) + 1;
      const p = parsePrinted(g.rate!);
      const word = g.word ?? 'chiếm';
      const down = /^giảm/iu.test(word);
      const baseSpan = at(ix, 'base', offset);
      const incSpan = at(ix, 'inc', offset);
      const partSpan = at(ix, 'part', offset);
      const targetSpan = at(ix, 'target', offset);
      const base =
        baseSpan && g.base
          ? {
              ...parsePrinted(g.base, g.pct ? '' : s.slice(baseSpan.end - offset)),
              ...baseSpan,
              percent: !!g.pct,
              hedged: !!g.hedge,
            }
          : null;
      const part =
        partSpan && g.part
          ? {
              ...parsePrinted(g.part, g.pct2 ? '' : s.slice(partSpan.end - offset)),
              ...partSpan,
              percent: !!g.pct2,
            }
          : null;
      // A share is of a whole no smaller than its part; anything else is not a share we can read.
      if (k === 'share' && part && base && part.value * part.scale > base.value * base.scale) continue;
      out.push({
        kind: k,
        word: word.toLocaleLowerCase('vi').replace(/\s+/g, ' '),
        rate: {
          value: (k === 'change' || k === 'points') && down ? -p.value : p.value,
          decimals: p.decimals,
          scale: 1,
          start: rateSpan.start,
          end: offset + rateEnd,
          text: s.slice(rateSpan.start - offset, rateEnd),
        },
        target:
          k === 'plan' || k === 'share' || !targetSpan || !g.target
            ? { kind: 'plan' }
            : targetOf(g.target, targetSpan),
        base,
        increase:
          incSpan && g.inc ? { ...parsePrinted(g.inc, s.slice(incSpan.end - offset)), ...incSpan } : null,
        part,
        counts:
          k === 'share' &&
          !!part &&
          !!base &&
          !part.percent &&
          !base.percent &&
          !base.hedged &&
          [part, base].every((x) => x.decimals === 0 && x.scale === 1),
        span,
      });
      taken.fill(1, m.index, m.index + m[0].length);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
