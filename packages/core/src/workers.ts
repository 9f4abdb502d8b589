import { type ResourceLimits, type TransferListItem, Worker } from 'node:worker_threads';

/**
 * A module beside the caller's, by name without extension: `.ts` when running from source, `.js`
 * in the compiled bundle, where each worker is an entry of its own next to the code that starts it.
 */
export function siblingModule(name: string, callerUrl: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/**
 * Starts a worker thread on a module of core. Core runs as TypeScript through tsx in development,
 * so a `.ts` entry registers tsx first; null when it cannot be (no tsx installed), and the caller
 * does the work on its own thread.
 */
export function startWorker(
  entry: URL,
  opts: { workerData?: unknown; resourceLimits?: ResourceLimits; transferList?: TransferListItem[] } = {},
): Worker | null {
  let code = `import(${JSON.stringify(entry.href)});`;
  if (entry.pathname.endsWith('.ts')) {
    let tsx: string;
    try {
      tsx = import.meta.resolve('tsx/esm/api');
    } catch {
      return null;
    }
    code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  }
  return new Worker(code, { eval: true, ...opts });
}

/**
 * Bytes a worker can take over without a copy on this thread: `data`'s own memory when the buffer is
 * all of it (a large body is), else a copy. Passed in `transferList`, nothing is cloned when the
 * worker starts (cloning 16 MB of `workerData` held the thread for hundreds of milliseconds). The
 * caller must not read `data` afterwards.
 */
export function bytesToTransfer(data: Buffer): Uint8Array<ArrayBuffer> {
  const memory = data.buffer;
  const own = memory instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === memory.byteLength;
  return own ? new Uint8Array(memory) : new Uint8Array(data);
}
