import { type Database, countValues, createDemoUsers, createLogger, loadDemo, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, buildApp } from './app.ts';
import type { App } from './route.ts';

let db: Database;
let app: App;
const PW = 'mat-khau-thu-nghiem';
let reporter: { cookie: string; csrf: string };
const PERIOD = '2025M09';

async function signIn(username: string) {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PW } });
  expect(r.statusCode).toBe(200);
  const set = r.cookies.find((c) => c.name === 'baocao_session');
  expect(set).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  return { cookie: `baocao_session=${set!.value}`, csrf: r.json().csrfToken as string };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await loadDemo(sys);
  await createDemoUsers(sys, PW);
  const { openReportingPeriod } = await import('@baocao/core');
  await openReportingPeriod(sys, { period: PERIOD });
  app = await buildApp({
    db,
    log: createLogger({ level: 'silent' }),
    apiToken: 'tok-0123456789',
    webRoot: null,
  });
  reporter = await signIn('reporter-danang');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const other = { unit: 'P01', period: PERIOD };
const csv = Buffer.from(`indicator,unit,period,value\nVT.DOANH_THU,P01,${PERIOD},5\n`);
const DOC = {
  kind: 'legal_document',
  period: '2024M08',
  docKind: 'Quyết định',
  stage: 'issued_ministry',
  number: '1459/QĐ-BTTTT',
  issuedOn: '2024-08-28',
  title: 'Phê duyệt Chương trình hỗ trợ cửa hàng bán lẻ chuyển đổi số',
};
/** Every endpoint a reporter of Đà Nẵng might use to reach Hà Nội's (P01) data, or the ministry's powers. */
const ATTEMPTS: {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  raw?: Buffer;
}[] = [
  { method: 'GET', url: `/api/compare?indicator=VT.DOANH_THU&unit=P01&period=${PERIOD}` },
  { method: 'GET', url: `/api/pivot?indicators=VT.DOANH_THU&units=P01&periods=${PERIOD}` },
  { method: 'GET', url: `/api/pivot?indicators=VT.DOANH_THU&units=P01&periods=${PERIOD}&format=csv` },
  { method: 'GET', url: `/api/dashboard?unit=P01&period=${PERIOD}` },
  { method: 'GET', url: '/api/exports?units=P01' },
  { method: 'GET', url: `/api/template?unit=P01&period=${PERIOD}` },
  { method: 'GET', url: `/api/values/history?indicator=VT.DOANH_THU&unit=P01&period=${PERIOD}` },
  {
    method: 'POST',
    url: '/api/values',
    payload: { values: [{ indicator: 'VT.DOANH_THU', ...other, value: 5 }] },
  },
  { method: 'POST', url: '/api/imports?filename=x.csv', raw: csv },
  { method: 'GET', url: `/api/forms?unit=P01&period=${PERIOD}` },
  {
    method: 'PUT',
    url: '/api/forms',
    payload: { ...other, values: [{ indicator: 'VT.DOANH_THU', value: 5 }] },
  },
  {
    method: 'POST',
    url: '/api/forms/submit',
    payload: { ...other, values: [{ indicator: 'VT.DOANH_THU', value: 5 }] },
  },
  { method: 'POST', url: `/api/forms/import?unit=P01&period=${PERIOD}&filename=x.csv`, raw: csv },
  { method: 'POST', url: '/api/forms/return', payload: { ...other, comment: 'x' } },
  { method: 'POST', url: '/api/forms/approve', payload: other },
  { method: 'POST', url: '/api/forms/unlock', payload: { ...other, reason: 'x' } },
  { method: 'POST', url: '/api/forms/remind', payload: { period: PERIOD } },
  { method: 'GET', url: `/api/forms/remind/preview?period=${PERIOD}` },
  { method: 'POST', url: '/api/forms/remind/send', payload: { period: PERIOD } },
  // Another person's notification settings.
  { method: 'GET', url: '/api/notifications/preferences?username=officer' },
  { method: 'PUT', url: '/api/notifications/preferences', payload: { username: 'officer', email: 'x@y.vn' } },
  { method: 'PUT', url: '/api/periods', payload: { period: '2025M10' } },
  { method: 'POST', url: '/api/releases', payload: { period: PERIOD } },
  { method: 'GET', url: '/api/users' },
  { method: 'PUT', url: '/api/users', payload: { username: 'admin', disabled: true, reason: 'x' } },
  {
    method: 'POST',
    url: '/api/users',
    payload: { username: 'x1', displayName: 'x', role: 'admin', password: 'abcdefghijkl' },
  },
  { method: 'GET', url: `/api/reports?template=hop-bao-thang&period=2025M08&unit=P01` },
  {
    method: 'PUT',
    url: '/api/reports/sections',
    payload: { template: 'hop-bao-thang', period: '2025M08', section: 'x', text: 'y' },
  },
  {
    method: 'PUT',
    url: '/api/reports/details',
    payload: { template: 'hop-bao-thang', period: '2025M08', number: '1/BC-BKHCN' },
  },
  { method: 'POST', url: '/api/reports/publish', payload: { template: 'hop-bao-thang', period: '2025M08' } },
  { method: 'PUT', url: '/api/report-templates', payload: { code: 'x' } },
  { method: 'POST', url: '/api/registries', payload: { items: [DOC] } },
  { method: 'PUT', url: '/api/registries/1', payload: { item: DOC } },
  { method: 'DELETE', url: '/api/registries/1?reason=x' },
  {
    method: 'POST',
    url: '/api/feeds/botnet?filename=f.csv',
    raw: Buffer.from('ip,seen_at,source\n1.1.1.1,2024-08-01,a\n'),
  },
  {
    method: 'POST',
    url: '/api/feeds/prefixes?filename=p.csv',
    raw: Buffer.from('prefix,operator,province\n1.0.0.0/8,X,P01\n'),
  },
  {
    method: 'POST',
    url: '/api/feeds/incidents?filename=i.csv',
    raw: Buffer.from('ref,date,type\nA,2024-08-01,phishing\n'),
  },
  { method: 'GET', url: '/api/feeds/botnet?period=2024M08' },
  { method: 'GET', url: '/api/feeds/incidents?period=2024M08' },
  {
    method: 'PUT',
    url: '/api/indicators',
    payload: [
      {
        code: 'X.Y',
        nameVi: 'x',
        nameEn: 'x',
        unitVi: 'x',
        precision: 0,
        kind: 'flow',
        acrossUnits: 'sum',
        domain: 'x',
      },
    ],
  },
  {
    method: 'POST',
    url: '/api/units',
    payload: [{ code: 'XX', nameVi: 'x', kind: 'other', parentCode: 'VN' }],
  },
  {
    method: 'PUT',
    url: '/api/plans',
    payload: [{ indicator: 'VT.DOANH_THU', unit: 'P01', year: 2025, value: 1 }],
  },
  // DHIS2, SDMX: the same rules, whatever the format.
  ...['/api/dataValueSets', '/api/40/dataValueSets'].map((url) => ({
    method: 'POST' as const,
    url: `${url}?idScheme=CODE`,
    payload: { dataValues: [{ dataElement: 'VT.DOANH_THU', period: '202509', orgUnit: 'P48', value: '5' }] },
  })),
  ...['', '.json', '.csv', '.xml'].flatMap((ext) =>
    ['/api/dataValueSets', '/api/40/dataValueSets'].map((url) => ({
      method: 'GET' as const,
      url: `${url}${ext}?idScheme=CODE&dataElement=VT.DOANH_THU&period=202509&orgUnit=P01`,
    })),
  ),
  {
    method: 'PUT',
    url: '/api/dhis2/ids',
    payload: [{ kind: 'unit', code: 'P48', uid: 'Dn2025Mrg48', dhis2Code: 'DN' }],
  },
  {
    method: 'POST',
    url: '/api/sdmx/data',
    raw: Buffer.from(`INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE\nVT-DOANH_THU,P48,2025-09,5\n`),
  },
  { method: 'GET', url: '/sdmx/rest/data/DF_VT/VT-DOANH_THU.P01' },
  // Information systems: a reporter declares and reads their own unit's only; officers review.
  { method: 'GET', url: '/api/infosystems?owner=P01' },
  {
    method: 'POST',
    url: '/api/infosystems',
    payload: { items: [{ owner: 'P01', name: 'Cổng dịch vụ công', proposedLevel: 3 }] },
  },
  {
    method: 'POST',
    url: '/api/infosystems/import?filename=s.csv',
    raw: Buffer.from('owner,name,proposedLevel\nP01,Cổng dịch vụ công,3\n'),
  },
  { method: 'POST', url: '/api/infosystems/approve', payload: { ids: [1] } },
  { method: 'POST', url: '/api/infosystems/1/return', payload: { reason: 'Thiếu hồ sơ' } },
  { method: 'GET', url: '/api/infosystems/figures?period=2025M09' },
  { method: 'POST', url: '/api/tasks/1/status', payload: { status: 'done' } },
  { method: 'GET', url: '/api/tasks/1/history' },
  { method: 'GET', url: '/api/tasks/1' },
  { method: 'GET', url: '/api/tasks/overdue' },
  {
    method: 'PUT',
    url: '/api/org-names',
    payload: { key: 'issuer.name', validFrom: '2026-01-01', value: 'Bộ khác' },
  },
  { method: 'DELETE', url: '/api/org-names?key=issuer.name&validFrom=2025-03-01' },
  {
    method: 'PUT',
    url: '/api/rules',
    payload: {
      code: 'X.RULE',
      nameVi: 'Quy tắc thử',
      nameEn: 'A test rule',
      left: '#{VT.DOANH_THU}',
      operator: '>=',
      right: '0',
      importance: 'error',
      periodTypes: ['M'],
      unitKinds: ['province'],
    },
  },
  { method: 'GET', url: `/api/quality/violations?period=${PERIOD}&unit=P01` },
  { method: 'GET', url: `/api/quality/violations/export?period=${PERIOD}&unit=P01` },
  { method: 'GET', url: `/api/forms/queue?period=${PERIOD}` },
  { method: 'GET', url: '/api/value-ranges?unit=P01' },
  {
    method: 'PUT',
    url: '/api/value-ranges',
    payload: { indicator: 'VT.DOANH_THU', unit: 'P01', min: 0, max: 10, hard: true, reason: 'thử' },
  },
  { method: 'DELETE', url: '/api/value-ranges?indicator=VT.DOANH_THU&unit=P01' },
  {
    method: 'POST',
    url: '/api/outliers/check',
    payload: { unit: 'P01', period: PERIOD, values: [{ indicator: 'VT.DOANH_THU', value: 1 }] },
  },
];
/** Endpoints with no unit data to protect: open to anyone or to every signed-in user by design. */
const OPEN = [
  '/api/health/ready',
  '/api/health',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/session',
  '/api/indicators',
  // Validation rules are definitions over the catalog, no unit's data (changing one is an attempt above).
  '/api/rules',
  '/api/rules/history',
  '/api/units',
  '/api/releases',
  // Which periods have released figures: public by design, like the figures themselves.
  '/api/releases/periods',
  '/api/reports/published',
  '/api/report-templates',
  '/api/registries',
  '/api/forms/mine',
  // Each reader gets their own unit's systems only (asserted in infosystems' own tests).
  '/api/infosystems',
  '/api/forms/board',
  // One's own notifications: the list holds only the caller's (asserted in notify.test.ts).
  '/api/notifications',
  '/api/notifications/read',
  '/api/periods',
  '/api/check',
  // Plans: a unit-scoped reader gets its own subtree's targets only (asserted below).
  '/api/plans',
  // The catalog as DHIS2 and SDMX describe it (data under /sdmx/rest is scoped: an attempt above).
  '/api/dhis2/metadata',
  '/api/dhis2/ids',
  // The organisation's names as documents print them: public (changing them is an attempt above).
  '/api/org-names',
  '/api/org-names/on',
  '/sdmx/rest/*',
  // Open data: released figures only, to anyone (asserted in open-data.test.ts).
  '/open-data/catalog.jsonld',
  '/data.json',
  '/open-data/schema.json',
  '/open-data/datasets/:file',
];

describe('a reporter stays inside their unit, on every endpoint', () => {
  it('covers every route of the API in this test', () => {
    const tested = new Set([...ATTEMPTS.map((a) => `${a.method} ${a.url.split('?')[0]}`)]);
    const missing = ROUTES.map(
      (r) => `${r.meta.method} ${r.meta.url.replace(':id', '1').replace(':version', '40')}`,
    ).filter((k) => !tested.has(k) && !OPEN.includes(k.split(' ')[1]!));
    expect(missing).toEqual([]);
  });

  it.each(ATTEMPTS)('$method $url is refused with a reason and changes nothing', async (a) => {
    const before = await countValues(systemCtx(db));
    const audit = await db.k
      .selectFrom('audit_log')
      .select(db.k.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const r = await app.inject({
      method: a.method,
      url: a.url,
      headers: {
        cookie: reporter.cookie,
        'x-csrf-token': reporter.csrf,
        ...(a.raw ? { 'content-type': 'application/octet-stream' } : {}),
      },
      ...(a.raw ? { payload: a.raw } : a.payload ? { payload: a.payload as object } : {}),
    });
    expect(r.statusCode, r.body).toBe(403);
    expect(r.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.any(String),
      messageEn: expect.any(String),
    });
    expect(await countValues(systemCtx(db))).toEqual(before);
    const after = await db.k
      .selectFrom('audit_log')
      .select(db.k.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(audit.n);
  });

  it('sees only its own unit on the board and in My forms, and no national plan', async () => {
    const h = { cookie: reporter.cookie };
    expect((await app.inject({ method: 'GET', url: '/api/plans?year=2024', headers: h })).json()).toEqual([]);
    const board = (
      await app.inject({ method: 'GET', url: `/api/forms/board?period=${PERIOD}`, headers: h })
    ).json();
    expect(board.forms.map((f: { unit: string }) => f.unit)).toEqual(['P48']);
    const mine = (await app.inject({ method: 'GET', url: '/api/forms/mine', headers: h })).json();
    expect(new Set(mine.map((f: { unit: string }) => f.unit))).toEqual(new Set(['P48']));
  });
});

describe('CSRF', () => {
  const save = { unit: 'P48', period: PERIOD, values: [{ indicator: 'VT.DOANH_THU', value: 7 }] };
  it('refuses a state change without the token (or with a wrong one) and changes nothing', async () => {
    for (const headers of [
      { cookie: reporter.cookie },
      { cookie: reporter.cookie, 'x-csrf-token': 'forged' },
    ]) {
      const r = await app.inject({ method: 'PUT', url: '/api/forms', headers, payload: save });
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'CSRF_FAILED' });
    }
    const form = await app.inject({
      method: 'GET',
      url: `/api/forms?unit=P48&period=${PERIOD}`,
      headers: { cookie: reporter.cookie },
    });
    expect(form.json().status).toBe('missing');
  });

  it('accepts it with the token', async () => {
    const headers = { cookie: reporter.cookie, 'x-csrf-token': reporter.csrf };
    const r = await app.inject({ method: 'PUT', url: '/api/forms', headers, payload: save });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('draft');
  });
});

describe('the public API', () => {
  it('never returns unreleased values', async () => {
    // Approve a value for an unreleased month, then read everything public.
    const officer = await signIn('officer');
    const h = { cookie: officer.cookie, 'x-csrf-token': officer.csrf };
    const rh = { cookie: reporter.cookie, 'x-csrf-token': reporter.csrf };
    const body = { unit: 'P48', period: PERIOD, values: [{ indicator: 'VT.DOANH_THU', value: 4321 }] };
    expect(
      (await app.inject({ method: 'POST', url: '/api/forms/submit', headers: rh, payload: body })).statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/forms/approve',
          headers: h,
          payload: { unit: 'P48', period: PERIOD },
        })
      ).statusCode,
    ).toBe(200);
    const asks = [
      `/api/compare?indicator=VT.DOANH_THU&unit=P48&period=${PERIOD}`,
      `/api/compare?indicator=VT.DOANH_THU&unit=VN&period=${PERIOD}`,
      `/api/pivot?indicators=VT.DOANH_THU&units=P48,VN&periods=${PERIOD}`,
      `/api/dashboard?unit=P48&period=${PERIOD}`,
      '/api/dashboard',
      '/api/exports?units=P48',
      `/api/forms?unit=P48&period=${PERIOD}`,
      `/api/reports?template=hop-bao-thang&period=${PERIOD}`,
    ];
    for (const url of asks) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.body, url).not.toContain('4321');
    }
    // One province of 34 has reported: the national figure is partial, and releasing says so.
    const release = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/releases', headers: h, payload });
    const refused = await release({ period: PERIOD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'PARTIAL_FIGURES',
      details: [
        {
          field: 'VT.DOANH_THU',
          code: 'PARTIAL_FIGURE',
          message: 'Doanh thu dịch vụ viễn thông: mới có 1/34 đơn vị báo cáo',
        },
      ],
    });
    const forced = await release({ period: PERIOD, force: true, reason: 'Công bố sớm theo chỉ đạo' });
    expect(forced.statusCode).toBe(200);
    const after = await app.inject({
      method: 'GET',
      url: `/api/compare?indicator=VT.DOANH_THU&unit=P48&period=${PERIOD}`,
    });
    expect(after.json().value).toBe(4321);
    const national = await app.inject({
      method: 'GET',
      url: `/api/compare?indicator=VT.DOANH_THU&unit=VN&period=${PERIOD}`,
    });
    expect(national.json()).toMatchObject({
      value: 4321,
      status: 'partial',
      completeness: { expected: 34, reported: 1 },
    });
    expect(national.json().text).toContain('4.321 tỷ đồng (1/34 tỉnh, thành phố đã báo cáo)');
  });
});

describe('sign-in', () => {
  it('answers with the abilities the policy gives, and core refuses the rest', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: PW },
    });
    expect(r.json().abilities).toMatchObject({
      'report.read': true,
      'report.publish': true,
      'report.write': false,
      'value.write': false,
    });
    const leader = {
      cookie: `baocao_session=${r.cookies.find((c) => c.name === 'baocao_session')!.value}`,
      'x-csrf-token': r.json().csrfToken,
    };
    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: leader.cookie },
    });
    expect(session.json().abilities).toEqual(r.json().abilities);
    const edit = await app.inject({
      method: 'PUT',
      url: '/api/reports/sections',
      headers: leader,
      payload: { template: 'hop-bao-thang', period: '2024M08', section: 'van-de', text: 'Sửa thử' },
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('tells the app who is signed in, with the session’s CSRF token, and nobody otherwise', async () => {
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: reporter.cookie },
    });
    expect(me.json()).toMatchObject({
      user: { username: 'reporter-danang', unit: 'P48' },
      csrfToken: reporter.csrf,
    });
    const nobody = await app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(nobody.json()).toEqual({ user: null });
    const forged = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'baocao_session=not-a-session' },
    });
    expect(forged.json()).toEqual({ user: null });
  });

  it('limits the rate of attempts from one client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        // A new name each time: the per-(name, address) throttle is tested in core; this is the per-client limit.
        payload: { username: `nobody-${i}`, password: 'x' },
      });
      codes.push(r.statusCode);
      if (r.statusCode === 429) expect(r.json()).toMatchObject({ code: 'RATE_LIMITED' });
    }
    expect(codes).toContain(401);
    expect(codes.at(-1)).toBe(429);
  });
});
