import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { BaocaoError } from '../errors.ts';

const LOCK_FILE = 'baocao.lock';
const Holder = z.object({ pid: z.number().int(), host: z.string(), since: z.string(), command: z.string() });
type Holder = z.infer<typeof Holder>;

/** Whether the process that wrote a lock still runs (on this machine; another machine's is assumed alive). */
function alive(h: Holder): boolean {
  if (h.host !== hostname()) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
}

function readHolder(path: string): Holder | null {
  try {
    return Holder.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null; // half-written or unreadable: treated as stale
  }
}

const inUse = (dir: string, h: Holder) =>
  new BaocaoError(
    'STORE_IN_USE',
    `Kho dữ liệu ${dir} đang được tiến trình ${h.pid} (${h.command}, từ ${h.since}) sử dụng; hai tiến trình không được mở cùng một kho PGlite. Dừng tiến trình đó, hoặc gửi số liệu qua máy chủ đang chạy (POST /api/imports).`,
    `The store ${dir} is in use by process ${h.pid} (${h.command}, since ${h.since}); two processes must never open one PGlite folder. Stop that process, or send the data through the running server (POST /api/imports).`,
    { status: 409 },
  );

/**
 * Takes the embedded store's folder for this process, or throws STORE_IN_USE naming the holder.
 * PGlite has one writer and no lock of its own: a second process would work on its own copy and
 * its writes would be lost when the first one closes. A lock left by a process that has died is
 * stale and taken over. Returns the release function.
 */
export function lockStoreDir(dir: string): () => void {
  // The store holds password hashes and unreleased figures: its folder is its owner's alone, as
  // PostgreSQL insists for its own data directory (0700), whatever the umask.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = join(dir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv[2] ? `baocao ${process.argv[2]}` : 'node',
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        const h = readHolder(path);
        if (h?.pid === me.pid && h.since === me.since) rmSync(path, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
      const h = readHolder(path);
      if (h && alive(h)) throw inUse(dir, h);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  const h = readHolder(path);
  throw inUse(dir, h ?? { ...me, pid: -1, command: '?' });
}
