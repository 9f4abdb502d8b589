import { createHash } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `0123456789${LETTERS}`;

/** A DHIS2 UID: 11 characters, a letter then letters or digits. */
export const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** DHIS2's default category option combo: a value with no disaggregation. */
export const DEFAULT_COMBO = { uid: 'HllvX50cXC0', code: 'default', name: 'default' } as const;

/** DHIS2's default category combo (of data elements with no disaggregation). */
export const DEFAULT_CATEGORY_COMBO = 'bjDvmb4bfuf';

/**
 * The UID of one of ours that an administrator has not given one: in DHIS2's form (a letter, then
 * ten letters or digits, as its CodeGenerator makes them), drawn from a hash of the kind and code
 * rather than at random — so it exists without being stored (reading never writes), and every
 * baocao instance (test, staging, production) gives the same code the same UID.
 */
export function derivedUid(kind: string, code: string): string {
  const bytes = createHash('sha256').update(`baocao:${kind}:${code}`).digest();
  let uid = LETTERS[bytes[0]! % LETTERS.length]!;
  for (let i = 1; i < 11; i++) uid += ALPHANUMERIC[bytes[i]! % ALPHANUMERIC.length]!;
  return uid;
}
