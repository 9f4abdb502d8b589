// Runs the test suite twice: on embedded PGlite, then on the PostgreSQL server when one answers
// (BAOCAO_TEST_PG, default postgres://postgres@127.0.0.1:5432/test). In CI the server is required.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const extra = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'baocao-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, env) {
  console.log(`\n=== ${label} ===`);
  const file = join(out, `${label.replace(/\W+/g, '-')}.json`);
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
      ...extra,
    ],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests + (j.numFailedTestSuites ?? 0);
    totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  } catch {
    totals.failed += 1;
  }
  return r.status === 0;
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

let ok = run('PGlite', { BAOCAO_TEST_PG: '' });
const url = process.env.BAOCAO_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
if (await reachable(url)) {
  ok = run('PostgreSQL', { BAOCAO_TEST_PG: url, BAOCAO_SKIP_BROWSER: '1' }) && ok;
} else if (process.env.CI) {
  console.error(`PostgreSQL at ${url} is not reachable; CI requires the PostgreSQL pass.`);
  ok = false;
} else {
  console.warn(`PostgreSQL at ${url} is not reachable: skipped the PostgreSQL pass (set BAOCAO_TEST_PG).`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
