/**
 * The real-prose evaluation set, one file per source kind; what an item is and how it is graded:
 * `annotation-types.ts`.
 */
import type { Annotated } from './annotation-types.ts';
import { BLIND_1 } from './annotations-blind.ts';
import { BLIND_2 } from './annotations-blind-2.ts';
import { BLIND_3 } from './annotations-blind-3.ts';
import { BLIND_4 } from './annotations-blind-4.ts';
import { CYBER } from './annotations-cyber.ts';
import { MINISTRY } from './annotations-ministry.ts';
import { PROVINCE } from './annotations-province.ts';
import { STATISTICS } from './annotations-statistics.ts';

export type { Annotated, Item, Kind } from './annotation-types.ts';

/** Every annotated text, in the order of its id. */
export const ANNOTATED: Annotated[] = [
  ...CYBER,
  ...MINISTRY,
  ...PROVINCE,
  ...STATISTICS,
  ...BLIND_1,
  ...BLIND_2,
  ...BLIND_3,
  ...BLIND_4,
].sort((a, b) => a.id.localeCompare(b.id));
