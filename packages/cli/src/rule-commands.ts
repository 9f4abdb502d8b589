import { readFileSync } from 'node:fs';
import {
  BaocaoError,
  RuleInput,
  exportValidationAnalysis,
  listRules,
  parseJsonExact,
  saveRule,
  validationAnalysis,
  zodFieldErrors,
} from '@baocao/core';
import { type Command, need, output, print, withStore } from './io.ts';

/** Validation rules (list, save from a JSON file: a new version, audited) and validation analysis. */
export const RULE_COMMANDS: Record<string, Command> = {
  rules: ({ flags }) => withStore(flags, async ({ ctx }) => print(await listRules(ctx))),

  rule: ({ flags, args }) => {
    const file = args[0];
    if (!file)
      throw new BaocaoError(
        'MISSING_FILE',
        'Thiếu tên tệp: baocao rule FILE.json',
        'Missing file: baocao rule FILE.json',
      );
    const parsed = RuleInput.safeParse(parseJsonExact(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new BaocaoError('RULE_INVALID', `Tệp ${file} không phải một quy tắc`, `${file} is not a rule`, {
        details: zodFieldErrors(parsed.error),
      });
    return withStore(flags, async ({ ctx }) =>
      print(await saveRule(ctx, parsed.data, { reason: flags.reason ?? null })),
    );
  },

  violations: ({ flags }) => {
    need(flags, 'period');
    const input = {
      period: flags.period!,
      ...(flags.unit ? { unit: flags.unit } : {}),
      ...(flags.indicator ? { indicator: flags.indicator } : {}),
    };
    return withStore(flags, async ({ ctx }) => {
      if (flags.format === 'csv' || flags.format === 'xlsx')
        return output(
          flags,
          await exportValidationAnalysis(ctx, { ...input, format: flags.format }),
          `vi-pham.${flags.format}`,
        );
      print(await validationAnalysis(ctx, input));
    });
  },
};
