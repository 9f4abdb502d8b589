import { existsSync, rmSync } from 'node:fs';
import { BaocaoError, checkBackupSource, checkBackupTarget, restoreBackup, writeBackup } from '@baocao/core';
import { type Command, print, withStore } from './io.ts';
import { storeLocation } from './store.ts';

const fileArg = (args: string[], usage: string): string => {
  const file = args[0];
  if (!file) throw new BaocaoError('MISSING_FILE', `Thiếu tên tệp: ${usage}`, `Missing file: ${usage}`);
  return file;
};

/** `baocao backup FILE` and `baocao restore FILE`: the whole store, exactly, either engine. */
export const BACKUP_COMMANDS: Record<string, Command> = {
  backup: ({ flags, args }) => {
    const file = fileArg(args, 'baocao backup FILE');
    checkBackupTarget(file); // before the store is opened: a wrong path costs nothing
    return withStore(flags, async ({ ctx, label }) => {
      const counts = await writeBackup(ctx, file);
      print({ store: label, file, rows: Object.values(counts).reduce((a, b) => a + b, 0), tables: counts });
    });
  },
  restore: async ({ flags, args }) => {
    const file = fileArg(args, 'baocao restore FILE [--data DIR]');
    checkBackupSource(file); // before the store is opened, so no store folder is made for nothing
    const { dataDir } = storeLocation(flags.data);
    const fresh = dataDir !== undefined && !existsSync(dataDir);
    try {
      await withStore(flags, async ({ ctx, label }) => {
        const counts = await restoreBackup(ctx, file);
        print({ store: label, file, rows: Object.values(counts).reduce((a, b) => a + b, 0), tables: counts });
      });
    } catch (e) {
      // A store folder this command made for the restore holds nothing worth keeping.
      if (fresh && dataDir) rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  },
};
