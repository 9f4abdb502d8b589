import { listIndicators } from '../catalog/indicators.ts';
import { hasRole } from '../access/access.ts';
import { compareMany } from '../compare/compare.ts';
import type { Ctx } from '../context.ts';
import { formatNumberVi, roundHalfUp } from '../format/number.ts';
import { type Clause, extractStatements, type Statement, type TextPeriod } from './extract.ts';
import { periodIdOf as periodId, periodLabel as label } from './text-periods.ts';
import { absolute, interval, overlaps, scaleAt } from './numbers.ts';
import type { CheckResult, Finding, StatementRead } from './check-schemas.ts';
import { typography } from './typography.ts';
import { type Compared, notUnderstood, periodInSentence, type Range, readOf, unitless } from './read.ts';

const fmtPct = (x: number, decimals: number) => formatNumberVi(roundHalfUp(Math.abs(x), decimals), decimals);

/** What a clause states, as the checker prints it: "tăng 12,5%", "bằng 101%", "gấp 2,5 lần", "đạt 66,4%". */
function statedAs(c: Clause, x: number, decimals: number): string {
  const n = fmtPct(x, decimals);
  if (c.kind === 'times') return `gấp ${n} lần`;
  if (c.kind === 'change') return `${x < 0 ? 'giảm' : 'tăng'} ${n}%`;
  if (c.kind === 'points') return `${x < 0 ? 'giảm' : 'tăng'} ${n} điểm phần trăm`;
  return `${c.word} ${n}%`;
}

/**
 * The readings of a clause and, for each, the exact figure and the range the printed figures allow.
 * A change between two percents may be relative or in points, so both are readings; a hedged base
 * ("khoảng 230") stands for ±5%; an increase stated instead of a base gives the base as value − increase.
 */
function readings(st: Statement, c: Clause): { exact: number; range: Range }[] {
  const value = c.part ?? st.value;
  const v = interval(value);
  if (c.increase) {
    const inc = interval(c.increase);
    const down = c.rate.value < 0;
    // The base is value ∓ increase; the rate is ±increase / base.
    const b: Range = down ? [v[0] + inc[0], v[1] + inc[1]] : [v[0] - inc[1], v[1] - inc[0]];
    if (b[0] <= 0) return [];
    const sign = down ? -1 : 1;
    const exact = (sign * absolute(c.increase)) / (absolute(value) - sign * absolute(c.increase));
    const lo = (inc[0] / b[1]) * 100;
    const hi = (inc[1] / b[0]) * 100;
    return [{ exact: exact * 100, range: down ? [-hi, -lo] : [lo, hi] }];
  }
  if (!c.base) return [];
  // A percent compared with a plain number (or the other way round) is not a comparison we can read.
  if (c.base.percent !== value.percent) return [];
  const b = interval(c.base);
  const base: Range = c.base.hedged ? [b[0] * 0.95, b[1] * 1.05] : b;
  if (base[0] <= 0) return [];
  const q = absolute(value) / absolute(c.base);
  if (c.counts) {
    // Exact counts give one share; the text may round it or cut it at the decimals it prints, so
    // anything from one unit of its last digit below the share up to half a unit above passes.
    const unit = 10 ** -c.rate.decimals;
    return [{ exact: q * 100, range: [q * 100 - unit / 2, q * 100] }];
  }
  const ratio: Range = [(v[0] / base[1]) * 100, (v[1] / base[0]) * 100];
  const points = {
    exact: absolute(value) - absolute(c.base),
    range: [v[0] - base[1], v[1] - base[0]] as Range,
  };
  if (c.kind === 'points') return value.percent ? [points] : [];
  if (c.kind === 'change') {
    const relative = { exact: (q - 1) * 100, range: [ratio[0] - 100, ratio[1] - 100] as Range };
    return value.percent ? [relative, points] : [relative];
  }
  if (c.kind === 'times') {
    const times = { exact: q, range: [ratio[0] / 100, ratio[1] / 100] as Range };
    // "tăng 2 lần" is read both ways in Vietnamese prose: ×2, or by 2 times the base (×3).
    if (c.word !== 'tăng') return [times];
    return [times, { exact: q - 1, range: [times.range[0] - 1, times.range[1] - 1] as Range }];
  }
  return [{ exact: q * 100, range: ratio }];
}

function arithmetic(text: string, { st, c, all }: Compared): Finding | null {
  const stated = c.rate;
  if (!all.length || all.some((r) => overlaps(r.range, interval(stated)))) return null;
  const exact = all[0]!.exact;
  // The correct figure, at the precision the text used (one decimal at least, so it says something).
  const d = Math.max(stated.decimals, 1);
  const base = c.base ? text.slice(c.base.start, c.base.end) : '';
  const against = c.increase ? `mức tăng ${text.slice(c.increase.start, c.increase.end)}` : base;
  const value = c.part ? text.slice(c.part.start, c.part.end) : st.value.text;
  return {
    code: c.kind === 'plan' || c.kind === 'share' ? 'SHARE_MISMATCH' : 'RATE_MISMATCH',
    severity: 'error',
    start: stated.start,
    end: stated.end,
    quote: text.slice(stated.start, stated.end),
    stated: fmtPct(stated.value, stated.decimals),
    expected: fmtPct(exact, d),
    // A change stated the wrong way round says so first: the size may match, the direction does not.
    message:
      (c.kind === 'change' || c.kind === 'points') && Math.sign(stated.value) * Math.sign(exact) < 0
        ? `Văn bản ghi ${statedAs(c, stated.value, stated.decimals)} nhưng số liệu ${exact < 0 ? 'giảm' : 'tăng'} (sai chiều): ${value} so với ${against} là ${statedAs(c, exact, d)}`
        : `Văn bản ghi ${statedAs(c, stated.value, stated.decimals)}, không khớp số liệu: ${value} so với ${against} là ${statedAs(c, exact, d)}`,
    messageEn: `Stated ${stated.text} does not follow from ${value} and ${against}: ${exact.toFixed(d)}${c.kind === 'times' ? ' times' : c.kind === 'points' ? ' points' : '%'}`,
  };
}

/**
 * Whether a stated rate is the exact one (from the printed figures) rounded or truncated at the
 * decimals it shows; null when both give the same figure or neither does, when the reading is not
 * single, or when the printed figures do not pin the rate to within three units of its last digit
 * ("54" and "44" cannot tell 22,72% from 22,73%: no convention can be judged from them).
 */
function printedAs({ c, all }: Compared): { way: 'round' | 'trunc'; exact: number } | null {
  if (all.length !== 1) return null;
  const f = 10 ** c.rate.decimals;
  const [lo, hi] = all[0]!.range;
  if (hi - lo > 3 / f) return null;
  const exact = Math.abs(all[0]!.exact);
  const rounded = roundHalfUp(exact, c.rate.decimals);
  const truncated = Math.floor(exact * f + 1e-9) / f;
  if (rounded === truncated) return null;
  const stated = Math.abs(c.rate.value);
  return stated === rounded ? { way: 'round', exact } : stated === truncated ? { way: 'trunc', exact } : null;
}

/**
 * A rate truncated where the same text rounds its other rates: within the printed figures' rounding
 * it may pass the arithmetic, but the text's own convention says it should read one digit up.
 */
function truncations(text: string, compared: Compared[]): Finding[] {
  const seen = compared.map((x) => ({ ...x, as: printedAs(x) }));
  if (!seen.some((x) => x.as?.way === 'round')) return [];
  return seen.flatMap(({ st, c, as }) => {
    if (as?.way !== 'trunc') return [];
    const d = c.rate.decimals;
    const right = roundHalfUp(as.exact, d);
    return [
      {
        code:
          c.kind === 'plan' || c.kind === 'share' ? ('SHARE_MISMATCH' as const) : ('RATE_MISMATCH' as const),
        severity: 'warning' as const,
        start: c.rate.start,
        end: c.rate.end,
        quote: text.slice(c.rate.start, c.rate.end),
        stated: fmtPct(c.rate.value, d),
        expected: fmtPct(right, d),
        message: `Tỷ lệ bị cắt bớt thay vì làm tròn: ${st.value.text} so với số gốc là ${formatNumberVi(as.exact, d + 2)}, làm tròn là ${fmtPct(right, d)} (các tỷ lệ khác trong văn bản đều làm tròn)`,
        messageEn: `Truncated instead of rounded: the exact figure is ${as.exact.toFixed(d + 2)}, rounded ${right.toFixed(d)} (the text rounds its other rates)`,
      },
    ];
  });
}

const sameShape = (a: TextPeriod, b: TextPeriod) => a.kind === b.kind && a.n === b.n && a.from === b.from;

/**
 * "So với cùng kỳ năm N" must name the year before the statement's own, and a period is never
 * compared with itself ("tháng 1/2021 … so với tháng 1/2021"). Judged only when the statement's period
 * and the base are both written in its sentence (or the sentence an anaphor points back to): a year
 * guessed from a title, a paragraph or another source is no ground to speak on.
 */
function comparisonYear(text: string, st: Statement, c: Clause): Finding | null {
  if (!st.period || !periodInSentence(st)) return null;
  const own = st.period;
  if (c.target.kind === 'named') {
    const t = c.target.period;
    if (!sameShape(t, own) || t.year !== own.year) return null;
    return yearFinding(
      text,
      c.target.span,
      label(t),
      label({ ...own, year: own.year - 1 }),
      own,
      String(t.year),
    );
  }
  if (c.target.kind !== 'lastYear' || c.target.year === null) return null;
  const want = own.year - 1;
  // A second base beside the year before is deliberate ("gấp 10 lần so với cùng kỳ năm trước nhưng
  // vẫn giảm 90,3% so với cùng kỳ năm 2019", the year before the pandemic): not a wrong year.
  const besideLastYear = st.clauses.some(
    (o) => o !== c && o.target.kind === 'lastYear' && (o.target.year === null || o.target.year === want),
  );
  if (besideLastYear && c.target.year < want) return null;
  const monthWrong = c.target.month !== null && own.kind === 'M' && c.target.month !== own.n;
  if (c.target.year === want && !monthWrong) return null;
  const expected = c.target.month !== null && own.kind === 'M' ? `tháng ${own.n}/${want}` : String(want);
  const stated = c.target.month !== null ? `tháng ${c.target.month}/${c.target.year}` : String(c.target.year);
  return yearFinding(text, c.target.span, stated, expected, own, String(c.target.year));
}

function yearFinding(
  text: string,
  span: { start: number; end: number },
  stated: string,
  expected: string,
  own: TextPeriod,
  year: string,
): Finding {
  return {
    code: 'WRONG_COMPARISON_YEAR',
    severity: 'error',
    start: span.start,
    end: span.end,
    quote: text.slice(span.start, span.end),
    stated,
    expected,
    message: `Cùng kỳ năm trước của ${label(own)} là ${expected}, không phải ${year}`,
    messageEn: `The same period last year of ${label(own)} is ${expected}, not ${year}`,
  };
}

const norm = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .replace(/[.;:,]+$/, '')
    .trim();

/** Repeated items of a list ("- …" lines): the second and later are flagged. */
function duplicates(text: string): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  const re = /^[ \t]*(?:[-–•+*]|\d+[.)])[ \t]+(.+)$/gmu;
  for (let m; (m = re.exec(text));) {
    const item = m[1]!.trim();
    const key = norm(item);
    if (key.length < 12) continue;
    const start = m.index + m[0].indexOf(item);
    if (seen.has(key))
      out.push({
        code: 'DUPLICATE_ITEM',
        severity: 'warning',
        start,
        end: start + item.length,
        quote: item,
        stated: null,
        expected: null,
        message: `Mục này lặp lại mục ở vị trí ${seen.get(key)}; chỉ nên nêu một lần`,
        messageEn: `This item repeats the one at offset ${seen.get(key)}`,
      });
    else seen.set(key, start);
  }
  return out;
}

/** Stated figures that differ from the store, where the quantity is one catalog indicator and the period has data. */
async function againstStore(ctx: Ctx, text: string, statements: Statement[]): Promise<Finding[]> {
  // National figures only: a reader scoped to one unit (or the public) is checked on arithmetic alone.
  if (!hasRole(ctx, 'value.read') || ctx.actor.unitId !== null) return [];
  const inds = await listIndicators(ctx);
  const names = inds.flatMap((i) =>
    [i.nameVi, i.shortVi].filter((n): n is string => !!n).map((n) => ({ n: norm(n), i })),
  );
  const asks = statements.flatMap((st) => {
    if (!st.period) return [];
    const subject = norm(st.subject);
    const hits = names.filter((x) => subject.includes(x.n));
    const best = Math.max(0, ...hits.map((h) => h.n.length));
    const chosen = [...new Set(hits.filter((h) => h.n.length === best).map((h) => h.i))];
    return chosen.length === 1 ? [{ st, ind: chosen[0]!, period: periodId(st.period) }] : [];
  });
  if (!asks.length) return [];
  const results = await compareMany(
    ctx,
    asks.map((a) => ({ indicator: a.ind.code, unit: 'VN', period: a.period })),
  );
  return asks.flatMap((a, k) => {
    const value = results[k]!.value;
    if (value === null) return [];
    // Both in absolute terms: "2,82 triệu tỷ đồng" against 2.820.865 of an indicator kept in "tỷ đồng".
    const stored = value * scaleAt(a.ind.unitVi);
    if (overlaps(interval(a.st.value), [stored, stored])) return [];
    const inText = stored / a.st.value.scale;
    const expected = formatNumberVi(roundHalfUp(inText, a.st.value.decimals), a.st.value.decimals);
    return [
      {
        code: 'VALUE_MISMATCH' as const,
        severity: 'error' as const,
        start: a.st.value.start,
        end: a.st.value.end,
        quote: text.slice(a.st.value.start, a.st.value.end),
        stated: a.st.value.text,
        expected,
        message: `Số liệu đã lưu của ${a.ind.nameVi} ${label(a.st.period!)} là ${expected}, văn bản ghi ${a.st.value.text}`,
        messageEn: `The stored ${a.ind.code} for ${a.period} is ${value} ${a.ind.unitVi}; the text says ${a.st.value.text}`,
      },
    ];
  });
}

/**
 * Checks statistical text written by people: the arithmetic of every stated rate and plan share
 * (honestly, at the precision printed: a rate is wrong only if no values consistent with the printed
 * figures give it), the comparison years, repeated list items, and — given a store — stated figures
 * against stored ones.
 */
export async function checkText(ctx: Ctx | null, text: string): Promise<CheckResult> {
  const statements = extractStatements(text);
  const findings: Finding[] = [];
  const read: StatementRead[] = [];
  const compared = statements.flatMap((st) => st.clauses.map((c) => ({ st, c, all: readings(st, c) })));
  for (const x of compared) {
    const a = arithmetic(text, x);
    if (a) findings.push(a);
    const y = comparisonYear(text, x.st, x.c);
    if (y) findings.push(y);
    read.push(readOf(text, x));
  }
  read.push(...notUnderstood(text, statements));
  // A truncation the arithmetic let pass (inside the printed rounding) and not already flagged.
  findings.push(...truncations(text, compared).filter((t) => !findings.some((f) => f.start === t.start)));
  findings.push(...duplicates(text), ...typography(text), ...unitless(text, statements));
  if (ctx) findings.push(...(await againstStore(ctx, text, statements)));
  return {
    statements: statements.length,
    findings: findings.sort((a, b) => a.start - b.start),
    read: read.sort((a, b) => a.start - b.start),
  };
}
