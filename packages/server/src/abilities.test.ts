import {
  type Database,
  createDemoUsers,
  createLogger,
  loadDemo,
  lockPeriod,
  openReportingPeriod,
  systemCtx,
} from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTES, buildApp } from './app.ts';
import type { App } from './route.ts';

let db: Database;
let app: App;
const PW = 'mat-khau-thu-nghiem';
type Who = { cookie: string; csrf: string };
const as: Record<string, Who> = {};

async function signIn(username: string): Promise<Who> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PW } });
  expect(r.statusCode).toBe(200);
  const set = r.cookies.find((c) => c.name === 'baocao_session');
  return { cookie: `baocao_session=${set!.value}`, csrf: r.json().csrfToken as string };
}
const call = (who: Who, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await loadDemo(sys);
  await createDemoUsers(sys, PW);
  await openReportingPeriod(sys, { period: '2025M09' });
  await openReportingPeriod(sys, { period: '2025M11' });
  // The quarter is locked: every reader must say its months are closed, whatever their own row says.
  await lockPeriod(sys, { period: '2025Q4', reason: 'số liệu quý đã chốt' });
  app = await buildApp({
    db,
    log: createLogger({ level: 'silent' }),
    apiToken: 'tok-0123456789',
    webRoot: null,
  });
  for (const u of ['reporter-danang', 'officer', 'leader', 'admin']) as[u] = await signIn(u);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** What kind of object a JSON-schema object is, by its properties: the things that carry abilities. */
function kindOf(props: string[]): string | null {
  const has = (...ks: string[]) => ks.every((k) => props.includes(k));
  // A unit's form for a period (the board's rows, my forms, one form) and a reporting period.
  if (has('unit', 'period', 'status', 'dueOn', 'late')) return 'form';
  if (has('period', 'dueOn') && (has('released') || has('closed')) && !props.includes('forms'))
    return 'period';
  if (has('template', 'period', 'status')) return 'report';
  if (has('code', 'kind', 'parentId')) return 'unit';
  return null;
}

type Json = { [k: string]: unknown };
/** Every object schema inside a JSON schema, with where it sits. */
function* objects(s: unknown, at: string): Generator<{ at: string; props: string[] }> {
  if (!s || typeof s !== 'object') return;
  const o = s as Json;
  if (o.properties && typeof o.properties === 'object') {
    yield { at, props: Object.keys(o.properties) };
    for (const [k, v] of Object.entries(o.properties)) yield* objects(v, `${at}.${k}`);
  }
  for (const key of ['items', 'additionalProperties']) yield* objects(o[key], `${at}[]`);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'])
    if (Array.isArray(o[key]))
      for (const [i, x] of (o[key] as unknown[]).entries()) yield* objects(x, `${at}|${i}`);
  if (o.$defs && typeof o.$defs === 'object')
    for (const [k, v] of Object.entries(o.$defs as Json)) yield* objects(v, `${at}#${k}`);
}

/** Every form, period, report or unit object found in a real answer, by the same rule. */
function* values(v: unknown, at: string): Generator<{ at: string; kind: string; abilities: unknown }> {
  if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* values(x, `${at}[${i}]`);
  else if (v && typeof v === 'object') {
    const o = v as Json;
    const kind = kindOf(Object.keys(o));
    if (kind) yield { at, kind, abilities: o.abilities };
    for (const [k, x] of Object.entries(o)) yield* values(x, `${at}.${k}`);
  }
}

describe('every form, period, report and unit leaves the server with what the person may do with it', () => {
  it('is so in every route’s declared answer', () => {
    const missing: string[] = [];
    const found = new Set<string>();
    for (const r of ROUTES) {
      const response = r.meta.response;
      if (!response) continue;
      const schema = z.toJSONSchema(response, { io: 'output', unrepresentable: 'any' });
      for (const o of objects(schema, `${r.meta.method} ${r.meta.url}`)) {
        const kind = kindOf(o.props);
        if (!kind) continue;
        found.add(kind);
        if (!o.props.includes('abilities')) missing.push(`${o.at} (${kind})`);
      }
    }
    expect(missing).toEqual([]);
    // The walk sees each kind, so it cannot pass by finding nothing.
    expect([...found].sort()).toEqual(['form', 'period', 'report', 'unit']);
  });

  it('is so in real answers, for a reporter and an officer', async () => {
    const seen = new Set<string>();
    const urls = [
      '/api/periods',
      '/api/forms/mine',
      '/api/forms?unit=P48&period=2025M09',
      '/api/forms/board?period=2025M09',
      '/api/units?kind=province',
      '/api/reports?template=hop-bao-thang&period=2024M08',
      '/api/reports/published',
    ];
    for (const who of ['reporter-danang', 'officer']) {
      for (const url of urls) {
        const r = await call(as[who]!, 'GET', url);
        if (r.statusCode === 403) continue;
        expect(r.statusCode, `${who} ${url}: ${r.body.slice(0, 200)}`).toBe(200);
        for (const o of values(r.json(), url)) {
          seen.add(o.kind);
          expect(o.abilities, `${who} ${o.at}`).toBeTypeOf('object');
        }
      }
    }
    expect([...seen].sort()).toEqual(['form', 'period', 'report', 'unit']);
  });
});

describe('one state of a period, read the same everywhere', () => {
  it('a locked period is reported closed by the period list, the board, the form and my forms', async () => {
    const officer = as.officer!;
    const reporter = as['reporter-danang']!;
    const periods = (await call(officer, 'GET', '/api/periods')).json() as Json[];
    expect(periods.find((p) => p.period === '2025M11')).toMatchObject({
      open: false,
      closedBy: 'lock',
      abilities: { open: false, close: false },
    });
    const board = (await call(officer, 'GET', '/api/forms/board?period=2025M11')).json();
    expect(board.reportingPeriod).toMatchObject({ open: false, closedBy: 'lock' });
    expect(board.forms.length).toBeGreaterThan(0);
    for (const f of board.forms) expect(f).toMatchObject({ closed: true, closedBy: 'lock' });
    const form = (await call(reporter, 'GET', '/api/forms?unit=P48&period=2025M11')).json();
    expect(form).toMatchObject({ closed: true, closedBy: 'lock', abilities: { edit: false, submit: false } });
    const mine = (await call(reporter, 'GET', '/api/forms/mine')).json() as Json[];
    expect(mine.map((f) => f.period)).not.toContain('2025M11');
    expect(mine.map((f) => f.period)).toContain('2025M09');
    // The write is refused by the same state the answers showed.
    const save = await call(reporter, 'PUT', '/api/forms', { unit: 'P48', period: '2025M11', values: [] });
    expect(save.statusCode).toBe(409);
    expect(save.json().code).toBe('PERIOD_CLOSED');
  });
});

describe('refusals name the action refused', () => {
  it('a leader opening a period is told they may not open periods, not that they may not lock one', async () => {
    const r = await call(as.leader!, 'PUT', '/api/periods', { period: '2025M10' });
    expect(r.statusCode).toBe(403);
    expect(r.json().message).toContain('mở, đóng kỳ báo cáo');
    expect(r.json().message).not.toContain('khóa kỳ');
  });

  it('a leader is given no administration page; an officer is', async () => {
    const leader = (await call(as.leader!, 'GET', '/api/auth/session')).json();
    expect(leader.pages).toMatchObject({ admin: false, dashboard: true, forms: false });
    const officer = (await call(as.officer!, 'GET', '/api/auth/session')).json();
    expect(officer.pages).toMatchObject({ admin: true, board: true, forms: false });
    const reporter = (await call(as['reporter-danang']!, 'GET', '/api/auth/session')).json();
    expect(reporter.pages).toMatchObject({ admin: false, board: false, forms: true });
  });
});

describe('2024-02-30 is refused by every date field', () => {
  const BAD = '2024-02-30';
  it.each([
    ['a reporting period’s deadline', 'PUT', '/api/periods', { period: '2024M01', dueOn: BAD }],
    ['the date units are listed at', 'GET', `/api/units?at=${BAD}`, undefined],
    [
      'a new unit’s validity',
      'POST',
      '/api/units',
      [{ code: 'THU_NGAY', nameVi: 'Đơn vị thử ngày', kind: 'other', validFrom: BAD }],
    ],
    [
      'a document’s issue date',
      'POST',
      '/api/registries',
      {
        items: [
          {
            kind: 'legal_document',
            period: '2024M02',
            docKind: 'Quyết định',
            stage: 'issued_ministry',
            number: '12/QĐ-THU',
            issuedOn: BAD,
            title: 'Văn bản thử ngày không có thật',
          },
        ],
      },
    ],
    [
      'a report’s date',
      'PUT',
      '/api/reports/details',
      { template: 'hop-bao-thang', period: '2024M08', issuedOn: BAD },
    ],
  ] as const)('%s', async (_, method, url, payload) => {
    const r = await call(as.admin!, method, url, payload);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(400);
    expect(r.body).toContain('INVALID_DATE');
  });

  it('an incident record’s date', async () => {
    const csv = `date,type,sector,province,status\n${BAD},phishing,ngân hàng,P01,đã xử lý\n`;
    const r = await app.inject({
      method: 'POST',
      url: '/api/feeds/incidents?filename=su-co.csv',
      headers: {
        cookie: as.admin!.cookie,
        'x-csrf-token': as.admin!.csrf,
        'content-type': 'application/octet-stream',
      },
      payload: Buffer.from(csv),
    });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json())).toContain('INVALID_DATE');
  });

  it('while a real leap day is a date like any other', async () => {
    const r = await call(as.admin!, 'GET', '/api/units?at=2024-02-29');
    expect(r.statusCode).toBe(200);
  });
});
