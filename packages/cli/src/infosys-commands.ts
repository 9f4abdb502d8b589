import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BaocaoError, importInfosystems, infosystemFigures } from '@baocao/core';
import { type Command, need, print, withStore } from './io.ts';

/** The registry of information systems: a spreadsheet declared (for an officer's approval), and its figures. */
export const INFOSYS_COMMANDS: Record<string, Command> = {
  'infosystems-import': ({ flags, args }) => {
    const file = args[0];
    if (!file)
      throw new BaocaoError(
        'MISSING_FILE',
        'Thiếu tên tệp: baocao infosystems-import FILE(.csv|.xlsx)',
        'Missing file: baocao infosystems-import FILE(.csv|.xlsx)',
      );
    return withStore(flags, async ({ ctx }) =>
      print(await importInfosystems(ctx, { data: readFileSync(file), filename: basename(file) })),
    );
  },

  infosystems: ({ flags }) =>
    withStore(flags, async ({ ctx }) => {
      need(flags, 'period');
      print(await infosystemFigures(ctx, { period: flags.period ?? '' }));
    }),
};
