// Runs the test suite on both engines: embedded PGlite, and the PostgreSQL server when one answers
// (BAOCAO_TEST_PG, default postgres://postgres@127.0.0.1:5432/test; in CI the server is required).
//
// The order keeps 2 cores busy without letting timing tests compete (vitest.config.ts's projects):
//   1. PGlite, the `parallel` project (three files at a time);
//   2. side by side: PGlite's `browser` files (two at a time: a browser waits on the network and the
//      page as much as it computes) and PostgreSQL's `parallel` project;
//   3. alone: the `timed` files (answer-time ratios, health bounds), PGlite then PostgreSQL.
// The CLI bundle and the web app are built once, first: each vitest process would otherwise rebuild
// them while another process's tests are running them.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const extra = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'baocao-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const PGLITE = { BAOCAO_TEST_PG: '' };
const browsers = existsSync('/usr/bin/chromium') || !!process.env.CI;

/** One vitest process over one project; resolves with whether it passed. `quiet` keeps its log for later. */
function run(label, project, env, quiet = false) {
  const file = join(out, `${label.replace(/\W+/g, '-')}.json`);
  const args = [
    'node_modules/vitest/vitest.mjs',
    'run',
    `--project=${project}`,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
    ...extra,
  ];
  const started = Date.now();
  if (!quiet) console.log(`\n=== ${label} ===`);
  const child = spawn(process.execPath, args, {
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, BAOCAO_TESTS_BUILT: '1', ...env },
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (quiet) console.log(`\n=== ${label} ===\n${log}`);
      console.log(
        `=== ${label}: ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s ===`,
      );
      try {
        const j = JSON.parse(readFileSync(file, 'utf8'));
        totals.passed += j.numPassedTests;
        totals.failed += j.numFailedTests + (j.numFailedTestSuites ?? 0);
        totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
      } catch {
        if (code !== 0) totals.failed += 1;
      }
      resolve(code === 0);
    });
  });
}

async function reachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
if (browsers)
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'packages/web', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );

const url = process.env.BAOCAO_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const withPg = await reachable(url);
if (!withPg && process.env.CI)
  console.error(`PostgreSQL at ${url} is not reachable; CI requires the PostgreSQL pass.`);
else if (!withPg)
  console.warn(`PostgreSQL at ${url} is not reachable: skipped the PostgreSQL pass (set BAOCAO_TEST_PG).`);
const PG = { BAOCAO_TEST_PG: url, BAOCAO_SKIP_BROWSER: '1' };

const results = [];
results.push(await run('PGlite', 'parallel', PGLITE));
results.push(
  ...(await Promise.all([
    browsers ? run('PGlite, browser', 'browser', PGLITE, withPg) : true,
    withPg ? run('PostgreSQL', 'parallel', PG, browsers) : true,
  ])),
);
results.push(await run('PGlite, timed', 'timed', PGLITE));
if (withPg) results.push(await run('PostgreSQL, timed', 'timed', PG));
const ok = results.every(Boolean) && (withPg || !process.env.CI);
writeFileSync(join(out, 'totals.json'), JSON.stringify(totals));
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
