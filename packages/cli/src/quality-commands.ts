import { BaocaoError, clearValueRange, listValueRanges, setValueRange } from '@baocao/core';
import { type Command, type Flags, need, print, withStore } from './io.ts';

/** A bound given on the command line: a plain number, or absent. */
function bound(flags: Flags, name: 'min' | 'max'): number | null {
  const text = flags[name];
  if (text === undefined) return null;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    throw new BaocaoError(
      'INVALID_OPTION',
      `--${name} "${text}" không phải là số`,
      `--${name} "${text}" is not a number`,
    );
  return n;
}

/** Administrators' value ranges per indicator and unit: list, set (hard: refused at entry), clear. */
export const QUALITY_COMMANDS: Record<string, Command> = {
  range: ({ flags, args }) => {
    const sub = args[0] ?? 'list';
    if (sub === 'list')
      return withStore(flags, async ({ ctx }) =>
        print(await listValueRanges(ctx, flags.unit ? { unit: flags.unit } : {})),
      );
    need(flags, 'indicator', 'unit');
    const cell = { indicator: flags.indicator!, unit: flags.unit! };
    if (sub === 'set')
      return withStore(flags, async ({ ctx }) =>
        print(
          await setValueRange(ctx, {
            ...cell,
            min: bound(flags, 'min'),
            max: bound(flags, 'max'),
            hard: flags.hard ?? false,
            reason: flags.reason ?? null,
          }),
        ),
      );
    if (sub === 'clear') return withStore(flags, ({ ctx }) => clearValueRange(ctx, cell));
    throw new BaocaoError(
      'UNKNOWN_COMMAND',
      `Không có lệnh "range ${sub}" (list, set, clear)`,
      `No command "range ${sub}" (list, set, clear)`,
    );
  },
};
