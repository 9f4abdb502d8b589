// npm run bench:start — how fast the `baocao` command starts, compiled (what `npm start` and the
// installed command run) against the baseline of a bare `node -e 0`, and against running the same
// TypeScript through tsx (development, and how it ran before the build), all in this run.
// Writes docs/PERFORMANCE-START.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const RUNS = 9;
const node = process.execPath;
const store = join(mkdtempSync(join(tmpdir(), 'baocao-start-')), 'store');
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' };

execFileSync(node, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
const compiled = [join(ROOT, 'packages/cli/bin/baocao.js')];
const viaTsx = ['--import', 'tsx', join(ROOT, 'packages/cli/src/main.ts')];
execFileSync(node, [...compiled, 'init', '--data', store], { env, stdio: 'ignore' });

/** Median wall time of a command over RUNS runs, after one warm-up (file cache). */
function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(node, args, { cwd: ROOT, env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    if (i > 0) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const base = median(['-e', '0']);
const rows = [
  ['`node -e 0` (baseline)', base],
  ['`baocao --help`, compiled', median([...compiled, '--help'])],
  ['`baocao --help`, TypeScript via tsx', median([...viaTsx, '--help'])],
  ['`baocao indicators`, compiled', median([...compiled, 'indicators', '--data', store])],
  ['`baocao indicators`, TypeScript via tsx', median([...viaTsx, 'indicators', '--data', store])],
] as const;

const ms = (x: number) => `${Math.round(x)} ms`;
const table = rows.map(([what, t]) => `| ${what} | ${ms(t)} | ${(t / base).toFixed(1)}× |`).join('\n');
const md = `# Start time of the \`baocao\` command

\`npm run bench:start\` — ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.
Median of ${RUNS} runs each (after one warm-up), every figure measured in the same run; the ratio is
against \`node -e 0\`. \`indicators\` opens an embedded (PGlite) store with the catalog, checks its
migrations and lists the catalog.

| command | median | × node -e 0 |
|---|---:|---:|
${table}

The compiled command (\`npm run build\`, in \`packages/cli/dist\`) prints its help without loading the
platform; every other command loads its part of the bundle on demand. Before the build, the command
ran through tsx and loaded the whole platform even for its help: issue 16 measured \`baocao --help\`
at 2.5 s and \`baocao indicators\` at 4.7 s on this machine kind. What remains of \`indicators\` is
mostly PGlite starting its WebAssembly PostgreSQL and opening the store. The goal of issue 16 is
\`baocao --help\` within 5× of \`node -e 0\`.
`;
writeFileSync(join(ROOT, 'docs/PERFORMANCE-START.md'), md);
console.log(md);
