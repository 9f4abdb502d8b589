import type { ValueStatus } from '../value-schemas.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const WORDS: Record<string, ValueStatus> = {
  estimate: 'estimate',
  uoc: 'estimate',
  'uoc tinh': 'estimate',
  'uoc thuc hien': 'estimate',
  official: 'official',
  'chinh thuc': 'official',
};

/**
 * The one reader of a value's status word, for every path (API, import, form upload): case,
 * accents and spacing do not matter (`Chính thức`, `chinh thuc`, `OFFICIAL`). An empty status
 * is an estimate, the cautious reading; an unknown word is null — the caller refuses it, never
 * guesses.
 */
export function parseStatusWord(word: string | null | undefined): ValueStatus | null {
  if (word === null || word === undefined || word.trim() === '') return 'estimate';
  return WORDS[fold(word)] ?? null;
}
