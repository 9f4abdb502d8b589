// What every sub-command shares: its flags, its store, and how it prints. Kept apart from the
// command table so the sub-command files depend on this and the table on them, never in a circle.
import { writeFileSync } from 'node:fs';
import { BaocaoError, compactRollups } from '@baocao/core';
import { openStore } from './store.ts';

export interface Flags {
  data?: string | undefined;
  indicator?: string | undefined;
  unit?: string | undefined;
  period?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  reason?: string | undefined;
  port?: string | undefined;
  at?: string | undefined;
  json?: boolean | undefined;
  'demo-if-empty'?: boolean | undefined;
  template?: string | undefined;
  section?: string | undefined;
  text?: string | undefined;
  mode?: string | undefined;
  number?: string | undefined;
  date?: string | undefined;
  kind?: string | undefined;
  force?: boolean | undefined;
  strategy?: string | undefined;
  'dry-run'?: boolean | undefined;
  'id-scheme'?: string | undefined;
  min?: string | undefined;
  max?: string | undefined;
  hard?: boolean | undefined;
}

export type Command = (input: { flags: Flags; args: string[] }) => Promise<void>;

export function need(flags: Flags, ...names: (keyof Flags)[]): void {
  const missing = names.filter((n) => !flags[n]);
  if (missing.length) {
    const list = missing.map((m) => `--${m}`).join(', ');
    throw new BaocaoError('MISSING_OPTION', `Thiếu tùy chọn ${list}`, `Missing option ${list}`);
  }
}

/** Runs `fn` with an open store and closes it afterwards. */
export async function withStore<T>(
  flags: Flags,
  fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
): Promise<T> {
  const store = await openStore(flags.data);
  try {
    const result = await fn(store);
    await compactRollups(store.db.k); // fold what this command wrote, so the next reader reads less
    return result;
  } finally {
    await store.db.close();
  }
}

export const print = (x: unknown) => console.log(typeof x === 'string' ? x : JSON.stringify(x, null, 2));

export function output(flags: Flags, data: Buffer, fallbackName: string) {
  if (flags.out) {
    writeFileSync(flags.out, data);
    console.error(`Đã ghi / written: ${flags.out}`);
  } else if (process.stdout.isTTY && !fallbackName.endsWith('.csv') && !fallbackName.endsWith('.json')) {
    writeFileSync(fallbackName, data);
    console.error(`Đã ghi / written: ${fallbackName}`);
  } else process.stdout.write(data);
}
