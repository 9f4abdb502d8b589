import { type Database, createLogger, loadDemo, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { App } from '../route.ts';

let db: Database;
let app: App;
const TOKEN = 'test-token-reports-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const Q = 'template=hop-bao-thang&period=2024M08';

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(systemCtx(db));
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const count = async () =>
  Number(
    (
      await db.k
        .selectFrom('registry_item')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('reports over HTTP', () => {
  it('writes the press brief as Markdown, HTML, Word and JSON with its checks', async () => {
    const md = await app.inject({ method: 'GET', url: `/api/reports?${Q}&format=md`, headers: auth });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain('Doanh thu ước đạt 2.820.865 tỷ đồng, tăng 23,7% so với cùng kỳ năm 2023');
    const html = await app.inject({ method: 'GET', url: `/api/reports?${Q}&format=html`, headers: auth });
    expect(html.body).toContain('<svg');
    // The editor's preview is shown in place, never downloaded; Word is a download.
    expect(html.headers['content-disposition']).toMatch(/^inline;/);
    const docx = await app.inject({ method: 'GET', url: `/api/reports?${Q}&format=docx`, headers: auth });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const json = (await app.inject({ method: 'GET', url: `/api/reports?${Q}`, headers: auth })).json();
    expect(json.doc.warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_ITEM' })]);
    expect(json.report).toMatchObject({ status: 'draft', issuedOn: '2024-09-13' });
  });

  it('keeps drafts from the public until publication', async () => {
    const before = await app.inject({ method: 'GET', url: `/api/reports?${Q}&format=md` });
    expect(before.statusCode).toBe(403);
    expect(before.json().code).toBe('FORBIDDEN');
    const noAuth = await app.inject({
      method: 'POST',
      url: '/api/reports/publish',
      payload: { template: 'hop-bao-thang', period: '2024M08' },
    });
    expect(noAuth.statusCode).toBe(401);
    const pub = await app.inject({
      method: 'POST',
      url: '/api/reports/publish',
      headers: auth,
      payload: { template: 'hop-bao-thang', period: '2024M08', number: '45' },
    });
    expect(pub.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: `/api/reports?${Q}&format=md` });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Số: 45/BC-BTTTT');
    const list = (await app.inject({ method: 'GET', url: '/api/reports/published' })).json();
    expect(list).toEqual([
      expect.objectContaining({ template: 'hop-bao-thang', period: '2024M08', number: '45' }),
    ]);
  });

  it('refuses a bad registry item with its row, field and reason, writing nothing', async () => {
    const n = await count();
    const r = await app.inject({
      method: 'POST',
      url: '/api/registries',
      headers: auth,
      payload: {
        items: [
          { kind: 'task', period: '2024M09', title: 'Tổ chức hội nghị tổng kết' },
          {
            kind: 'legal_document',
            period: '2024M08',
            docKind: 'Quyết định',
            stage: 'issued_ministry',
            number: 'QĐ 1459',
            issuedOn: '2024-08-28',
            title: 'Phê duyệt chương trình',
          },
        ],
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details).toContainEqual(
      expect.objectContaining({ row: 2, field: 'number', code: 'INVALID_DOC_NUMBER' }),
    );
    expect(await count()).toBe(n);
  });

  it('adds, edits, lists and deletes registry items', async () => {
    const add = await app.inject({
      method: 'POST',
      url: '/api/registries',
      headers: auth,
      payload: {
        items: [
          {
            kind: 'notable_issue',
            period: '2024M10',
            summary: 'Xuất hiện tin giả về bão số 4 trên mạng xã hội',
          },
        ],
      },
    });
    expect(add.statusCode).toBe(200);
    const id = add.json().items[0].id;
    const edit = await app.inject({
      method: 'PUT',
      url: `/api/registries/${id}`,
      headers: auth,
      payload: {
        item: {
          kind: 'notable_issue',
          period: '2024M10',
          title: 'Tin giả',
          summary: 'Xuất hiện tin giả về bão số 4',
        },
      },
    });
    expect(edit.json()).toMatchObject({ id, title: 'Tin giả' });
    const list = await app.inject({
      method: 'GET',
      url: '/api/registries?kind=notable_issue&period=2024M10',
      headers: auth,
    });
    expect(list.json()).toEqual([expect.objectContaining({ id })]);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/registries/${id}?reason=test`, headers: auth }))
        .statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/registries?period=2024M10', headers: auth })).json(),
    ).toEqual([]);
  });

  it('documents the report and registry routes, path parameters included', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/reports'].get).toBeDefined();
    expect(doc.paths['/api/registries/{id}'].put.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path' }),
    );
  });

  it('fact-checks posted text', async () => {
    const text =
      'Trong tháng 8/2024, số cuộc tấn công mạng là 349 cuộc, tăng 20% so với tháng 7/2024 (302 cuộc).';
    const r = await app.inject({ method: 'POST', url: '/api/check', headers: auth, payload: { text } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      statements: 1,
      findings: [{ code: 'RATE_MISMATCH', stated: '20', expected: '15,6' }],
    });
    expect((await app.inject({ method: 'POST', url: '/api/check', payload: { text } })).statusCode).toBe(401);
  });
});
