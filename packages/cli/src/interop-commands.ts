// The exchange formats of other systems through the `import` and `export` commands:
// `--format dhis2` (a DHIS2 data value set, JSON, CSV or XML by the file's extension).
import { readFileSync } from 'node:fs';
import {
  BaocaoError,
  calendarDates,
  dataValueSetCsv,
  exportDataValueSet,
  importDataValueSet,
  listDhis2Ids,
  parsePeriod,
} from '@baocao/core';
import { type Flags, need, output, print, withStore } from './io.ts';

/** `baocao import FILE --format dhis2 [--strategy S] [--dry-run] [--id-scheme UID|CODE|NAME]` */
export async function importDhis2(flags: Flags, file: string): Promise<void> {
  const data = readFileSync(file);
  const format = /\.csv$/i.test(file) ? 'csv' : /\.xml$/i.test(file) ? 'xml' : 'json';
  const body: unknown = format === 'json' ? JSON.parse(data.toString('utf8')) : data;
  await withStore(flags, async ({ ctx }) => {
    const summary = await importDataValueSet(ctx, {
      body,
      format,
      options: {
        dryRun: flags['dry-run'] ?? false,
        ...(flags.strategy ? { importStrategy: flags.strategy } : {}),
        ...(flags['id-scheme'] ? { idScheme: flags['id-scheme'] } : {}),
      },
    });
    print(summary);
    if (summary.status === 'ERROR')
      throw new BaocaoError(
        'IMPORT_CONFLICTS',
        `${summary.conflicts.length} xung đột; không ghi giá trị nào`,
        `${summary.conflicts.length} conflict(s); nothing was written`,
      );
  });
}

/**
 * `baocao export --format dhis2 --indicator A,B --period P [--unit U] [--id-scheme S] [--out F.json|F.csv]`:
 * values within the period, the unit's subtree included (default: the whole country).
 */
export function exportDhis2(flags: Flags): Promise<void> {
  need(flags, 'indicator', 'period');
  return withStore(flags, async ({ ctx }) => {
    const scheme = (flags['id-scheme'] ?? 'UID').toUpperCase();
    const ids = await listDhis2Ids(ctx);
    const idOf = (kind: 'indicator' | 'unit', code: string) => {
      const id = ids.find((x) => x.kind === kind && x.code === code.trim().toUpperCase());
      if (!id) throw new BaocaoError('UNKNOWN_CODE', `Không có mã "${code}"`, `No code "${code}"`);
      return scheme === 'CODE' ? id.dhis2Code : id.uid;
    };
    const { start, end } = calendarDates(parsePeriod(flags.period!));
    const { dataValues } = await exportDataValueSet(ctx, {
      idScheme: scheme === 'CODE' ? 'CODE' : 'UID',
      dataElement: flags.indicator!.split(',').map((c) => idOf('indicator', c)),
      orgUnit: (flags.unit ?? 'VN').split(',').map((c) => idOf('unit', c)),
      children: true,
      startDate: start,
      endDate: end,
    });
    const csv = flags.out ? /\.csv$/i.test(flags.out) : false;
    output(
      flags,
      csv ? dataValueSetCsv(dataValues) : Buffer.from(JSON.stringify({ dataValues }, null, 2)),
      csv ? 'dhis2.csv' : 'dhis2.json',
    );
  });
}
