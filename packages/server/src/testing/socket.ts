// Requests on sockets of their own, for tests that time the server while it works: no keep-alive
// pool is shared between the request under test and the health checks watching it.
import { request } from 'node:http';

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One request to 127.0.0.1:`port` on a fresh socket, with its answer time. */
export function sendOnOwnSocket(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          ms: performance.now() - t,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Asks /api/health every `everyMs` on fresh sockets until stopped; `stop` gives the slowest answer
 * time. `onAnswer` sees each answer (a test may assert on it).
 */
export function watchHealth(
  port: number,
  everyMs: number,
  onAnswer: (a: Answer) => void = () => undefined,
): { stop(): Promise<number> } {
  let running = true;
  let worst = 0;
  const loop = (async () => {
    while (running) {
      const a = await sendOnOwnSocket(port, 'GET', '/api/health', {});
      onAnswer(a);
      worst = Math.max(worst, a.ms);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return worst;
    },
  };
}
