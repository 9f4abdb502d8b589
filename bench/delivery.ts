// npm run bench:delivery [-- --runs 3]
// What a district office's link (1.6 Mbit/s down, 150 ms latency; Chromium's network emulation)
// gets: the initial JavaScript the first page needs (gzip and brotli sizes), whether assets come
// compressed and cached for a year, and the time to the first heading of the public page, the
// sign-in page and a reporter's forms, cold cache. Baseline, measured in the same run on the same
// link: the same build served as a plain static server would (no compression, max-age=0).
// Writes docs/PERFORMANCE-DELIVERY.md.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createDemoUsers, createLogger, loadDemo, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { buildApp } from '@baocao/server';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(args.runs);
const WEB = fileURLToPath(new URL('../packages/web/', import.meta.url));
const DIST = join(WEB, 'dist');
const LINK = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const TARGET = { initialGz: 250_000, firstHeadingMs: 2500, before: 8300 };
const PW = 'bench-delivery-2026';

await build({ root: WEB, logLevel: 'warn' });

// The initial JavaScript: the entry script and the modules it preloads (what every first visit loads).
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const sizeOf = (files: string[]) => {
  const bytes = files.map((f) => readFileSync(join(DIST, f)));
  return {
    raw: bytes.reduce((s, b) => s + b.length, 0),
    gz: bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    br: bytes.reduce((s, b) => s + brotliCompressSync(b).length, 0),
  };
};
const initialSize = sizeOf(initial);
const largest = readdirSync(join(DIST, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ f, ...sizeOf([`/assets/${f}`]) }))
  .sort((a, b) => b.gz - a.gz)
  .slice(0, 3);

// The platform with the demo, and the baseline: the same files and API behind a plain static server.
const db = await createTestDatabase();
const ctx = systemCtx(db);
await loadDemo(ctx);
await createDemoUsers(ctx, PW);
const app = await buildApp({
  db,
  log: createLogger({ level: 'silent' }),
  apiToken: 'bench-delivery-token-0123456789',
  webRoot: DIST,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const ours = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const plain = createServer((req: IncomingMessage, res: ServerResponse) => {
  const url = req.url ?? '/';
  if (url.startsWith('/api/')) {
    const up = request(
      `${ours}${url}`,
      { method: req.method, headers: { ...req.headers, 'accept-encoding': 'identity' } },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    req.pipe(up);
    return;
  }
  const path = url.split('?')[0]!;
  let body: Buffer;
  try {
    body = readFileSync(join(DIST, path.startsWith('/assets/') ? path : 'index.html'));
  } catch {
    body = readFileSync(join(DIST, 'index.html'));
  }
  const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html';
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'max-age=0' });
  res.end(body);
});
await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
const baseline = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;

// How our assets are served.
const asset = await fetch(`${ours}${initial[0]}`, { headers: { 'accept-encoding': 'br, gzip' } });
const served = { encoding: asset.headers.get('content-encoding'), cache: asset.headers.get('cache-control') };
const page = await fetch(`${ours}/`, { headers: { 'accept-encoding': 'br, gzip' } });
const pageCache = page.headers.get('cache-control');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });

/** Milliseconds from navigation to the first heading on the emulated link, cold cache, median of RUNS. */
async function firstHeading(origin: string, path: string, as?: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    if (as) {
      const r = await context.request.post(`${origin}/api/auth/login`, {
        data: { username: as, password: PW },
      });
      if (!r.ok()) throw new Error(`sign-in failed: ${r.status()}`);
    }
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
    await tab.goto(`${origin}${path}`, { waitUntil: 'commit' });
    await tab.locator('h1').first().waitFor({ timeout: 60_000 });
    times.push(await tab.evaluate(() => performance.now()));
    await context.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const PAGES: [string, string, string | undefined][] = [
  ['Trang công khai / public page', '/', undefined],
  ['Đăng nhập / sign-in', '/login', undefined],
  ['Biểu mẫu của tôi / my forms (reporter)', '/forms', 'reporter-danang'],
];
const rows: string[] = [];
const results: { name: string; ours: number; base: number }[] = [];
for (const [name, path, as] of PAGES) {
  const base = await firstHeading(baseline, path, as);
  const mine = await firstHeading(ours, path, as);
  results.push({ name, ours: mine, base });
  rows.push(
    `| ${name} | ${(mine / 1000).toFixed(2)} s | ${(base / 1000).toFixed(2)} s | ${(mine / base).toFixed(2)} | ${mine <= TARGET.firstHeadingMs ? 'đạt / met' : 'CHƯA ĐẠT / missed'} |`,
  );
}
await browser.close();
await app.close();
plain.close();
await db.close();

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const report = `# Delivery on a district office's link

\`npm run bench:delivery\` — ${new Date().toISOString().slice(0, 10)}, ${RUNS} cold-cache runs per page (median),
Chromium network emulation: ${(LINK.downloadThroughput * 8) / 1e6} Mbit/s down, ${(LINK.uploadThroughput * 8) / 1e6} Mbit/s up, ${LINK.latency} ms latency.
Baseline, measured in the same run on the same link: the same build and API behind a plain static
server (no compression, \`max-age=0\`).

## Initial JavaScript (every first visit)

| | raw | gzip | brotli | target (gzip) |
|---|---|---|---|---|
| ${initial.join(', ')} | ${kb(initialSize.raw)} | ${kb(initialSize.gz)} | ${kb(initialSize.br)} | ≤ ${kb(TARGET.initialGz)} ${initialSize.gz <= TARGET.initialGz ? '(đạt / met)' : '(CHƯA ĐẠT / missed)'} |

Largest chunks, loaded only by the pages that use them: ${largest.map((l) => `${l.f} ${kb(l.gz)} gz`).join('; ')}.

## How assets are served

- hashed asset: \`content-encoding: ${served.encoding}\`, \`cache-control: ${served.cache}\`
- the page: \`cache-control: ${pageCache}\`

## Time to the first heading

Before this work (one 488 kB gzipped chunk, uncompressed, \`max-age=0\`): ${(TARGET.before / 1000).toFixed(1)} s on this link. Target ≤ ${(TARGET.firstHeadingMs / 1000).toFixed(1)} s.

| page | baocao | plain static (baseline) | ratio | target |
|---|---|---|---|---|
${rows.join('\n')}
`;
writeFileSync(new URL('../docs/PERFORMANCE-DELIVERY.md', import.meta.url), report);
console.log(report);
const failed =
  initialSize.gz > TARGET.initialGz ||
  served.encoding === null ||
  !served.cache?.includes('immutable') ||
  results.some((r) => r.ours > TARGET.firstHeadingMs);
process.exitCode = failed ? 1 : 0;
