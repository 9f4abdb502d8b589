import { listIndicators } from '../catalog/indicators.ts';
import { hasRole } from '../access/access.ts';
import { compareMany } from '../compare/compare.ts';
import type { Ctx } from '../context.ts';
import { formatNumberVi, roundHalfUp } from '../format/number.ts';
import { type Clause, extractStatements, type Statement, type TextPeriod } from './extract.ts';
import { absolute, interval, overlaps, rateRange, scaleAt, shareRange } from './numbers.ts';
import type { CheckResult, Finding } from './check-schemas.ts';

const fmtPct = (x: number, decimals: number) => formatNumberVi(roundHalfUp(Math.abs(x), decimals), decimals);

/** What a clause states, as the checker prints it: "tăng 12,5%", "bằng 101%", "gấp 2,5 lần", "đạt 66,4%". */
function statedAs(c: Clause, x: number, decimals: number): string {
  const n = fmtPct(x, decimals);
  if (c.kind === 'times') return `gấp ${n} lần`;
  if (c.kind === 'change') return `${x < 0 ? 'giảm' : 'tăng'} ${n}%`;
  return `${c.word} ${n}%`;
}

/** The exact figure a clause should state, and the range of it that the printed figures allow. */
function truth(
  st: Statement,
  c: Clause & { base: NonNullable<Clause['base']> },
): { exact: number; range: [number, number] | null } {
  const q = absolute(st.value) / absolute(c.base);
  if (c.kind === 'change') return { exact: (q - 1) * 100, range: rateRange(st.value, c.base) };
  const share = shareRange(st.value, c.base);
  if (c.kind === 'times') return { exact: q, range: share ? [share[0] / 100, share[1] / 100] : null };
  return { exact: q * 100, range: share };
}

function arithmetic(text: string, st: Statement, c: Clause): Finding | null {
  if (!c.base) return null;
  const stated = c.rate;
  const { exact, range } = truth(st, { ...c, base: c.base });
  if (!range || overlaps(range, interval(stated))) return null;
  // The correct figure, at the precision the text used (one decimal at least, so it says something).
  const d = Math.max(stated.decimals, 1);
  const base = text.slice(c.base.start, c.base.end);
  return {
    code: c.kind === 'plan' ? 'SHARE_MISMATCH' : 'RATE_MISMATCH',
    severity: 'error',
    start: stated.start,
    end: stated.end,
    quote: text.slice(stated.start, stated.end),
    stated: fmtPct(stated.value, stated.decimals),
    expected: fmtPct(exact, d),
    message: `Văn bản ghi ${statedAs(c, stated.value, stated.decimals)}, không khớp số liệu: ${st.value.text} so với ${base} là ${statedAs(c, exact, d)}`,
    messageEn: `Stated ${stated.text} does not follow from ${st.value.text} and ${base}: ${exact.toFixed(d)}${c.kind === 'times' ? ' times' : '%'}`,
  };
}

/** "So với cùng kỳ năm N" must name the year before the statement's own. */
function comparisonYear(text: string, st: Statement, c: Clause): Finding | null {
  if (c.target.kind !== 'lastYear' || c.target.year === null || !st.period) return null;
  const want = st.period.year - 1;
  const monthWrong = c.target.month !== null && st.period.kind === 'M' && c.target.month !== st.period.n;
  if (c.target.year === want && !monthWrong) return null;
  const { span } = c.target;
  const expected =
    c.target.month !== null && st.period.kind === 'M' ? `tháng ${st.period.n}/${want}` : String(want);
  return {
    code: 'WRONG_COMPARISON_YEAR',
    severity: 'error',
    start: span.start,
    end: span.end,
    quote: text.slice(span.start, span.end),
    stated: c.target.month !== null ? `tháng ${c.target.month}/${c.target.year}` : String(c.target.year),
    expected,
    message: `Cùng kỳ năm trước của ${label(st.period)} là ${expected}, không phải ${c.target.year}`,
    messageEn: `The same period last year of ${label(st.period)} is ${expected}, not ${c.target.year}`,
  };
}

const label = (p: TextPeriod) =>
  p.kind === 'M'
    ? `tháng ${p.n}/${p.year}`
    : p.kind === 'Q'
      ? `quý ${p.n}/${p.year}`
      : p.kind === 'YTD'
        ? `${p.n} tháng đầu năm ${p.year}`
        : `năm ${p.year}`;

const periodId = (p: TextPeriod) =>
  p.kind === 'M'
    ? `${p.year}M${String(p.n).padStart(2, '0')}`
    : p.kind === 'Q'
      ? `${p.year}Q${p.n}`
      : p.kind === 'YTD'
        ? p.n === 12
          ? String(p.year)
          : `${p.year}M01-M${String(p.n).padStart(2, '0')}`
        : String(p.year);

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
  for (const st of statements)
    for (const c of st.clauses) {
      const a = arithmetic(text, st, c);
      if (a) findings.push(a);
      const y = comparisonYear(text, st, c);
      if (y) findings.push(y);
    }
  findings.push(...duplicates(text));
  if (ctx) findings.push(...(await againstStore(ctx, text, statements)));
  return { statements: statements.length, findings: findings.sort((a, b) => a.start - b.start) };
}
