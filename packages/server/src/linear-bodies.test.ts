// Issue 21 (1, 9): no body, of any size, shape or encoding, holds the server. For every route kind
// (JSON, CSV, SDMX-JSON, SDMX-CSV, DHIS2 JSON, DHIS2 CSV) adversarial bodies of 1, 4 and 16 MB are
// answered in time that grows linearly, while /api/health, asked on its own sockets all along,
// keeps answering quickly (compared with its own answer times in the same run, without load). A
// health answer's time is counted less the time the main thread waited for a CPU (socket.ts's
// `stallOf`): on a busy machine that wait is the scheduler's, while a body read on the event loop
// shows as time the loop runs.
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { type Database, createLogger, initStore, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';
import {
  describeTries,
  sendOnOwnSocket,
  watchHealth as watchHealthOn,
  watchedTries,
} from './testing/socket.ts';

const TOKEN = 'linear-token-0123456789';
const MB = 1024 * 1024;
let db: Database;
let app: App;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(systemCtx(db));
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN, webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

/** One request on a socket of its own (no keep-alive pool shared with the health checks). */
const send = (method: string, path: string, headers: Record<string, string>, body?: Buffer) =>
  sendOnOwnSocket(port, method, path, headers, body);
/** Asks /api/health every 20 ms until stopped; the longest stall (socket.ts's `stallOf`). */
const watchHealth = () => watchHealthOn(port, 20, (r) => expect(r.status).toBe(200));

const auth = { authorization: `Bearer ${TOKEN}` };
/** Fills `size` bytes with `unit` after `head`: the shape of each adversarial body. */
const fill = (head: string, unit: string, size: number) =>
  Buffer.from(head + unit.repeat(Math.ceil((size - head.length) / unit.length)));
const SDMX_HEAD = 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE\n';
const KINDS: { kind: string; path: string; type: string; body: (size: number) => Buffer }[] = [
  // The regular expression's worst case: an unterminated string of \" pairs.
  {
    kind: 'JSON',
    path: '/api/values',
    type: 'application/json',
    body: (n) => fill('{"values":[{"note":"', '\\"', n),
  },
  {
    kind: 'SDMX-JSON',
    path: '/api/sdmx/data',
    type: 'application/vnd.sdmx.data+json',
    body: (n) => fill('{"data":{"dataSets":[{"series":{"0":{"observations":{"0":["', '\\"', n),
  },
  {
    kind: 'DHIS2 JSON',
    path: '/api/dataValueSets',
    type: 'application/json',
    body: (n) => fill('{"dataValues":[{"value":', '1', n), // one number literal of n digits
  },
  // CSV readers: an unterminated quoted cell of "" pairs.
  {
    kind: 'CSV',
    path: '/api/imports?filename=x.csv',
    type: 'application/octet-stream',
    body: (n) => fill('indicator,unit,period,value,note\nVT.DOANH_THU,P01,2024M01,1,"', '""', n),
  },
  { kind: 'SDMX-CSV', path: '/api/sdmx/data', type: 'text/csv', body: (n) => fill(`${SDMX_HEAD}"`, '""', n) },
  {
    kind: 'DHIS2 CSV',
    path: '/api/dataValueSets',
    type: 'application/csv',
    body: (n) => fill('dataelement,period,orgunit,value\n"', '""', n),
  },
];

describe('adversarial bodies: linear time, health answered meanwhile', () => {
  let baseline = 0;
  it('measures /api/health without load (the baseline of this run)', async () => {
    const h = watchHealth();
    await new Promise((r) => setTimeout(r, 1500));
    baseline = await h.stop();
    expect(baseline).toBeGreaterThan(0);
  });

  /** One body sent and refused in our shape; its answer time. */
  async function refuse(path: string, type: string, payload: Buffer): Promise<number> {
    const r = await send('POST', path, { ...auth, 'content-type': type }, payload);
    expect(r.status, r.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(r.status, r.body.slice(0, 300)).toBeLessThan(500);
    expect(JSON.parse(r.body)).toMatchObject({ code: expect.any(String), messageEn: expect.any(String) });
    return r.ms;
  }
  /** A 16 MB body answered faster than this cannot hide a quadratic cost. */
  const FLOOR_MS = 1000;
  /**
   * Health answers within 100 ms while the body is read and refused (issue 21's bound); when the
   * machine's own longest stall with nothing in flight is over 25 ms, within 4× that instead.
   */
  const healthBound = (quiet: number) => Math.max(100, 4 * quiet);
  /** `act` watched by health checks, retried while health is over the bound (socket.ts says why). */
  const watched = <T>(act: () => Promise<T>) => watchedTries(port, 20, act, healthBound, baseline);

  it.each(KINDS)(
    '$kind ($path): 1, 4, 16 MB refused in linear time, health within bounds',
    async ({ path, type, body }) => {
      const ratios: number[] = [];
      // A slow answer the scheduler of a busy machine causes does not repeat; one the body causes
      // does: the sizes are sent a second time before a ratio over 8 fails.
      for (let attempt = 0; attempt < 2; attempt++) {
        const run = [];
        for (const size of [1 * MB, 4 * MB, 16 * MB]) {
          const payload = body(size);
          const tries = await watched(() => refuse(path, type, payload));
          const last = tries.at(-1)!;
          expect(last.health, `${size / MB} MB: ${describeTries(tries)}`).toBeLessThan(last.bound);
          run.push({ ms: last.result, health: last.health, wait: last.waitMs });
        }
        const [r1, r4, r16] = run as [(typeof run)[0], (typeof run)[0], (typeof run)[0]];
        console.log(
          `${path} ${type}: ${run.map((r) => r.ms.toFixed(0)).join(' / ')} ms; health held at most ${run.map((r) => r.health.toFixed(0)).join(' / ')} ms (waiting for a CPU besides: ${run.map((r) => r.wait.toFixed(0)).join(' / ')} ms; baseline ${baseline.toFixed(0)} ms)`,
        );
        expect(r16.ms).toBeLessThan(60_000);
        // Linear: 16 MB costs about 4× 4 MB (quadratic would be 16×). A 16 MB body answered within a
        // second is linear whatever the ratio (the quadratic scan took 244 s for 1 MB): bodies
        // refused in tens of milliseconds make the ratio of two timer readings, not of costs.
        ratios.push(r16.ms < FLOOR_MS ? 0 : r16.ms / Math.max(r4.ms, r1.ms));
        if (ratios.at(-1)! < 8) break;
      }
      expect(Math.min(...ratios)).toBeLessThan(8);
    },
    600_000,
  );

  it('a gzip bomb declaring 200 MB is refused before it is inflated', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * MB, 0x20));
    const tries = await watched(() =>
      send(
        'POST',
        '/api/sdmx/data',
        { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        bomb,
      ),
    );
    for (const { result: r } of tries) {
      expect(r.status, r.body).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ code: 'BODY_TOO_LARGE' });
    }
    expect(tries.at(-1)!.health, describeTries(tries)).toBeLessThan(tries.at(-1)!.bound);
    // A lying trailer (a multi-member gzip declaring one small member last) is capped at the limit.
    const liar = Buffer.concat([bomb, gzipSync(Buffer.from(' '))]);
    const r2 = await send(
      'POST',
      '/api/sdmx/data',
      { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      liar,
    );
    expect(r2.status, r2.body).toBe(413);
    // An honest small compressed body still reads.
    const ok = await send(
      'POST',
      '/api/values',
      { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(Buffer.from('{"values":[]}')),
    );
    expect(ok.status, ok.body).toBeLessThan(500);
    expect(JSON.parse(ok.body).code).not.toBe('INVALID_JSON');
  }, 180_000);

  it('anonymous routes read at most 16 KB: a 1 MB sign-in is 413 before it is parsed', async () => {
    const payload = fill('{"username":"', '\\"', MB);
    const tries = await watched(() =>
      send('POST', '/api/auth/login', { 'content-type': 'application/json' }, payload),
    );
    for (const { result: r } of tries) {
      expect(r.status, r.body).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ code: 'BODY_TOO_LARGE' });
      expect(r.ms).toBeLessThan(5000);
    }
    expect(tries.at(-1)!.health, describeTries(tries)).toBeLessThan(tries.at(-1)!.bound);
    const nowhere = await send(
      'POST',
      '/api/nowhere',
      { 'content-type': 'application/json' },
      fill('[', '1,', MB),
    );
    expect(nowhere.status).toBe(413);
  });

  it('JSON nested deeper than 64 levels is 400 JSON_TOO_DEEP, and a __proto__ key is refused', async () => {
    const deep = await send(
      'POST',
      '/api/values',
      { ...auth, 'content-type': 'application/json' },
      fill('', '[', MB),
    );
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body)).toMatchObject({ code: 'JSON_TOO_DEEP' });
    const ok = '{"values":' + '['.repeat(60) + ']'.repeat(60) + '}';
    const shallow = await send(
      'POST',
      '/api/values',
      { ...auth, 'content-type': 'application/json' },
      Buffer.from(ok),
    );
    expect(JSON.parse(shallow.body).code).not.toBe('JSON_TOO_DEEP');
    for (const key of ['"__proto__"', '"\\u005f_proto__"']) {
      const r = await send(
        'POST',
        '/api/auth/login',
        { 'content-type': 'application/json' },
        Buffer.from(`{"username":"a","password":"b",${key}:{"admin":true}}`),
      );
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ code: 'FORBIDDEN_KEY' });
    }
  });
});
