import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  BaocaoError,
  botnetCounts,
  importBotnetFeed,
  importIncidents,
  incidentCounts,
  loadIpPrefixes,
} from '@baocao/core';
import { type Command, need, print, withStore } from './io.ts';
import { progressBar } from './progress.ts';

function fileArg(args: string[], usage: string): string {
  const file = args[0];
  if (!file) throw new BaocaoError('MISSING_FILE', `Thiếu tên tệp: ${usage}`, `Missing file: ${usage}`);
  return file;
}

/** Cyber-security feeds: botnet observations, the prefix table, incident records, their counts. */
export const FEED_COMMANDS: Record<string, Command> = {
  feed: ({ flags, args }) => {
    const file = fileArg(args, 'baocao feed FILE(.csv|.ndjson[.gz])');
    const total = statSync(file).size;
    const bar = progressBar('Đọc nguồn botnet / reading feed');
    return withStore(flags, async ({ ctx }) =>
      print(
        await importBotnetFeed(ctx, {
          source: createReadStream(file, { highWaterMark: 1 << 20 }),
          filename: basename(file),
          onProgress: (bytes) => bar(Math.min(bytes, total), total),
        }),
      ),
    );
  },

  prefixes: ({ flags, args }) => {
    const file = fileArg(args, 'baocao prefixes FILE.csv');
    return withStore(flags, async ({ ctx }) =>
      print(await loadIpPrefixes(ctx, { data: readFileSync(file), filename: basename(file) })),
    );
  },

  incidents: ({ flags, args }) => {
    const file = fileArg(args, 'baocao incidents FILE.csv');
    return withStore(flags, async ({ ctx }) =>
      print(await importIncidents(ctx, { data: readFileSync(file), filename: basename(file) })),
    );
  },

  botnet: ({ flags }) =>
    withStore(flags, async ({ ctx }) => {
      need(flags, 'period');
      const period = flags.period ?? '';
      print({ ...(await botnetCounts(ctx, { period })), incidents: await incidentCounts(ctx, { period }) });
    }),
};
