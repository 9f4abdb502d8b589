// DHIS2's own behaviour (read from dhis2-core's importer and its test payloads, 2.37–2.43), on
// payloads written for our metadata: options in the body, API versions, CSV by header name,
// deletions, data set checks, id schemes, XML.
import { type Database, createLogger, initStore, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

let db: Database;
let app: App;
const TOKEN = 'dhis2-conformance-token-0123';
const auth = { authorization: `ApiToken ${TOKEN}` };
interface Meta {
  dataElements: { id: string; code: string }[];
  organisationUnits: { id: string; code: string; name: string }[];
  dataSets: {
    id: string;
    code: string;
    periodType: string;
    dataSetElements: { dataElement: { id: string } }[];
  }[];
}
let meta: Meta;
const de = (code: string) => meta.dataElements.find((d) => d.code === code)!.id;
const ou = (code: string) => meta.organisationUnits.find((o) => o.code === code)!.id;
const ds = (code: string) => meta.dataSets.find((d) => d.code === code)!.id;

const send = (url: string, payload: string | object, type = 'application/json') =>
  app.inject({
    method: 'POST',
    url,
    headers: { ...auth, 'content-type': type },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
/** The stored value of a cell, or null. */
const stored = async (indicator: string, unit: string, period: string) => {
  const r = await sql<{ v: string }>`
    select d.value::text as v from data_value d
    join indicator i on i.id = d.indicator_id join org_unit u on u.id = d.unit_id
    where i.code = ${indicator} and u.code = ${unit} and d.period = ${period}`.execute(db.k);
  return r.rows[0]?.v ?? null;
};
const audits = async (indicator: string, unit: string, period: string) =>
  (
    await sql<{ old: string | null; new: string | null }>`
      select a.old_value::text as old, a.new_value::text as new from value_audit a
      join indicator i on i.id = a.indicator_id join org_unit u on u.id = a.unit_id
      where i.code = ${indicator} and u.code = ${unit} and a.period = ${period} order by a.id`.execute(db.k)
  ).rows;

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

describe('DHIS2 import options and answers, per API version', () => {
  it('honours dryRun, the id schemes and the strategy sent in the body: a dry run writes nothing', async () => {
    const body = {
      dryRun: true,
      idScheme: 'CODE',
      dataValues: [{ dataElement: 'VT.DOANH_THU', period: '202601', orgUnit: 'P01', value: '410.5' }],
    };
    const dry = await send('/api/dataValueSets', body);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().response).toMatchObject({
      importOptions: { dryRun: true, idSchemes: { dataElementIdScheme: 'CODE', orgUnitIdScheme: 'CODE' } },
      importCount: { imported: 1 },
    });
    expect(await stored('VT.DOANH_THU', 'P01', '2026M01')).toBeNull();
    // The body's options win over the query's, as in DHIS2.
    const bodyWins = await send('/api/dataValueSets?dryRun=false', body);
    expect(bodyWins.json().response.importOptions.dryRun).toBe(true);
    expect(await stored('VT.DOANH_THU', 'P01', '2026M01')).toBeNull();
    // XML carries them as attributes of <dataValueSet>.
    const xml = `<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" dryRun="true" orgUnitIdScheme="CODE" dataElementIdScheme="CODE">
      <dataValue dataElement="VT.DOANH_THU" period="202601" orgUnit="P01" value="7"/></dataValueSet>`;
    expect(
      (await send('/api/dataValueSets', xml, 'application/xml')).json().response.importOptions.dryRun,
    ).toBe(true);
    expect(await stored('VT.DOANH_THU', 'P01', '2026M01')).toBeNull();
    const real = await send('/api/dataValueSets', { ...body, dryRun: false, strategy: 'CREATE' });
    expect(real.json().response).toMatchObject({ importOptions: { importStrategy: 'CREATE' } });
    expect(await stored('VT.DOANH_THU', 'P01', '2026M01')).toBe('410.5');
    const update = await send('/api/dataValueSets', { ...body, dryRun: false, strategy: 'UPDATE' });
    expect(update.json().response.importCount).toMatchObject({ ignored: 1 }); // unchanged
  });

  it('refuses a 5,000-deep body with 400, before any work', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const r = await send('/api/dataValueSets', `{"dataValues":[{"dataElement":${deep}}]}`);
    expect(r.statusCode).toBe(400);
    const r40 = await send('/api/40/dataValueSets', `{"dataValues":${deep}}`);
    expect(r40.statusCode).toBe(400);
  });

  it('answers a WebMessage from version 38 on (and unversioned), the bare summary up to 37', async () => {
    const ok = {
      dataValues: [{ dataElement: de('VT.DOANH_THU'), period: '202602', orgUnit: ou('P79'), value: '8' }],
    };
    const bad = {
      dataValues: [{ dataElement: 'zzNotAnUid1', period: '202602', orgUnit: ou('P79'), value: '8' }],
    };
    for (const v of ['40', '43', '38']) {
      const r = await send(`/api/${v}/dataValueSets?dryRun=true`, ok);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        httpStatus: 'OK',
        httpStatusCode: 200,
        status: 'OK',
        message: 'Import was successful.',
        response: { responseType: 'ImportSummary', status: 'SUCCESS' },
      });
      const c = await send(`/api/${v}/dataValueSets`, bad);
      expect(c.statusCode).toBe(409);
      expect(c.json()).toMatchObject({
        httpStatus: 'Conflict',
        httpStatusCode: 409,
        status: 'ERROR',
        response: { status: 'ERROR', conflicts: [{ errorCode: 'E8103' }] },
      });
    }
    const old = await send('/api/37/dataValueSets', bad);
    expect(old.statusCode).toBe(200);
    expect(old.json()).toMatchObject({ responseType: 'ImportSummary', status: 'ERROR' });
    expect(old.json().httpStatus).toBeUndefined();
    expect((await send('/api/99/dataValueSets', ok)).statusCode).toBe(404);
    expect((await send('/api/abc/dataValueSets', ok)).statusCode).toBe(404);
  });
});

describe('DHIS2 CSV and XML', () => {
  it('reads CSV columns by header name in any order, or by position without a header', async () => {
    const rows = [
      [de('VT.DOANH_THU'), '202603', ou('P01'), '11.5'],
      [de('VT.DOANH_THU'), '202603', ou('P79'), '12'],
    ];
    const shuffled =
      'Value,OrgUnit,comment,Period,storedby,DataElement,categoryoptioncombo\n' +
      rows.map(([d, p, o, v]) => `${v},${o},ghi chú,${p},tinh,${d},`).join('\n');
    const r = await send('/api/dataValueSets', shuffled, 'application/csv');
    expect(r.json().response.importCount).toMatchObject({ imported: 2 });
    expect(await stored('VT.DOANH_THU', 'P01', '2026M03')).toBe('11.5');
    // The same values, positionally (DHIS2 2.42 and older read a file with no header so).
    const positional = rows.map(
      ([d, p, o, v]) => `"${d}","${p}","${o}","","","${v}","tinh","2026-04-01","ghi chú","false"`,
    );
    const again = await send('/api/dataValueSets', positional.join('\n'), 'application/csv');
    expect(again.json().response.importCount).toMatchObject({ imported: 0, updated: 0, ignored: 2 });
    // A column DHIS2 would read as a category option: we keep no disaggregation, so it is refused by name.
    const extra = await send(
      '/api/dataValueSets',
      'dataelement,period,orgunit,value,Sex\nx,202603,y,1,F',
      'application/csv',
    );
    expect(extra.statusCode).toBe(400);
    expect(extra.json().messageEn).toContain('sex');
  });

  it('imports and exports DHIS2 XML (DXF2)', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" period="202604" orgUnit="${ou('P48')}">
  <dataValue dataElement="${de('VT.DOANH_THU')}" value="31.25" comment="Sơ bộ &amp; chưa duyệt"/>
  <dataValue dataElement="${de('BC.DOANH_THU')}" value="4"/>
</dataValueSet>`;
    const r = await send('/api/dataValueSets', xml, 'application/xml');
    expect(r.json().response).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2 } });
    const out = await app.inject({
      method: 'GET',
      url: `/api/dataValueSets.xml?dataElement=${de('VT.DOANH_THU')}&period=202604&orgUnit=${ou('P48')}`,
      headers: auth,
    });
    expect(out.headers['content-type']).toContain('application/xml');
    expect(out.body).toContain('<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">');
    expect(out.body).toContain('comment="Sơ bộ &amp; chưa duyệt"');
    // What we write, we read: sent back unchanged, nothing changes.
    const back = await send('/api/dataValueSets', out.body, 'text/xml');
    expect(back.json().response.importCount).toMatchObject({ imported: 0, ignored: 1 });
    for (const broken of [
      '<dataValueSet><dataValue',
      '<foo/>',
      '<!DOCTYPE x [<!ENTITY a "b">]><dataValueSet/>',
    ]) {
      const b = await send('/api/dataValueSets', broken, 'application/xml');
      expect(b.statusCode).toBe(400);
      expect(b.json().messageEn).toContain('E8007');
    }
  });
});

describe('DHIS2 deletions, follow-up, completion, data sets', () => {
  it('deletes values marked deleted (JSON, CSV, XML), audited, and counts them', async () => {
    const cell = (period: string) => ({ dataElement: de('CNTT.DOANH_THU'), period, orgUnit: ou('P01') });
    await send('/api/dataValueSets', {
      dataValues: ['202605', '202606', '202607'].map((p) => ({ ...cell(p), value: '9' })),
    });
    const json = await send('/api/dataValueSets', {
      dataValues: [
        { ...cell('202605'), value: '9', deleted: true },
        { ...cell('202608'), value: '10' },
      ],
    });
    expect(json.json().response.importCount).toEqual({ imported: 1, updated: 0, ignored: 0, deleted: 1 });
    expect(await stored('CNTT.DOANH_THU', 'P01', '2025M05')).toBeNull();
    expect(await stored('CNTT.DOANH_THU', 'P01', '2026M05')).toBeNull();
    expect((await audits('CNTT.DOANH_THU', 'P01', '2026M05')).at(-1)).toEqual({ old: '9', new: null });
    const csv = `dataelement,period,orgunit,value,deleted\n${de('CNTT.DOANH_THU')},202606,${ou('P01')},,true\n`;
    expect(
      (await send('/api/dataValueSets', csv, 'application/csv')).json().response.importCount,
    ).toMatchObject({
      deleted: 1,
    });
    expect(await stored('CNTT.DOANH_THU', 'P01', '2026M06')).toBeNull();
    const xml = `<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"><dataValue dataElement="${de('CNTT.DOANH_THU')}" period="202607" orgUnit="${ou('P01')}" deleted="true"/></dataValueSet>`;
    expect(
      (await send('/api/dataValueSets', xml, 'application/xml')).json().response.importCount,
    ).toMatchObject({
      deleted: 1,
    });
    expect(await stored('CNTT.DOANH_THU', 'P01', '2026M07')).toBeNull();
    // Deleting what is not there is ignored, as in DHIS2.
    const none = await send('/api/dataValueSets', { dataValues: [{ ...cell('202607'), deleted: true }] });
    expect(none.json().response.importCount).toMatchObject({ deleted: 0, ignored: 1 });
  });

  it('keeps the follow-up mark on the value as DHIS2 does: set, cleared, exported, audited, gone with the value', async () => {
    const cell = { dataElement: de('VT.DOANH_THU'), period: '202611', orgUnit: ou('P79') };
    const exported = async (format = '') => {
      const r = await app.inject({
        method: 'GET',
        url: `/api/dataValueSets${format}?dataElement=${cell.dataElement}&period=202611&orgUnit=${cell.orgUnit}`,
        headers: auth,
      });
      return format ? r.body : r.json().dataValues;
    };
    // A dry run sets nothing.
    await send('/api/dataValueSets?dryRun=true', { dataValues: [{ ...cell, value: '12', followUp: true }] });
    expect(await stored('VT.DOANH_THU', 'P79', '2026M11')).toBeNull();
    const marked = await send('/api/dataValueSets', {
      dataValues: [{ ...cell, value: '12', followUp: true }],
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().response.importCount).toMatchObject({ imported: 1 });
    expect(await exported()).toMatchObject([{ value: '12', followup: true }]);
    expect(await exported('.csv')).toMatch(/,12,[^\n]*,true,false\r?\n$/);
    expect(await exported('.xml')).toContain('followUp="true"');
    // Sent again without the mark (DHIS2 writes the mark the value carries): cleared.
    await send('/api/dataValueSets', { dataValues: [{ ...cell, value: '12' }] });
    expect(await exported()).toMatchObject([{ followup: false }]);
    // DHIS2's CSV column and XML attribute set it too (exports write `followup`).
    const csv = `dataelement,period,orgunit,value,followup\n${cell.dataElement},202611,${cell.orgUnit},13,true\n`;
    await send('/api/dataValueSets', csv, 'application/csv');
    expect(await exported()).toMatchObject([{ value: '13', followup: true }]);
    const trail = await sql<{ action: string; old: boolean; new: boolean; reason: string }>`
      select action, old_data::boolean as old, new_data::boolean as new, reason from audit_log
      where entity = 'value_followup' and entity_key = 'VT.DOANH_THU/P79/2026M11' order by id`.execute(db.k);
    expect(trail.rows).toEqual([
      { action: 'mark', old: false, new: true, reason: 'dhis2' },
      { action: 'unmark', old: true, new: false, reason: 'dhis2' },
      { action: 'mark', old: false, new: true, reason: 'dhis2' },
    ]);
    // The mark belongs to its value: deleting the value removes it.
    await send('/api/dataValueSets', { dataValues: [{ ...cell, deleted: true }] });
    const left = await sql<{ n: number }>`select count(*)::int as n from value_followup`.execute(db.k);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('reads and checks completeDate as DHIS2 2.43 does, and says it records no completion', async () => {
    const v = { dataElement: de('VT.DOANH_THU'), value: '7' };
    const set = { dataSet: ds('VT'), period: '202608', orgUnit: ou('P01'), completeDate: '2027-01-05' };
    const done = await send('/api/dataValueSets', { ...set, dataValues: [v] });
    expect(done.statusCode).toBe(200);
    expect(done.json().response).toMatchObject({ status: 'SUCCESS', dataSetComplete: 'false' });
    expect(done.json().response.description).toContain('completeDate');
    expect(await stored('VT.DOANH_THU', 'P01', '2026M08')).toBe('7');
    // Without the data set, org unit and period at the set level: E8009, nothing written.
    const codes = async (body: object) =>
      (await send('/api/dataValueSets', body))
        .json()
        .response.conflicts.map((c: { errorCode: string }) => c.errorCode);
    const each = { ...v, period: '202608', orgUnit: ou('P79'), value: '8' };
    expect(await codes({ completeDate: '2027-01-05', dataValues: [each] })).toEqual(['E8009']);
    expect(await codes({ dataSet: ds('VT'), completeDate: '2027-01-05', dataValues: [each] })).toEqual([
      'E8009',
    ]);
    expect(await stored('VT.DOANH_THU', 'P79', '2026M08')).toBeNull();
    // An empty completeDate is none, as in DHIS2.
    expect(await codes({ completeDate: '', dataValues: [each] })).toEqual([]);
  });

  it('checks the data set', async () => {
    const v = { dataElement: de('VT.DOANH_THU'), period: '202609', orgUnit: ou('P01'), value: '5' };
    const conflictsOf = async (set: object) =>
      (await send('/api/dataValueSets', set))
        .json()
        .response.conflicts.map((c: { errorCode: string }) => c.errorCode);
    expect(await conflictsOf({ dataSet: 'not-a-uid!', dataValues: [v] })).toEqual(['E8004']);
    expect(await conflictsOf({ dataSet: 'Zz345678901', dataValues: [v] })).toEqual(['E8005']);
    // An element of another domain; a quarter in the monthly set.
    expect(
      await conflictsOf({
        dataSet: ds('VT'),
        dataValues: [v, { ...v, dataElement: de('ATTT.TAN_CONG_MANG'), value: '1' }],
      }),
    ).toEqual(['E8020']);
    expect(await conflictsOf({ dataSet: ds('VT'), dataValues: [{ ...v, period: '2026Q3' }] })).toEqual([
      'E8021',
    ]);
    expect(
      await conflictsOf({ dataSet: ds('VT_QUARTERLY'), dataValues: [{ ...v, period: '2026Q3' }] }),
    ).toEqual([]);
    expect(await conflictsOf({ completeDate: '2026-13-45x', dataValues: [v] })).toEqual(['E8008']);
    // Every data set says its period type, and one exists per type we can carry.
    const vt = meta.dataSets.filter((d) => d.code.startsWith('VT'));
    expect(vt.map((d) => d.periodType).sort()).toEqual([
      'BiMonthly',
      'Monthly',
      'Quarterly',
      'SixMonthly',
      'Yearly',
    ]);
    // A data set's export gives its period type only.
    const q = await app.inject({
      method: 'GET',
      url: `/api/dataValueSets?dataSet=${ds('VT_QUARTERLY')}&startDate=2026-07-01&endDate=2026-09-30&orgUnit=${ou('P01')}`,
      headers: auth,
    });
    expect(q.json().dataValues.map((x: { period: string }) => x.period)).toEqual(['2026Q3']);
  });

  it('reads filters in the input scheme and writes the output scheme; a shared name is a conflict naming both', async () => {
    const byName = new Map<string, string[]>();
    for (const o of meta.organisationUnits) byName.set(o.name, [...(byName.get(o.name) ?? []), o.code]);
    const [shared, codes] = [...byName].find(([, c]) => c.length > 1)!;
    const r = await send('/api/dataValueSets?orgUnitIdScheme=NAME&dataElementIdScheme=CODE', {
      dataValues: [{ dataElement: 'VT.DOANH_THU', period: '202610', orgUnit: shared, value: '3' }],
    });
    expect(r.statusCode).toBe(409);
    const [c] = r.json().response.conflicts;
    expect(c).toMatchObject({ errorCode: 'AMBIGUOUS_NAME', property: 'orgUnit', object: shared });
    for (const code of codes) expect(c.valueEn).toContain(code);
    expect(c.valueEn).not.toMatch(/[À-ỹ]/u); // English, no Vietnamese letters
    // Filters by UID (the input scheme's default), answer by code.
    const out = await app.inject({
      method: 'GET',
      url: `/api/dataValueSets?dataElement=${de('VT.DOANH_THU')}&period=202601&orgUnit=${ou('P01')}&idScheme=CODE`,
      headers: auth,
    });
    expect(out.json().dataValues).toMatchObject([
      { dataElement: 'VT.DOANH_THU', orgUnit: 'P01', period: '202601' },
    ]);
    // Filters by code when told so, answer by UID.
    const codesIn = await app.inject({
      method: 'GET',
      url: '/api/dataValueSets?dataElement=VT.DOANH_THU&period=202601&orgUnit=P01&inputIdScheme=CODE',
      headers: auth,
    });
    expect(codesIn.json().dataValues).toMatchObject([
      { dataElement: de('VT.DOANH_THU'), orgUnit: ou('P01') },
    ]);
    // An unknown filter answers in plain English.
    const unknown = await app.inject({
      method: 'GET',
      url: `/api/dataValueSets?dataSet=Zz345678901&period=202601&orgUnit=${ou('P01')}`,
      headers: auth,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().messageEn).toBe('No data set "Zz345678901"');
  });
});
