// Issue 21 (3, 8, 10): `baocao backup` is all or nothing — killed mid-write, the previous backup is
// left whole —, wrong paths are clean errors that leave nothing behind, and files are private.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_MS } from './test-limits.ts';

const BIN = fileURLToPath(new URL('../bin/baocao.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'baocao-backup-cli-'));
const data = join(dir, 'store');
const env = { ...process.env, DATABASE_URL: '' };
const baocao = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

// The command line runs on the embedded store here; core's backup tests cover both engines.
describe.skipIf(!!process.env.BAOCAO_TEST_PG)('baocao backup and restore', () => {
  beforeAll(() => {
    const r = baocao('demo', '--data', data);
    expect(r.status, r.stderr).toBe(0);
  }, CLI_TEST_MS);

  it('writes a private file, and a backup killed mid-write leaves the previous one whole', async () => {
    const good = join(dir, 'good.baocao.gz');
    const first = baocao('backup', good, '--data', data);
    expect(first.status, first.stderr).toBe(0);
    expect(statSync(good).mode & 0o777).toBe(0o600);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    const before = sha(good);

    // Again, killed with SIGKILL as soon as the new copy has bytes on disk.
    let killedMidWrite = false;
    for (let attempt = 0; attempt < 3 && !killedMidWrite; attempt++) {
      const child = spawn(process.execPath, [BIN, 'backup', good, '--data', data], { env, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_c, sig) => r(sig)));
      let done = false;
      void exited.then(() => (done = true));
      while (!done) {
        const tmp = readdirSync(dir).find((f) => f.startsWith('.good.baocao.gz.tmp-'));
        if (tmp && statSync(join(dir, tmp), { throwIfNoEntry: false })?.size) {
          child.kill('SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      killedMidWrite = (await exited) === 'SIGKILL';
    }
    expect(killedMidWrite).toBe(true);
    expect(sha(good)).toBe(before);
    // The previous backup still restores (into a new store), after the killed process's store lock.
    const restored = baocao('restore', good, '--data', join(dir, 'restored'));
    expect(restored.status, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout).rows).toBeGreaterThan(500);
    expect(statSync(join(dir, 'restored')).mode & 0o777).toBe(0o700);
  }, 300_000);

  it(
    'a missing backup or folder is a clean error, without a stack trace or a store folder left behind',
    () => {
      const nowhere = join(dir, 'never-made');
      const restore = baocao('restore', join(dir, 'missing.gz'), '--data', nowhere);
      expect(restore.status).toBe(1);
      expect(restore.stderr).toContain('[FILE_NOT_FOUND]');
      expect(restore.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(nowhere)).toBe(false);
      const backup = baocao('backup', join(dir, 'missing', 'dir', 'x.gz'), '--data', data);
      expect(backup.status).toBe(1);
      expect(backup.stderr).toContain('[BACKUP_PATH]');
      expect(backup.stderr).not.toMatch(/\n\s+at /);
      // A file that is not a backup: refused, and the store folder made for it removed again.
      const bad = baocao('restore', BIN, '--data', nowhere);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('[INVALID_BACKUP]');
      expect(existsSync(nowhere)).toBe(false);
    },
    CLI_TEST_MS,
  );
});
