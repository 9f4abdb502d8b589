import { type Database, compactRollups, countValues, createLogger, initStore, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

let db: Database;
let app: App;
const TOKEN = 'dhis2-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const DEFAULT = 'HllvX50cXC0';
interface Meta {
  dataElements: { id: string; code: string; name: string }[];
  organisationUnits: { id: string; code: string; level: number; parent?: { id: string } }[];
  dataSets: { id: string; code: string; dataSetElements: { dataElement: { id: string } }[] }[];
}
let meta: Meta;
const de = (code: string) => meta.dataElements.find((d) => d.code === code)!.id;
const ou = (code: string) => meta.organisationUnits.find((o) => o.code === code)!.id;

/** Written the way DHIS2 exports a data value: UIDs, default combos, its period notation. */
const dv = (dataElement: string, period: string, orgUnit: string, value: string, comment?: string) => ({
  dataElement,
  period,
  orgUnit,
  categoryOptionCombo: DEFAULT,
  attributeOptionCombo: DEFAULT,
  value,
  storedBy: 'tinh.hanoi',
  created: '2025-10-03T09:12:44.512',
  lastUpdated: '2025-10-03T09:12:44.512',
  ...(comment ? { comment } : {}),
  followup: false,
});
/** Posts a set and reads the ImportSummary out of DHIS2's WebMessage (after checking the wrapper). */
const post = async (payload: unknown, query = '') => {
  const res = await app.inject({
    method: 'POST',
    url: `/api/dataValueSets${query}`,
    headers: auth,
    payload: payload as object,
  });
  const body = res.json();
  if (body.response)
    expect(body).toMatchObject({
      httpStatusCode: res.statusCode,
      status: res.statusCode === 200 ? 'OK' : 'ERROR',
    });
  return { statusCode: res.statusCode, json: () => body.response ?? body };
};
const essentials = (values: { dataElement: string; period: string; orgUnit: string; value: string }[]) =>
  values.map((v) => [v.dataElement, v.period, v.orgUnit, v.value].join(' ')).sort();

beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(systemCtx(db));
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN, webRoot: null });
  meta = (await app.inject({ method: 'GET', url: '/api/dhis2/metadata' })).json();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('DHIS2 data value sets', () => {
  it('exports its catalog as DHIS2 metadata, with DHIS2 UIDs and the unit hierarchy', () => {
    expect(meta.dataElements.length).toBeGreaterThan(20);
    for (const x of [...meta.dataElements, ...meta.organisationUnits, ...meta.dataSets])
      expect(x.id).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
    const hanoi = meta.organisationUnits.find((o) => o.code === 'P01')!;
    const vn = meta.organisationUnits.find((o) => o.code === 'VN')!;
    expect(hanoi.parent?.id).toBe(vn.id);
    expect(hanoi.level).toBe(vn.level + 1);
    const vt = meta.dataSets.find((d) => d.code === 'VT')!;
    expect(vt.dataSetElements.map((e) => e.dataElement.id)).toContain(de('VT.DOANH_THU'));
  });

  it('round-trips a payload as DHIS2 writes it: imported, exported, imported again with no change', async () => {
    const sent = [
      dv(de('VT.DOANH_THU'), '202509', ou('P01'), '1520.5', 'Số liệu sơ bộ của Sở'),
      dv(de('VT.DOANH_THU'), '202509', ou('P79'), '2310'),
      dv(de('BC.DOANH_THU'), '2025Q3', ou('P48'), '88.25'),
      dv(de('CNTT.DOANH_THU'), '202504B', ou('P01'), '612'), // July–August
    ];
    const first = await post({ dataValues: sent });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      responseType: 'ImportSummary',
      status: 'SUCCESS',
      importCount: { imported: 4, updated: 0, ignored: 0, deleted: 0 },
      conflicts: [],
    });
    const query = [
      ...['VT.DOANH_THU', 'BC.DOANH_THU', 'CNTT.DOANH_THU'].map((c) => `dataElement=${de(c)}`),
      'startDate=2025-07-01',
      'endDate=2025-09-30',
      `orgUnit=${ou('VN')}`,
      'children=true',
    ].join('&');
    const out = await app.inject({ method: 'GET', url: `/api/dataValueSets?${query}`, headers: auth });
    expect(out.statusCode).toBe(200);
    const exported = out.json().dataValues;
    expect(essentials(exported)).toEqual(essentials(sent));
    expect(exported.find((v: { orgUnit: string }) => v.orgUnit === ou('P79'))).toMatchObject({
      categoryOptionCombo: DEFAULT,
      attributeOptionCombo: DEFAULT,
      storedBy: 'api',
    });
    expect(exported.find((v: { comment?: string }) => v.comment)).toMatchObject({
      comment: 'Số liệu sơ bộ của Sở',
    });
    const again = await post({ dataValues: exported });
    expect(again.json()).toMatchObject({
      status: 'SUCCESS',
      importCount: { imported: 0, updated: 0, ignored: 4 },
    });
    // The same through DHIS2's CSV, header row included.
    const csv = await app.inject({ method: 'GET', url: `/api/dataValueSets.csv?${query}`, headers: auth });
    expect(csv.headers['content-type']).toContain('application/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted',
    );
    const fromCsv = await app.inject({
      method: 'POST',
      url: '/api/37/dataValueSets',
      headers: { ...auth, 'content-type': 'application/csv' },
      payload: csv.body,
    });
    expect(fromCsv.json()).toMatchObject({
      status: 'SUCCESS',
      importCount: { imported: 0, updated: 0, ignored: 4 },
    });
  });

  it('lists every conflict of a bad payload, and writes nothing', async () => {
    // Pending rollup changes are folded in the background: fold them now, so the counts compare.
    await compactRollups(db.k);
    const before = await countValues(systemCtx(db));
    const r = await post({
      dataValues: [
        dv(de('VT.DOANH_THU'), '202510', ou('P01'), '1700'),
        dv('zzNotAnUid1', '202510', ou('P01'), '5'),
        dv(de('VT.DOANH_THU'), '2025W41', ou('P01'), '5'),
        dv(de('VT.DOANH_THU'), '202510', ou('P79'), '12,5'),
        { ...dv(de('VT.DOANH_THU'), '202510', ou('P48'), '5'), categoryOptionCombo: 'Prlt0C1RF0s' },
      ],
    });
    expect(r.statusCode).toBe(409);
    const s = r.json();
    expect(s).toMatchObject({
      status: 'ERROR',
      importCount: { imported: 0, updated: 0, ignored: 5, deleted: 0 },
    });
    expect(s.description).toContain('Nothing was written');
    expect(
      s.conflicts.map((c: { errorCode: string; indexes: number[] }) => [c.errorCode, c.indexes[0]]),
    ).toEqual([
      ['E8103', 1],
      ['PERIOD_TYPE_NOT_SUPPORTED', 2],
      ['E8122', 3],
      ['E8108', 4],
    ]);
    expect(s.conflicts[1]).toMatchObject({ object: '2025W41', property: 'period' });
    expect(s.conflicts[1].valueEn).toContain('weeks');
    expect(await countValues(systemCtx(db))).toEqual(before);
    // Many bad values: all counted, the first thousand listed.
    const many = await post({
      dataValues: Array.from({ length: 1500 }, (_, i) =>
        dv(`zzBad${String(i).padStart(6, '0')}`, '202510', ou('P01'), '1'),
      ),
    });
    expect(many.json().conflicts).toHaveLength(1000);
    expect(many.json()).toMatchObject({ conflictsTotal: 1500, code: 'IMPORT_CONFLICTS' });
    // Our own rules answer as conflicts too: a negative revenue; a merged province before it existed.
    for (const [value, property] of [
      [dv(de('VT.DOANH_THU'), '202510', ou('P01'), '-3'), 'value'],
      [dv(de('VT.DOANH_THU'), '202401', ou('P08'), '4'), 'orgUnit'],
    ] as const) {
      const ruled = await post({ dataValues: [value] });
      expect(ruled.statusCode).toBe(409);
      expect(ruled.json().conflicts).toMatchObject([{ property, indexes: [0] }]);
    }
    expect(await countValues(systemCtx(db))).toEqual(before);
  });

  it('follows dryRun and the import strategies, and refuses skipAudit and unknown id schemes', async () => {
    const one = (value: string) => ({ dataValues: [dv(de('VT.DOANH_THU'), '202511', ou('P01'), value)] });
    const before = await countValues(systemCtx(db));
    expect((await post(one('90'), '?dryRun=true')).json()).toMatchObject({
      status: 'SUCCESS',
      importCount: { imported: 1 },
      importOptions: { dryRun: true },
    });
    expect(await countValues(systemCtx(db))).toEqual(before);
    expect((await post(one('90'), '?importStrategy=UPDATE')).json().importCount).toMatchObject({
      imported: 0,
      ignored: 1,
    });
    expect((await post(one('90'), '?importStrategy=CREATE')).json().importCount).toMatchObject({
      imported: 1,
    });
    expect((await post(one('95'), '?importStrategy=CREATE')).json().importCount).toMatchObject({
      updated: 0,
      ignored: 1,
    });
    expect((await post(one('95'), '?importStrategy=NEW_AND_UPDATES')).json().importCount).toMatchObject({
      updated: 1,
    });
    expect((await post(one(''), '?importStrategy=DELETE')).json().importCount).toMatchObject({ deleted: 1 });
    const byCode = await post(
      { dataValues: [{ dataElement: 'VT.DOANH_THU', period: '202511', orgUnit: 'P01', value: '97' }] },
      '?idScheme=CODE',
    );
    expect(byCode.json().importCount).toMatchObject({ imported: 1 });
    const skip = await post(one('1'), '?skipAudit=true');
    expect(skip.statusCode).toBe(400);
    expect(skip.json().code).toBe('SKIP_AUDIT_REFUSED');
    const attr = await post(one('1'), '?idScheme=ATTRIBUTE:n3VBx5s8aHm');
    expect(attr.json().code).toBe('ID_SCHEME_NOT_SUPPORTED');
  });

  it('lets an administrator set UIDs to match an existing DHIS2 instance, never two alike', async () => {
    const set = await app.inject({
      method: 'PUT',
      url: '/api/dhis2/ids',
      headers: auth,
      payload: [{ kind: 'unit', code: 'P01', uid: 'Hn2025Mrg01', dhis2Code: 'HA_NOI' }],
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toContainEqual({
      kind: 'unit',
      code: 'P01',
      uid: 'Hn2025Mrg01',
      dhis2Code: 'HA_NOI',
      name: expect.stringContaining('Hà Nội'),
      nameEn: expect.stringContaining('Hà Nội'),
    });
    // The table names what each code is, for people (issue 25, finding 9): a domain's data set by
    // its Vietnamese name and period type, an indicator by its name.
    const table = z
      .array(z.object({ kind: z.string(), code: z.string(), name: z.string(), nameEn: z.string() }))
      .parse((await app.inject({ method: 'GET', url: '/api/dhis2/ids', headers: auth })).json());
    const attt = table.find((x) => x.kind === 'dataset' && x.code === 'ATTT_QUARTERLY');
    expect(attt?.name).toMatch(/\(theo quý\)$/);
    expect(attt?.name).not.toContain('ATTT');
    expect(attt?.nameEn).toMatch(/\(Quarterly\)$/);
    expect(table.find((x) => x.kind === 'indicator' && x.code === 'VT.DOANH_THU')?.name).toMatch(
      /^Doanh thu/,
    );
    const clash = await app.inject({
      method: 'PUT',
      url: '/api/dhis2/ids',
      headers: auth,
      payload: [{ kind: 'unit', code: 'P79', uid: 'Hn2025Mrg01', dhis2Code: 'HCM' }],
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('DUPLICATE_DHIS2_ID');
    const anonymous = await app.inject({ method: 'PUT', url: '/api/dhis2/ids', payload: [] });
    expect(anonymous.statusCode).toBe(401);
    // DHIS2 tools send a token as `ApiToken …`.
    const asDhis2 = await app.inject({
      method: 'GET',
      url: `/api/dataValueSets?dataElement=${de('VT.DOANH_THU')}&period=202509&orgUnit=${ou('VN')}&children=true`,
      headers: { authorization: `ApiToken ${TOKEN}` },
    });
    expect(asDhis2.statusCode).toBe(200);
  });
});
