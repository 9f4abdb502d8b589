/**
 * The real-prose evaluation set: published Vietnamese statistical texts (2020–2026), annotated by
 * hand. Only addresses, short anchors and transcribed figures live here; the texts themselves are
 * kept in `texts/` (git-ignored) and never committed.
 *
 * Each item is one comparison a reader can check from the printed figures (a rate with its base, a
 * share with its whole, an increase with its level, parts with their total, a "cùng kỳ" with the
 * statement's own period in the same sentence). `arith` holds the figures as transcribed; its verdict
 * comes from `arith.ts` (the annotator's own interval arithmetic, not the checker's), and the bench
 * refuses an annotation whose verdict disagrees with it. A slip is graded:
 * - must: the figures that prove it stand in the statement's own sentence (or its brackets);
 * - should: provable, but only at the last printed digit or from a neighbouring sentence;
 * - optional: needs figures from elsewhere in the text (a table, another paragraph).
 * Rates printed without any base ("tăng 17% so với cùng kỳ") cannot be checked and are not items: a
 * finding on one of them is a false alarm.
 */
import type { Arith } from './arith.ts';

export type Kind = 'ministry' | 'province' | 'cyber' | 'statistics';

export interface Item {
  /** Words of the text (as printed) that the comparison's finding would point into. */
  anchor: string;
  verdict: 'correct' | 'must' | 'should' | 'optional';
  /** The finding a slip calls for. */
  code?: 'RATE_MISMATCH' | 'SHARE_MISMATCH' | 'WRONG_COMPARISON_YEAR' | 'SUM_MISMATCH';
  arith: Arith;
}

export interface Annotated {
  id: string;
  url: string;
  outlet: string;
  kind: Kind;
  year: number;
  items: Item[];
}

export const ok = (anchor: string, arith: Arith): Item => ({ anchor, verdict: 'correct', arith });
