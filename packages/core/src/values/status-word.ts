import type { ValueStatus } from '../schemas.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

// A Map, not an object literal: a word such as `constructor` or `__proto__` must not find
// Object.prototype's members and pass as a status.
const WORDS = new Map<string, ValueStatus>([
  ['estimate', 'estimate'],
  ['uoc', 'estimate'],
  ['uoc tinh', 'estimate'],
  ['uoc thuc hien', 'estimate'],
  ['official', 'official'],
  ['chinh thuc', 'official'],
]);

/**
 * The one reader of a value's status word, for every path (API, import, form upload): case,
 * accents and spacing do not matter (`Chính thức`, `chinh thuc`, `OFFICIAL`). An empty status
 * is an estimate, the cautious reading; an unknown word is null — the caller refuses it, never
 * guesses.
 */
export function parseStatusWord(word: string | null | undefined): ValueStatus | null {
  if (word === null || word === undefined || word.trim() === '') return 'estimate';
  return WORDS.get(fold(word)) ?? null;
}
