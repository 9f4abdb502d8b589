import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { type Server, createConnection, createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { BaocaoError } from '../errors.ts';

/**
 * The lock is a Unix socket in the store's folder, listened on by the holder. The kernel closes it
 * when the process ends, however it ends (kill -9, a container stopped): a socket file nobody
 * listens on refuses connections, and is then known stale for certain — unlike a pid file, whose
 * pid means nothing in another PID namespace (a container's server is process 1 every time) or
 * under another host name. A live holder answers a connection with who it is.
 */
const LOCK_SOCKET = 'baocao.lock';
/** Unix socket paths are limited to 107 bytes by the kernel. */
const MAX_SOCKET_PATH = 107;
const Holder = z.object({ pid: z.number().int(), host: z.string(), since: z.string(), command: z.string() });
type Holder = z.infer<typeof Holder>;

const inUse = (dir: string, h: Holder) =>
  new BaocaoError(
    'STORE_IN_USE',
    `Kho dữ liệu ${dir} đang được tiến trình ${h.pid} trên máy ${h.host} (${h.command}, từ ${h.since}) sử dụng; hai tiến trình không được mở cùng một kho PGlite. Dừng tiến trình đó (khóa tự mở khi nó dừng, kể cả khi bị kill -9), hoặc gửi số liệu qua máy chủ đang chạy (POST /api/imports).`,
    `The store ${dir} is in use by process ${h.pid} on ${h.host} (${h.command}, since ${h.since}); two processes must never open one PGlite folder. Stop that process (the lock is released when it ends, even by kill -9), or send the data through the running server (POST /api/imports).`,
    { status: 409 },
  );

/** Who listens on the lock socket: their answer, or null when nobody does (a stale socket file). */
function holderOf(path: string): Promise<Holder | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let text = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('the store lock’s holder does not answer')));
    socket.on('data', (b: Buffer) => (text += b.toString()));
    socket.on('end', () => {
      const parsed = Holder.safeParse(parseOrNull(text));
      resolve(parsed.success ? parsed.data : { pid: -1, host: '?', since: '?', command: '?' });
    });
    socket.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? resolve(null) : reject(e),
    );
  });
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Takes the embedded store's folder for this process, or throws STORE_IN_USE naming the holder.
 * PGlite has one writer and no lock of its own: a second process would work on its own copy and
 * its writes would be lost when the first one closes. The lock is held by an open socket, so the
 * operating system releases it when the process dies; a restart never needs a manual step. The
 * folder is made private (0700). Returns the release function.
 */
export async function lockStoreDir(dir: string): Promise<() => void> {
  // The store holds password hashes and unreleased figures: its folder is its owner's alone, as
  // PostgreSQL insists for its own data directory (0700), whatever the umask.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = join(dir, LOCK_SOCKET);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH)
    throw new BaocaoError(
      'STORE_PATH_TOO_LONG',
      `Đường dẫn kho dữ liệu ${dir} quá dài (khóa của kho cần đường dẫn dưới ${MAX_SOCKET_PATH - LOCK_SOCKET.length - 1} byte); dùng thư mục ngắn hơn`,
      `The store path ${dir} is too long (its lock needs a path under ${MAX_SOCKET_PATH - LOCK_SOCKET.length - 1} bytes); use a shorter folder`,
    );
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv[2] ? `baocao ${process.argv[2]}` : 'node',
  };
  const answer = JSON.stringify({ ...me, nonce: randomBytes(8).toString('hex') });
  for (let attempt = 0; attempt < 3; attempt++) {
    const server = createServer((socket) => socket.end(answer));
    try {
      await listen(server, path);
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EADDRINUSE')) throw e;
      const holder = await holderOf(path);
      if (holder) throw inUse(dir, holder);
      // Nobody listens: its holder is gone, for certain. (Two processes starting within the same
      // microseconds on a stale lock could both remove it; a window we accept, as PGlite's own
      // single-user mode has none of this protection.)
      rmSync(path, { force: true });
      continue;
    }
    server.unref(); // the lock never keeps the process alive by itself
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      server.close(); // removes the socket file
    };
    process.once('exit', release);
    return release;
  }
  const holder = await holderOf(path);
  throw inUse(dir, holder ?? { ...me, pid: -1, command: '?' });
}
