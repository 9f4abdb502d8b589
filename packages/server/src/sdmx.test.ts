import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareIndicator, createLogger, loadDemo, submitValues, systemCtx } from '@baocao/core';
import { type TestDatabase, createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

let db: TestDatabase;
let app: App;
const TOKEN = 'sdmx-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });
const FLOW = '/sdmx/rest/data/BAOCAO,DF_NGANH,1.0/NGANH-DOANH_THU+NGANH-LOI_NHUAN.VN';

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await loadDemo(sys);
  // A month not released: signed-in callers see it, the public does not.
  await submitValues(sys, {
    rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit: 'P01', period: '2025M09', value: 1234.5 }],
  });
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN, webRoot: null });
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('SDMX', () => {
  it('serves the structures as SDMX-ML 2.1: dataflows per domain, the DSD with its codelists and concepts', async () => {
    const flows = await get('/sdmx/rest/dataflow/all/all/latest');
    expect(flows.statusCode).toBe(200);
    expect(flows.headers['content-type']).toContain('application/vnd.sdmx.structure+xml');
    expect(flows.body).toContain('<str:Dataflow id="DF_NGANH"');
    const dsd = (await get('/sdmx/rest/datastructure/BAOCAO/DSD_BAOCAO/1.0?references=children')).body;
    for (const id of ['CL_INDICATOR', 'CL_AREA', 'CL_OBS_STATUS', 'CL_UNIT_MEASURE', 'CS_BAOCAO'])
      expect(dsd).toContain(`id="${id}"`);
    expect(dsd).toMatch(/<str:TimeDimension id="TIME_PERIOD"/);
    for (const a of ['OBS_STATUS', 'UNIT_MEASURE', 'UNIT_MULT', 'DECIMALS', 'COMMENT'])
      expect(dsd).toContain(`<str:Attribute id="${a}"`);
    // Units with their hierarchy: Hà Nội under the country.
    expect(dsd).toMatch(/<str:Code id="P01"[^>]*>.*?<str:Parent><Ref id="VN"\/><\/str:Parent><\/str:Code>/);
    const v2 = await get('/sdmx/rest/v2/structure/codelist/BAOCAO/CL_OBS_STATUS/1.0');
    expect(v2.body).toContain('<str:Code id="E"');
    expect((await get('/sdmx/rest/dataflow/BAOCAO/DF_KHONG_CO/latest')).statusCode).toBe(404);
  });

  it('answers data in every format with the figures compare computes, and released periods only to the public', async () => {
    const ctx = systemCtx(db);
    const expected = await compareIndicator(ctx, {
      indicator: 'NGANH.DOANH_THU',
      unit: 'VN',
      period: '2024M01-M08',
    });
    const generic = await get(FLOW, auth);
    expect(generic.headers['content-type']).toContain('genericdata+xml');
    expect(generic.body).toContain(
      `<gen:ObsDimension value="2024-01-01/P8M"/><gen:ObsValue value="${expected.value}"/><gen:Attributes><gen:Value id="OBS_STATUS" value="E"/>`,
    );
    // The 2023 base was worked back from the rate the report gave: derived, and marked so.
    expect(generic.body).toMatch(
      /value="2023-01-01\/P8M"\/><gen:ObsValue value="\d+"\/><gen:Attributes><gen:Value id="OBS_STATUS" value="DV"\/>/,
    );
    const ss = await get(FLOW, {
      ...auth,
      accept: 'application/vnd.sdmx.structurespecificdata+xml;version=2.1',
    });
    expect(ss.body).toContain(
      `<Obs TIME_PERIOD="2024-01-01/P8M" OBS_VALUE="${expected.value}" OBS_STATUS="E"`,
    );
    const json = (await get(`${FLOW}?format=jsondata`, auth)).json();
    const st = json.data.structures[0];
    const series = json.data.dataSets[0].series;
    const t = st.dimensions.observation[0].values.findIndex(
      (v: { value: string }) => v.value === '2024-01-01/P8M',
    );
    const i = st.dimensions.series[0].values.findIndex((v: { id: string }) => v.id === 'NGANH-DOANH_THU');
    expect(series[`${i}:0`].observations[String(t)][0]).toBe(expected.value);
    const csv = (
      await get(FLOW, { ...auth, accept: 'application/vnd.sdmx.data+csv;version=2.0.0' })
    ).body.split('\r\n');
    expect(csv[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,UNIT_MULT,DECIMALS,COMMENT',
    );
    const row = `dataflow,BAOCAO:DF_NGANH(1.0),I,NGANH-DOANH_THU,VN,2024-01-01/P8M,${expected.value},E,VND,9,0,`;
    expect(csv.some((l) => l.startsWith(row))).toBe(true);
    // Bounds, detail.
    expect((await get(`${FLOW}?startPeriod=2024`, auth)).body).not.toContain('2023-01-01/P8M');
    expect((await get(`${FLOW}?detail=serieskeysonly`, auth)).body).not.toContain('<gen:Obs>');
    // The public: released years yes, an unreleased month no.
    const mine = '/sdmx/rest/data/DF_VT/VT-DOANH_THU.P01?startPeriod=2025-09&endPeriod=2025-09';
    expect((await get(mine, auth)).body).toContain('<gen:ObsValue value="1234.5"/>');
    expect((await get(mine)).body).not.toContain('<gen:Obs>');
    expect((await get(FLOW)).body).toContain(`value="${expected.value}"`);
    expect((await get(`${FLOW}?format=xlsx`)).statusCode).toBe(406);
  });

  it('imports SDMX-CSV and SDMX-JSON through the validated, all-or-nothing path', async () => {
    const csv = [
      'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,COMMENT',
      'dataflow,BAOCAO:DF_VT(1.0),I,VT-DOANH_THU,P79,2025-09,3310.5,A,Sở báo cáo',
      'dataflow,BAOCAO:DF_VT(1.0),I,VT-DOANH_THU,P48,2025-Q3,8800,E,',
    ].join('\n');
    const post = (body: string, type: string) =>
      app.inject({
        method: 'POST',
        url: '/api/sdmx/data',
        headers: { ...auth, 'content-type': type },
        payload: body,
      });
    const ok = await post(csv, 'application/vnd.sdmx.data+csv');
    expect(ok.json()).toEqual({ imported: 2, updated: 0, ignored: 0, deleted: 0 });
    // What was imported reads back the same, in SDMX.
    const back = await get(
      '/sdmx/rest/data/DF_VT/VT-DOANH_THU.P79?startPeriod=2025-09&endPeriod=2025-09',
      auth,
    );
    expect(back.body).toContain(
      '<gen:ObsValue value="3310.5"/><gen:Attributes><gen:Value id="OBS_STATUS" value="A"/>',
    );
    const bad = await post(
      csv.replace('3310.5', '"3.310,5"').replace('2025-Q3', '2025-W40').replace(',A,', ',PA,'),
      'text/csv',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { row: number; code: string }) => [d.row, d.code])).toEqual([
      [1, 'INVALID_STATUS'],
      [1, 'INVALID_NUMBER'],
      [2, 'INVALID_PERIOD'],
    ]);
    const json = (
      await get('/sdmx/rest/data/DF_VT/VT-DOANH_THU.P79+P48?startPeriod=2025-07&format=jsondata', auth)
    ).body;
    const again = await post(json, 'application/vnd.sdmx.data+json');
    expect(again.json()).toEqual({ imported: 0, updated: 0, ignored: 2, deleted: 0 });
  });
});

const hasR = spawnSync('Rscript', ['--version']).status === 0;
// R's rsdmx, a client statisticians use, against the running server: on the PostgreSQL pass (CI
// installs r-cran-rsdmx; a machine without R skips it outside CI).
describe.skipIf(!process.env.BAOCAO_TEST_PG || (!hasR && !process.env.CI))('rsdmx reads baocao', () => {
  it('reads the dataflows, the data structure and a data query, with the numbers of baocao compare', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const script = join(mkdtempSync(join(tmpdir(), 'rsdmx-')), 'read.R');
    writeFileSync(
      script,
      `suppressMessages(library(rsdmx))
base <- Sys.getenv("BASE")
flows <- as.data.frame(readSDMX(paste0(base, "/sdmx/rest/dataflow/all/all/latest")))
cat("FLOWS", paste(flows$id, collapse = " "), "\\n")
dsd <- readSDMX(paste0(base, "/sdmx/rest/datastructure/BAOCAO/DSD_BAOCAO/1.0?references=children"))
cls <- slot(dsd, "codelists")
cat("CODELISTS", paste(sapply(slot(cls, "codelists"), function(x) slot(x, "id")), collapse = " "), "\\n")
comps <- slot(slot(slot(dsd, "datastructures"), "datastructures")[[1]], "Components")
cat("DIMENSIONS", paste(sapply(slot(comps, "Dimensions"), function(x) slot(x, "conceptRef")), collapse = " "), "\\n")
area <- as.data.frame(cls, codelistId = "CL_AREA")
cat("AREA", area[area$id == "P01", "name.vi"], "\\n")
ss <- as.data.frame(readSDMX(paste0(base, "${FLOW}?startPeriod=2023&format=structurespecificdata")))
cat("SS", paste(sort(ss$OBS_VALUE), collapse = " "), "\n")
data <- as.data.frame(readSDMX(paste0(base, "${FLOW}?startPeriod=2023")))
write.csv(data, stdout(), row.names = FALSE)
`,
    );
    // Asynchronously: the server answering R runs on this very thread.
    const { stdout: out } = await promisify(execFile)('Rscript', [script], {
      env: { ...process.env, BASE: base },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const line = (tag: string) => out.split('\n').find((l) => l.startsWith(tag))!;
    expect(line('FLOWS')).toContain('DF_NGANH');
    expect(line('CODELISTS').trim().split(' ').slice(1)).toEqual([
      'CL_INDICATOR',
      'CL_AREA',
      'CL_OBS_STATUS',
      'CL_UNIT_MEASURE',
    ]);
    expect(line('DIMENSIONS').trim()).toBe('DIMENSIONS INDICATOR REF_AREA');
    expect(line('AREA')).toContain('Hà Nội');
    const rows = out
      .slice(out.indexOf('"INDICATOR"'))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/"/g, '').split(','));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    // The structure-specific message reads to the same numbers as the generic one.
    const values = rows.map((r) => Number(r[6])).sort((a, b) => a - b);
    expect(
      line('SS')
        .trim()
        .split(' ')
        .slice(1)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(values);
    // Every number rsdmx read equals what `baocao compare --json` says for the same cell.
    const bin = fileURLToPath(new URL('../../cli/bin/baocao.js', import.meta.url));
    for (const [indicator, area, , , , time, value] of rows) {
      const m = /^(\d{4})-(\d{2})-01\/P(\d+)M$/.exec(time!)!;
      const period = `${m[1]}M${m[2]}-M${String(Number(m[2]) + Number(m[3]) - 1).padStart(2, '0')}`;
      const compared = JSON.parse(
        execFileSync(
          process.execPath,
          [
            bin,
            'compare',
            '--indicator',
            indicator!.replace('-', '.'),
            '--unit',
            area!,
            '--period',
            period,
            '--json',
          ],
          { env: { ...process.env, DATABASE_URL: db.url! }, encoding: 'utf8' },
        ),
      );
      expect(Number(value)).toBe(compared.value);
    }
  }, 180_000);
});
