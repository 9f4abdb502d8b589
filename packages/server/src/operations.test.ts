import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { type Database, createLogger, initStore, openPostgres, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createMetrics, serveMetrics } from './metrics.ts';
import type { App } from './route.ts';

let db: Database;
let app: App;
let metricsServer: Server;
let metricsUrl: string;
const TOKEN = 'operations-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(systemCtx(db));
  const metrics = createMetrics(db);
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  app = await buildApp({
    db,
    log: createLogger({ level: 'info', destination }),
    apiToken: TOKEN,
    webRoot: null,
    metrics,
  });
  metricsServer = await serveMetrics(metrics, { port: 0, host: '127.0.0.1' });
  metricsUrl = `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}/metrics`;
});
afterAll(async () => {
  metricsServer.close();
  await app.close();
  await db.close();
});

const scrape = async () => {
  const r = await fetch(metricsUrl);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('text/plain');
  return r.text();
};
/** The value of one sample, by its name and labels as they appear in the exposition. */
const sample = (text: string, name: string, labels: string) =>
  Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && l.includes(labels))
      ?.split(' ')[1] ?? NaN,
  );

describe('operations', () => {
  it('gives every request an id, on the answer and on every log line of it', async () => {
    lines.length = 0;
    const r = await app.inject({ method: 'GET', url: '/api/indicators' });
    const id = String(r.headers['x-request-id']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.reqId === id)).toBe(true);
    // The load balancer's id is kept, so one request is followed from HAProxy into the app's log;
    // one that is not a plain token is replaced.
    lines.length = 0;
    const kept = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'hap-7f3a.12' },
    });
    expect(kept.headers['x-request-id']).toBe('hap-7f3a.12');
    expect(lines.every((l) => l.reqId === 'hap-7f3a.12')).toBe(true);
    const replaced = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'a b\u0007c' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Two requests never share an id (a counter per process would, across nodes).
    const again = await app.inject({ method: 'GET', url: '/api/indicators' });
    expect(again.headers['x-request-id']).not.toBe(id);
  });

  it('serves Prometheus metrics on their own port: latency by route, import rows and refusals', async () => {
    const before = await scrape();
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/values',
      headers: auth,
      payload: {
        values: [
          { indicator: 'VT.DOANH_THU', unit: 'P01', period: '2025M09', value: 1200 },
          { indicator: 'VT.DOANH_THU', unit: 'P04', period: '2025M09', value: 800 },
        ],
      },
    });
    expect(accepted.statusCode).toBe(200);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/values',
      headers: auth,
      payload: { values: [{ indicator: 'KHONG.CO', unit: 'P01', period: '2025M09', value: 1 }] },
    });
    expect(refused.statusCode).toBe(400);
    await app.inject({ method: 'GET', url: '/api/units/P01?x=1' });
    const text = await scrape();
    const route = 'route="/api/values"';
    expect(
      sample(text, 'baocao_import_rows_total', route) -
        (sample(before, 'baocao_import_rows_total', route) || 0),
    ).toBe(2);
    expect(sample(text, 'baocao_import_refused_total', 'code="VALIDATION_FAILED"')).toBe(1);
    expect(
      sample(text, 'baocao_http_request_duration_seconds_count', `method="POST",${route},status="2xx"`),
    ).toBe(1);
    expect(
      sample(text, 'baocao_http_request_duration_seconds_count', `method="POST",${route},status="4xx"`),
    ).toBe(1);
    // Routes by their template, never the raw URL a caller chose.
    expect(text).not.toContain('x=1');
    expect(text).toMatch(/^baocao_rollup_pending_changes\{app="baocao"\} \d+$/m);
    expect(text).toContain('baocao_process_resident_memory_bytes');
    // The pool is reported where there is one (PostgreSQL), with its configured size.
    if (db.engine === 'postgres') expect(sample(text, 'baocao_db_pool_max', 'app=')).toBe(8);
    else expect(text).not.toContain('baocao_db_pool_max');
    // The public port has no /metrics.
    const open = await app.inject({ method: 'GET', url: '/metrics' });
    expect(open.statusCode).toBe(404);
  });

  it('answers 503 STORE_UNAVAILABLE, with Retry-After, while the database cannot be reached', async () => {
    // Nothing listens on port 1: every connection is refused, as during a failover.
    const gone = await openPostgres('postgres://postgres@127.0.0.1:1/baocao');
    const down = await buildApp({
      db: gone,
      log: createLogger({ level: 'silent' }),
      apiToken: TOKEN,
      webRoot: null,
    });
    try {
      const r = await down.inject({ method: 'GET', url: '/api/indicators' });
      expect(r.statusCode).toBe(503);
      expect(r.headers['retry-after']).toBe('5');
      expect(r.json()).toMatchObject({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringContaining('thử lại'),
      });
      const write = await down.inject({
        method: 'POST',
        url: '/api/values',
        headers: auth,
        payload: { values: [{ indicator: 'VT.DOANH_THU', unit: 'P01', period: '2025M09', value: 1 }] },
      });
      expect(write.statusCode).toBe(503);
      expect(write.json().messageEn).toContain('may have been recorded');
      expect((await down.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(503);
    } finally {
      await down.close();
      await gone.close();
    }
  });

  it('serves HTTPS with the certificate it is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const secure = await buildApp({
      db,
      log: createLogger({ level: 'silent' }),
      apiToken: TOKEN,
      webRoot: null,
      tls: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) },
    });
    try {
      await secure.listen({ port: 0, host: '127.0.0.1' });
      const address = secure.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const answer = await new Promise<{ status: number; body: string; cert: string }>((resolve, reject) => {
        const req = httpsRequest(
          { host: '127.0.0.1', port, path: '/api/health', rejectUnauthorized: false },
          (res) => {
            const socket = res.socket;
            const cert = socket instanceof TLSSocket ? String(socket.getPeerCertificate().subject.CN) : '';
            let body = '';
            res.on('data', (b: Buffer) => (body += b.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, cert }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(answer).toMatchObject({ status: 200, cert: 'localhost' });
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok' });
    } finally {
      await secure.close();
    }
  });
});
