import { randomInt } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `0123456789${LETTERS}`;

/** A DHIS2 UID: 11 characters, a letter then letters or digits. */
export const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** DHIS2's default category option combo: a value with no disaggregation. */
export const DEFAULT_COMBO = { uid: 'HllvX50cXC0', code: 'default', name: 'default' } as const;

/** DHIS2's default category combo (of data elements with no disaggregation). */
export const DEFAULT_CATEGORY_COMBO = 'bjDvmb4bfuf';

/** A new UID, made the way DHIS2 makes them (CodeGenerator): random, from a secure source. */
export function generateUid(): string {
  let uid = LETTERS[randomInt(LETTERS.length)]!;
  for (let i = 1; i < 11; i++) uid += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]!;
  return uid;
}
