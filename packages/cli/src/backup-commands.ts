import { BaocaoError, restoreBackup, writeBackup } from '@baocao/core';
import { type Command, print, withStore } from './io.ts';

const fileArg = (args: string[], usage: string): string => {
  const file = args[0];
  if (!file) throw new BaocaoError('MISSING_FILE', `Thiếu tên tệp: ${usage}`, `Missing file: ${usage}`);
  return file;
};

/** `baocao backup FILE` and `baocao restore FILE`: the whole store, exactly, either engine. */
export const BACKUP_COMMANDS: Record<string, Command> = {
  backup: ({ flags, args }) => {
    const file = fileArg(args, 'baocao backup FILE');
    return withStore(flags, async ({ ctx, label }) => {
      const counts = await writeBackup(ctx, file);
      print({ store: label, file, rows: Object.values(counts).reduce((a, b) => a + b, 0), tables: counts });
    });
  },
  restore: ({ flags, args }) => {
    const file = fileArg(args, 'baocao restore FILE [--data DIR]');
    return withStore(flags, async ({ ctx, label }) => {
      const counts = await restoreBackup(ctx, file);
      print({ store: label, file, rows: Object.values(counts).reduce((a, b) => a + b, 0), tables: counts });
    });
  },
};
