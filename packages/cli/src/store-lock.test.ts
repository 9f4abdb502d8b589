// Issue 21 (4): the embedded store's lock is released by the operating system when its holder dies.
// A server running as process 1 of its own PID namespace (as in a container), killed with -9, is
// started again the same way on the same store without any manual step; two live processes still
// refuse each other with STORE_IN_USE, saying what to do.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STARTS_WITHIN_MS } from './test-limits.ts';

const BIN = fileURLToPath(new URL('../bin/baocao.js', import.meta.url));
const dir = mkdtempSync('/tmp/baocao-lock-');
const data = join(dir, 'store');
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info' };
const canUnshare =
  process.getuid?.() === 0 && spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

/** `baocao serve` as process 1 of a new PID namespace; resolves once it is up. */
async function serveAsPid1(): Promise<ChildProcess> {
  const child = spawn(
    'unshare',
    ['--pid', '--fork', '--mount-proc', process.execPath, BIN, 'serve', '--port', '0', '--data', data],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const t0 = Date.now();
  while (!out.includes('baocao is up') && child.exitCode === null && Date.now() - t0 < STARTS_WITHIN_MS)
    await new Promise((r) => setTimeout(r, 100));
  expect(out, `after ${Date.now() - t0} ms, exit ${child.exitCode}: ${out.slice(-2000)}`).toContain(
    'baocao is up',
  );
  return child;
}

/** The node process unshare forked (process 1 inside the namespace), by its pid outside. */
const pid1Of = (unshare: ChildProcess) =>
  Number(
    execFileSync('pgrep', ['-P', String(unshare.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')[0],
  );

describe.skipIf(!canUnshare || !!process.env.BAOCAO_TEST_PG)('the store lock', () => {
  it(
    'a server killed -9 as PID 1 restarts on the same store; a live one refuses a second process',
    async () => {
      const first = await serveAsPid1();
      const file = join(dir, 'one.csv');
      writeFileSync(file, 'indicator,unit,period,value\nVT.DOANH_THU,P01,2024M02,777\n');
      const refused = spawnSync(process.execPath, [BIN, 'import', file, '--data', data], {
        encoding: 'utf8',
        env,
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('STORE_IN_USE');
      expect(refused.stderr).toContain('tiến trình 1 '); // the holder as it sees itself: process 1
      expect(refused.stderr).toContain('Stop that process');

      const exited = new Promise((r) => first.once('exit', r));
      process.kill(pid1Of(first), 'SIGKILL');
      await exited;
      const second = await serveAsPid1(); // no manual step: the dead holder's lock is gone
      const secondExit = new Promise((r) => second.once('exit', r));
      process.kill(pid1Of(second), 'SIGKILL');
      await secondExit;
      // And after the second kill -9, an ordinary command opens the store at once.
      const backup = spawnSync(process.execPath, [BIN, 'backup', join(dir, 'b.gz'), '--data', data], {
        encoding: 'utf8',
        env,
      });
      expect(backup.status, backup.stderr).toBe(0);
    },
    3 * STARTS_WITHIN_MS,
  );
});
