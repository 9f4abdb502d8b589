/**
 * Outliers: a value far from what its own history and its peers lead one to expect. Robust
 * statistics throughout (median and median absolute deviation), so the errors being looked for do
 * not hide themselves by inflating a standard deviation. The method, thresholds and the bench's
 * results are in docs/OUTLIERS.md. Pure and Node-free; `outliers.queries.ts` loads the inputs.
 */
import { formatNumberEn, formatNumberVi } from '../format/number.ts';
import type { Indicator } from '../schemas.ts';

type IndicatorKind = Indicator['kind'];

/** Iglewicz and Hoaglin's threshold for the modified z-score (the usual 3.5). */
export const HISTORY_THRESHOLD = 3.5;
/** Provinces differ by more than noise (structure, not error): peers flag only far values. */
export const PEER_THRESHOLD = 5;
/** Changes a history is read over: at least 12, at most 36. */
export const MIN_HISTORY = 12;
export const MAX_HISTORY = 36;
/** Fewest peers with a value for the peer check to say anything. */
export const MIN_PEERS = 8;
/**
 * The smallest spread of log changes the score divides by (2%): a series that never moved (a
 * constant count) would otherwise call any change, however small, infinitely unusual.
 */
export const MIN_SPREAD = 0.02;
/** 0.6745 = Φ⁻¹(0.75): scales the MAD to a standard deviation under normal noise. */
const K = 0.6745;

/** One outlier finding; maps 1:1 onto a quality flag with source 'outlier' (or 'bound'). */
export interface OutlierFinding {
  indicator: string;
  code: 'OUTLIER_HISTORY' | 'OUTLIER_PEERS' | 'OUTSIDE_RANGE';
  severity: 'warning';
  vi: string;
  en: string;
  /** The modified z-score (0 for a range finding). */
  score: number;
  /** What the finding was measured against. */
  basis: OutlierBasis;
}

export type OutlierBasis =
  | { method: 'history'; expected: number; reference: string; periods: number; threshold: number }
  | { method: 'peers'; expected: number; peers: number; perCapita: boolean; threshold: number }
  | { method: 'range'; min: number | null; max: number | null };

/** Signed log: defined at zero and for losses (profit), the log of the ratio elsewhere. */
const slog = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));
const unslog = (y: number) => Math.sign(y) * Math.expm1(Math.abs(y));

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Modified z-score of `x` among `xs`, with the spread floored at {@link MIN_SPREAD}. */
export function modifiedZ(x: number, xs: number[]): number {
  const m = median(xs);
  const mad = median(xs.map((v) => Math.abs(v - m)));
  return (K * (x - m)) / Math.max(mad, K * MIN_SPREAD);
}

/**
 * The period a value is compared with, counted in periods of its own type (`perYear` of them in a
 * year: 12 months, 4 quarters, 2 halves, 1 year): a flow's same period last year (its season), a
 * stock's or a ratio's previous period.
 */
export const lagOf = (kind: IndicatorKind, perYear = 12) => (kind === 'flow' ? perYear : 1);

/**
 * The history check. `series` is the unit's values of the same period type before the checked one,
 * oldest first, the last element the period just before (null where missing). The statistic is the
 * log change against the reference period (`lag` periods back: a flow's same period last year,
 * which removes the season; a stock's previous period); the checked value's change is scored
 * against the changes of the last 12–36 periods. Null when fewer than {@link MIN_HISTORY} changes
 * are known or the reference is missing. The minimum is not lowered for short series: a quarterly
 * flow needs 16 quarters, a yearly indicator 13 years; until then the history says nothing and only
 * the peers, the ranges, the hard bounds and the validation rules question the value.
 */
export function historyScore(
  kind: IndicatorKind,
  series: (number | null)[],
  value: number,
  lag = lagOf(kind),
): { score: number; expected: number; periods: number; lag: number } | null {
  const at = (i: number) => (i >= 0 && i < series.length ? series[i]! : null);
  const ref = at(series.length - lag);
  if (ref === null) return null;
  const changes: number[] = [];
  for (let i = series.length - 1; i >= lag && changes.length < MAX_HISTORY; i--) {
    const a = at(i);
    const b = at(i - lag);
    if (a !== null && b !== null) changes.push(slog(a) - slog(b));
  }
  if (changes.length < MIN_HISTORY) return null;
  const change = slog(value) - slog(ref);
  return {
    score: modifiedZ(change, changes),
    expected: unslog(slog(ref) + median(changes)),
    periods: changes.length,
    lag,
  };
}

/** A peer: another unit of the same kind, same indicator and period, with its size if known. */
export interface Peer {
  value: number;
  size: number | null;
}

/**
 * The peer check: the value per inhabitant (when every peer and the unit have a size) on a log
 * scale, scored among the peers'. Null with fewer than {@link MIN_PEERS} peers.
 */
export function peerScore(
  value: number,
  size: number | null,
  peers: Peer[],
): { score: number; expected: number; peers: number; perCapita: boolean } | null {
  if (peers.length < MIN_PEERS) return null;
  const perCapita = size !== null && size > 0 && peers.every((p) => p.size !== null && p.size > 0);
  const scale = (v: number, s: number | null) => (perCapita ? v / s! : v);
  // Per inhabitant the values are small: scaled to per million so the signed log stays a log.
  const y = (v: number, s: number | null) => slog(scale(v, s) * (perCapita ? 1e6 : 1));
  const ys = peers.map((p) => y(p.value, p.size));
  const typical = unslog(median(ys)) / (perCapita ? 1e6 : 1);
  return {
    score: modifiedZ(y(value, size), ys),
    expected: perCapita ? typical * size! : typical,
    peers: peers.length,
    perCapita,
  };
}

/** Everything the outlier check needs about one value. */
export interface OutlierInput {
  indicator: { code: string; kind: IndicatorKind; precision: number };
  unitName: string;
  value: number;
  /** The unit's values of the same period type before this one, oldest first (see {@link historyScore}). */
  history: (number | null)[];
  /** Periods of this type in a year (12 months, the default; 4 quarters, 2 halves, 1 year). */
  perYear?: number;
  /** The period label of the reference month ("T8/2024"), quoted in the message. */
  referenceLabel: string;
  size: number | null;
  peers: Peer[];
  range?: { min: number | null; max: number | null } | null;
}

/** The findings about one value: history, peers, the administrator's (soft) range. */
export function findOutliers(input: OutlierInput): OutlierFinding[] {
  const { indicator: ind, value } = input;
  const vi = (x: number) => formatNumberVi(x, ind.precision, { trimZeros: true });
  const en = (x: number) => formatNumberEn(x, ind.precision, { trimZeros: true });
  const z = (s: number) => formatNumberVi(Math.abs(s), 1);
  const out: OutlierFinding[] = [];
  const perYear = input.perYear ?? 12;
  const h = historyScore(ind.kind, input.history, value, lagOf(ind.kind, perYear));
  if (h && Math.abs(h.score) > HISTORY_THRESHOLD) {
    const ref = input.referenceLabel;
    out.push({
      indicator: ind.code,
      code: 'OUTLIER_HISTORY',
      severity: 'warning',
      score: h.score,
      vi: `Bất thường so với ${h.periods} kỳ trước của ${input.unitName}: ${vi(value)}, mức dự kiến khoảng ${vi(h.expected)} (theo ${ind.kind === 'flow' ? 'cùng kỳ' : 'kỳ trước'} ${ref}; điểm z hiệu chỉnh ${z(h.score)}, ngưỡng ${z(HISTORY_THRESHOLD)})`,
      en: `Unusual against ${input.unitName}'s last ${h.periods} periods: ${en(value)}, expected about ${en(h.expected)} (from ${ind.kind === 'flow' ? 'the same period last year' : 'the previous period'} ${ref}; modified z-score ${formatNumberEn(Math.abs(h.score), 1)}, threshold ${HISTORY_THRESHOLD})`,
      basis: {
        method: 'history',
        expected: h.expected,
        reference: ref,
        periods: h.periods,
        threshold: HISTORY_THRESHOLD,
      },
    });
  }
  const p = peerScore(value, input.size, input.peers);
  if (p && Math.abs(p.score) > PEER_THRESHOLD) {
    out.push({
      indicator: ind.code,
      code: 'OUTLIER_PEERS',
      severity: 'warning',
      score: p.score,
      vi: `Khác thường so với ${p.peers} đơn vị cùng cấp${p.perCapita ? ' (tính theo dân số)' : ''}: ${vi(value)}, mức thường gặp khoảng ${vi(p.expected)} (điểm z hiệu chỉnh ${z(p.score)}, ngưỡng ${z(PEER_THRESHOLD)})`,
      en: `Unusual among ${p.peers} peer units${p.perCapita ? ' (per inhabitant)' : ''}: ${en(value)}, typically about ${en(p.expected)} (modified z-score ${formatNumberEn(Math.abs(p.score), 1)}, threshold ${PEER_THRESHOLD})`,
      basis: {
        method: 'peers',
        expected: p.expected,
        peers: p.peers,
        perCapita: p.perCapita,
        threshold: PEER_THRESHOLD,
      },
    });
  }
  const r = input.range;
  if (r && ((r.min !== null && value < r.min) || (r.max !== null && value > r.max))) {
    const span = (f: (x: number) => string) =>
      `${r.min === null ? '…' : f(r.min)} – ${r.max === null ? '…' : f(r.max)}`;
    out.push({
      indicator: ind.code,
      code: 'OUTSIDE_RANGE',
      severity: 'warning',
      score: 0,
      vi: `${vi(value)} nằm ngoài khoảng ${span(vi)} quản trị viên đặt cho ${input.unitName}`,
      en: `${en(value)} is outside the range ${span(en)} an administrator set for ${input.unitName}`,
      basis: { method: 'range', min: r.min, max: r.max },
    });
  }
  return out;
}
