/**
 * The annotator's own arithmetic for the real-prose set, written apart from the checker (it imports
 * nothing from packages/core): it reads the figures the annotator transcribed, as printed, and says
 * whether the stated figure can follow from them at the precision they are printed with.
 *
 * A printed figure stands for every value that rounds to it ("804" is 803,5…804,5; "khoảng 230" is
 * taken as ±5%). A stated rate is consistent when some pair of such values gives it; the margin is how
 * far outside that range it lies, in units of its own last printed digit.
 */

/** A figure as transcribed: Vietnamese digits ("2.820.865", "46,8"), optionally hedged ("~230"). */
export type Fig = string;

interface Printed {
  value: number;
  half: number;
}

function printed(s: Fig): Printed {
  const hedged = s.startsWith('~');
  const t = s.replace(/^~/, '').trim();
  const sign = t.startsWith('-') ? -1 : 1;
  const [int, dec = ''] = t.replace(/^-/, '').split(',');
  const value = sign * Number(`${int!.replace(/\./g, '')}.${dec || '0'}`);
  if (!Number.isFinite(value)) throw new Error(`not a figure: ${s}`);
  const half = hedged ? Math.abs(value) * 0.05 : 0.5 * 10 ** -dec.length;
  return { value, half };
}
const lo = (p: Printed) => p.value - p.half;
const hi = (p: Printed) => p.value + p.half;
const decimalsOf = (s: Fig) => (s.split(',')[1] ?? '').length;

/** What was transcribed for one comparison. */
export type Arith =
  /** value against base: "tăng r%", or "giảm r%" with `down`. */
  | { kind: 'change'; value: Fig; base: Fig; stated: Fig; down?: boolean }
  /** value against base given as the increase: "tăng inc (r%)" (with `down`, a decrease). */
  | { kind: 'increase'; value: Fig; inc: Fig; stated: Fig; down?: boolean }
  /** a percent against a percent, in percentage points: "80,1%, tăng 4,6 … (75,5%)". */
  | { kind: 'points'; value: Fig; base: Fig; stated: Fig }
  /**
   * part of whole: "chiếm P%", "A/B", "đạt P% kế hoạch (plan)". With `counts`, part and whole are
   * things counted one by one ("666 huyện/705 huyện"): exact, so the share is one number, which the
   * text may round or cut at the decimals it prints.
   */
  | { kind: 'share'; part: Fig; whole: Fig; stated: Fig; counts?: true }
  /** value as a multiple of base: "gấp k lần". */
  | { kind: 'times'; value: Fig; base: Fig; stated: Fig }
  /** parts that must add to a total. */
  | { kind: 'sum'; parts: Fig[]; total: Fig }
  /** the statement's own year and the year its "cùng kỳ" names. */
  | { kind: 'year'; period: number; base: number };

export interface Verdict {
  consistent: boolean;
  /** The exact figure from the transcribed numbers (percent, multiple, sum or year). */
  exact: number;
  /** How far the stated figure lies outside the honest range, in units of its last printed digit. */
  margin: number;
}

function judge(range: [number, number], exact: number, stated: Fig): Verdict {
  const s = printed(stated);
  const unit = 10 ** -decimalsOf(stated);
  const gap = Math.max(0, range[0] - hi(s), lo(s) - range[1]);
  return { consistent: gap === 0, exact, margin: gap / unit };
}

/** Judges one transcribed comparison. */
export function verdict(a: Arith): Verdict {
  switch (a.kind) {
    case 'change': {
      const v = printed(a.value);
      const b = printed(a.base);
      // A decrease is stated by its size: "giảm 10,8%" is 1 − v/b = 10,8%.
      const r: [number, number] = [(lo(v) / hi(b) - 1) * 100, (hi(v) / lo(b) - 1) * 100];
      const exact = (v.value / b.value - 1) * 100;
      return a.down ? judge([-r[1], -r[0]], -exact, a.stated) : judge(r, exact, a.stated);
    }
    case 'increase': {
      const v = printed(a.value);
      const inc = printed(a.inc);
      // The base is the value less the increase (plus the decrease).
      const sign = a.down ? -1 : 1;
      const b0 = a.down ? lo(v) + lo(inc) : lo(v) - hi(inc);
      const b1 = a.down ? hi(v) + hi(inc) : hi(v) - lo(inc);
      const exact = (inc.value / (v.value - sign * inc.value)) * 100;
      return judge([(lo(inc) / b1) * 100, (hi(inc) / b0) * 100], exact, a.stated);
    }
    case 'points': {
      const v = printed(a.value);
      const b = printed(a.base);
      return judge([lo(v) - hi(b), hi(v) - lo(b)], v.value - b.value, a.stated);
    }
    case 'share': {
      if (a.counts) {
        const exact = (printed(a.part).value / printed(a.whole).value) * 100;
        const f = 10 ** decimalsOf(a.stated);
        const s = printed(a.stated).value;
        const ok = [Math.round(exact * f) / f, Math.floor(exact * f) / f].some(
          (x) => Math.abs(x - s) < 0.5 / f,
        );
        return { consistent: ok, exact, margin: ok ? 0 : Math.abs(exact - s) * f };
      }
      const p = printed(a.part);
      const w = printed(a.whole);
      return judge([(lo(p) / hi(w)) * 100, (hi(p) / lo(w)) * 100], (p.value / w.value) * 100, a.stated);
    }
    case 'times': {
      const v = printed(a.value);
      const b = printed(a.base);
      return judge([lo(v) / hi(b), hi(v) / lo(b)], v.value / b.value, a.stated);
    }
    case 'sum': {
      const ps = a.parts.map(printed);
      const t = printed(a.total);
      const sum = ps.reduce((x, p) => x + p.value, 0);
      const slack = ps.reduce((x, p) => x + p.half, 0) + t.half;
      const gap = Math.max(0, Math.abs(sum - t.value) - slack);
      return { consistent: gap === 0, exact: sum, margin: gap / 10 ** -decimalsOf(a.total) };
    }
    case 'year':
      return {
        consistent: a.base === a.period - 1,
        exact: a.period - 1,
        margin: Math.abs(a.base - (a.period - 1)),
      };
  }
}
