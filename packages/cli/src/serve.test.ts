import { type ChildProcessByStdio, execFileSync, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_MS, STARTS_WITHIN_MS } from './test-limits.ts';

const BIN = fileURLToPath(new URL('../bin/baocao.js', import.meta.url));
const data = join(mkdtempSync(join(tmpdir(), 'baocao-serve-')), 'store');
const TOKEN = 'serve-test-token-0123456789';
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', BAOCAO_API_TOKEN: TOKEN };

let server: ChildProcessByStdio<null, Readable, Readable>;
let log = '';
const until = async (what: () => boolean, ms = STARTS_WITHIN_MS) => {
  const t0 = Date.now();
  while (!what()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out; log so far:\n${log}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
const logged = (msg: string) => log.split('\n').find((l) => l.includes(`"msg":"${msg}"`));

// The server as production runs it: the compiled command, a real process, real signals.
describe.skipIf(!!process.env.BAOCAO_TEST_PG)('baocao serve', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [BIN, 'init', '--data', data], { env, stdio: 'ignore' });
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', data], {
      env: { ...env, METRICS_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout.on('data', (b: Buffer) => (log += b.toString()));
    await until(() => !!logged('baocao is up'));
  }, CLI_TEST_MS);
  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  it(
    'serves its metrics apart, then finishes an import in flight when told to stop',
    async () => {
      const up = JSON.parse(logged('baocao is up')!);
      const base = String(up.url);
      const metrics = await fetch(String(up.metrics));
      expect(await metrics.text()).toContain('baocao_http_request_duration_seconds');

      const units: { code: string; kind: string; validTo: string | null }[] = await (
        await fetch(`${base}/api/units`)
      ).json();
      const provinces = units.filter((u) => u.kind === 'province' && !u.validTo).map((u) => u.code);
      const months = ['2026M01', '2026M02', '2026M03', '2026M04', '2026M05', '2026M06'];
      const rows = months.flatMap((p) => provinces.map((u, i) => `VT.DOANH_THU,${u},${p},${100 + i}`));
      const csv = Buffer.from(`indicator,unit,period,value\n${rows.join('\n')}\n`);

      // A slow provincial upload: half the file is sent, then the server is told to stop.
      const { port } = new URL(base);
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/imports?filename=thang.csv',
            headers: {
              authorization: `Bearer ${TOKEN}`,
              'content-type': 'application/octet-stream',
              'content-length': csv.length,
            },
          },
          (res) => {
            let body = '';
            res.on('data', (b: Buffer) => (body += b.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.write(csv.subarray(0, csv.length >> 1));
        void until(() => log.includes('"url":"/api/imports?filename=thang.csv"')).then(async () => {
          server.kill('SIGTERM');
          await until(() => !!logged('stopping: no new connections, finishing the requests in flight'));
          // No new connection is accepted while the upload finishes.
          await expect(fetch(`${base}/api/health`)).rejects.toThrow();
          req.end(csv.subarray(csv.length >> 1));
        }, reject);
      });
      const done = await answer;
      expect(done.status).toBe(200);
      expect(JSON.parse(done.body)).toMatchObject({ rows: rows.length, inserted: rows.length });
      const code = await new Promise((r) => server.once('exit', r));
      expect(code).toBe(0);
      expect(logged('stopped')).toBeDefined();

      // After the restart every row is there.
      const out = execFileSync(
        process.execPath,
        [
          BIN,
          'export',
          '--indicator',
          'VT.DOANH_THU',
          '--period',
          '2026M03',
          '--format',
          'json',
          '--data',
          data,
        ],
        { env, encoding: 'utf8' },
      );
      const exported: { values: { unit: string; value: number }[] } = JSON.parse(out);
      expect(exported.values.map((v) => v.unit).sort()).toEqual([...provinces].sort());
    },
    CLI_TEST_MS,
  );
});
