// Compiles the `baocao` command (CLI, server and core) to JavaScript in packages/cli/dist, so
// production runs plain Node: no TypeScript compiler at start, no tsx. esbuild bundles our own
// workspace code and leaves every npm dependency to Node's resolver (they stay in node_modules).
// The worker threads are entries of their own beside main.js (core's `siblingModule` finds them);
// data files are read from core's package folder (core's `coreFile`), so nothing is copied.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const deps = new Set();
for (const pkg of ['core', 'server', 'cli']) {
  const json = JSON.parse(readFileSync(new URL(`packages/${pkg}/package.json`, root), 'utf8'));
  for (const name of Object.keys(json.dependencies ?? {})) if (!name.startsWith('@baocao/')) deps.add(name);
}

const outdir = new URL('packages/cli/dist/', root).pathname;
rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: root.pathname,
  entryPoints: {
    main: 'packages/cli/src/main.ts',
    'feed-worker': 'packages/core/src/feeds/feed-worker.ts',
    'parse-worker': 'packages/core/src/imports/parse-worker.ts',
    'json-worker': 'packages/core/src/format/json-worker.ts',
  },
  outdir,
  bundle: true,
  splitting: true, // commands load on demand, so `baocao --help` reads one small file
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // A dependency is external with its subpaths too ('csv-parse/sync', 'pino/file').
  external: [...deps].flatMap((d) => [d, `${d}/*`]),
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`built packages/cli/dist in ${Math.round(performance.now() - started)} ms`);
