import { announceDemoUsers } from './demo-users.ts';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  compareIndicator,
  exportValues,
  formatOf,
  getValueHistory,
  importValues,
  initStore,
  listIndicators,
  listUnits,
  loadDemo,
  lockPeriod,
  unlockPeriod,
  buildTemplate,
  BaocaoError,
  type FileFormat,
} from '@baocao/core';
import { progressBar } from './progress.ts';
import { type Command, type Flags, need, output, print, withStore } from './io.ts';
import { BACKUP_COMMANDS } from './backup-commands.ts';
import { serve } from './serve.ts';
import { QUALITY_COMMANDS } from './quality-commands.ts';
import { REPORT_COMMANDS } from './report-commands.ts';
import { FEED_COMMANDS } from './feed-commands.ts';
import { INFOSYS_COMMANDS } from './infosys-commands.ts';
import { RULE_COMMANDS } from './rule-commands.ts';
import { exportDhis2, importDhis2 } from './interop-commands.ts';

export const COMMANDS: Record<string, Command> = {
  init: ({ flags }) =>
    withStore(flags, async ({ ctx, label }) => print({ store: label, ...(await initStore(ctx)) })),

  demo: ({ flags }) =>
    withStore(flags, async ({ ctx, label }) => {
      print({ store: label, ...(await loadDemo(ctx)) });
      await announceDemoUsers(ctx);
    }),

  import: async ({ flags, args }) => {
    const file = args[0];
    if (!file)
      throw new BaocaoError(
        'MISSING_FILE',
        'Thiếu tên tệp: baocao import FILE',
        'Missing file: baocao import FILE',
      );
    if (flags.format === 'dhis2') return importDhis2(flags, file);
    const data = readFileSync(file);
    await withStore(flags, async ({ ctx }) => {
      const r = await importValues(ctx, {
        data,
        filename: basename(file),
        reason: flags.reason ?? null,
        onProgress: progressBar('Nhập số liệu / importing'),
      });
      print(r);
    });
  },

  export: ({ flags }) =>
    flags.format === 'dhis2'
      ? exportDhis2(flags)
      : withStore(flags, async ({ ctx }) => {
          const format: FileFormat = flags.format
            ? formatOf(`x.${flags.format}`)
            : flags.out
              ? formatOf(flags.out)
              : 'csv';
          const r = await exportValues(ctx, {
            format,
            ...(flags.indicator ? { indicators: flags.indicator.split(',') } : {}),
            ...(flags.unit ? { units: flags.unit.split(',') } : {}),
            ...(flags.period ? { period: flags.period } : {}),
          });
          output(flags, r.data, `export.${format}`);
        }),

  template: ({ flags }) => {
    need(flags, 'unit', 'period');
    return withStore(flags, async ({ ctx }) => {
      const data = await buildTemplate(ctx, { unit: flags.unit!, period: flags.period! });
      output(
        { ...flags, out: flags.out ?? `bieu-mau-${flags.unit}-${flags.period}.xlsx` },
        data,
        'template.xlsx',
      );
    });
  },

  compare: ({ flags }) => {
    need(flags, 'indicator', 'period');
    return withStore(flags, async ({ ctx }) => {
      const r = await compareIndicator(ctx, {
        indicator: flags.indicator!,
        unit: flags.unit ?? 'VN',
        period: flags.period!,
      });
      print(flags.json ? r : r.text);
    });
  },

  indicators: ({ flags }) =>
    withStore(flags, async ({ ctx }) => {
      const list = await listIndicators(ctx);
      if (flags.json) return print(list);
      for (const i of list)
        console.log(`${i.code.padEnd(34)} ${i.kind.padEnd(6)} ${i.unitVi.padEnd(14)} ${i.nameVi}`);
    }),

  units: ({ flags }) =>
    withStore(flags, async ({ ctx }) => {
      const list = await listUnits(ctx, flags.at ? { at: flags.at } : {});
      if (flags.json) return print(list);
      for (const u of list)
        console.log(
          `${u.code.padEnd(12)} ${u.kind.padEnd(11)} ${(u.validFrom ?? '').padEnd(10)} ${(u.validTo ?? '').padEnd(10)} ${u.nameVi}`,
        );
    }),

  history: ({ flags }) => {
    need(flags, 'indicator', 'unit', 'period');
    return withStore(flags, async ({ ctx }) =>
      print(
        await getValueHistory(ctx, { indicator: flags.indicator!, unit: flags.unit!, period: flags.period! }),
      ),
    );
  },

  lock: ({ flags }) => {
    need(flags, 'period');
    return withStore(flags, ({ ctx }) =>
      lockPeriod(ctx, { period: flags.period!, reason: flags.reason ?? null }),
    );
  },

  unlock: ({ flags }) => {
    need(flags, 'period', 'reason');
    return withStore(flags, ({ ctx }) => unlockPeriod(ctx, { period: flags.period!, reason: flags.reason! }));
  },

  serve: ({ flags }) => serve(flags),
  ...REPORT_COMMANDS,
  ...FEED_COMMANDS,
  ...INFOSYS_COMMANDS,
  ...QUALITY_COMMANDS,
  ...BACKUP_COMMANDS,
  ...RULE_COMMANDS,
};

export type { Command, Flags };
