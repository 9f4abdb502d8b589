import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { importValues } from '../imports/imports.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { countValues, submitValues } from '../values/values.ts';
import { checkOutliers } from './outlier-check.ts';
import { clearValueRange, listValueRanges, setValueRange } from './ranges.ts';

let db: Database;
let sys: Ctx;
let officer: Ctx;
let reporter: Ctx;

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
  const graph = await loadUnitGraph(db.k);
  officer = { ...sys, actor: { username: 'officer', role: 'officer', unitId: null } };
  reporter = { ...sys, actor: { username: 'rep', role: 'reporter', unitId: graph.byCode.get('P48')!.id } };
}, 300_000);
afterAll(() => db.close());

const csv = (rows: string[]) => Buffer.from(['indicator,unit,period,value,status', ...rows].join('\n'));

describe('the hard upper bound: subscriptions ≤ k × population', () => {
  it('refuses 999.999.999.999 mobile-broadband subscribers for Đà Nẵng in an upload, naming row, field and why', async () => {
    const before = await countValues(sys);
    const err = await importValues(officer, {
      data: csv([
        'VT.THUE_BAO_BRDD,P48,2025M08,2500000,official',
        'VT.THUE_BAO_BRDD,P48,2025M09,999999999999,official',
      ]),
      filename: 'brdd.csv',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(err).toHaveProperty('details', [
      {
        row: 3,
        field: 'value',
        code: 'OVER_POPULATION_BOUND',
        message:
          'Dòng 3: 999.999.999.999 vượt giới hạn của VT.THUE_BAO_BRDD tại Thành phố Đà Nẵng: tối đa 3 × dân số 3.065.628 = 9.196.884',
        messageEn:
          'Row 3: 999,999,999,999 is over the bound of VT.THUE_BAO_BRDD in Thành phố Đà Nẵng: at most 3 × population 3,065,628 = 9,196,884',
      },
    ]);
    expect(await countValues(sys)).toEqual(before); // all or nothing
  });

  it('refuses it through the API path and for the Đà Nẵng before the merger (bounded by its successor)', async () => {
    await expect(
      submitValues(officer, {
        rows: [
          {
            row: 1,
            indicator: 'VT.THUE_BAO_BRDD',
            unit: 'P48_CU',
            period: '2024M09',
            value: 999999999999,
            status: 'official',
          },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ code: 'OVER_POPULATION_BOUND', row: 1 }],
    });
    // The national figure is bounded by the provinces' sum, a value under it is taken.
    await expect(
      submitValues(officer, {
        rows: [
          {
            row: 1,
            indicator: 'VT.THUE_BAO_BRDD',
            unit: 'P48',
            period: '2025M08',
            value: 2_500_000,
            status: 'official',
          },
        ],
      }),
    ).resolves.toMatchObject({ inserted: 1 });
  });
});

describe('ranges an administrator sets per indicator and unit', () => {
  it('is theirs to set, audited; a reporter may not', async () => {
    await expect(
      setValueRange(reporter, { indicator: 'VT.DOANH_THU', unit: 'P48', min: 100, max: 900 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      setValueRange(officer, { indicator: 'VT.DOANH_THU', unit: 'P48', min: 900, max: 100 }),
    ).rejects.toThrow('Giá trị nhỏ nhất lớn hơn giá trị lớn nhất');
    const set = await setValueRange(officer, {
      indicator: 'VT.DOANH_THU',
      unit: 'P48',
      min: 100,
      max: 900,
      reason: 'doanh thu tháng 2024',
    });
    expect(set).toMatchObject({
      indicator: 'VT.DOANH_THU',
      unit: 'P48',
      min: 100,
      max: 900,
      hard: false,
      setBy: 'officer',
    });
    const audit = await db.k
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'value_range')
      .execute();
    expect(audit.map((a) => [a.entity_key, a.action, a.actor])).toEqual([
      ['VT.DOANH_THU/P48', 'create', 'officer'],
    ]);
  });

  it('a soft range flags a value outside it; a hard one refuses it at entry', async () => {
    const flags = await checkOutliers(officer, {
      unit: 'P48',
      period: '2025M09',
      values: [{ indicator: 'VT.DOANH_THU', value: 1200 }],
    });
    expect(flags).toEqual([
      expect.objectContaining({
        indicator: 'VT.DOANH_THU',
        code: 'OUTSIDE_RANGE',
        severity: 'warning',
        vi: '1.200 nằm ngoài khoảng 100 – 900 quản trị viên đặt cho Thành phố Đà Nẵng',
      }),
    ]);
    expect(
      await checkOutliers(officer, {
        unit: 'P48',
        period: '2025M09',
        values: [{ indicator: 'VT.DOANH_THU', value: 850 }],
      }),
    ).toEqual([]);
    await expect(
      submitValues(officer, {
        rows: [
          {
            row: 1,
            indicator: 'VT.DOANH_THU',
            unit: 'P48',
            period: '2025M09',
            value: 1200,
            status: 'official',
          },
        ],
      }),
    ).resolves.toMatchObject({ inserted: 1 });
    await setValueRange(officer, { indicator: 'VT.DOANH_THU', unit: 'P48', min: 100, max: 900, hard: true });
    await expect(
      submitValues(officer, {
        rows: [
          {
            row: 1,
            indicator: 'VT.DOANH_THU',
            unit: 'P48',
            period: '2025M08',
            value: 1200,
            status: 'official',
          },
        ],
      }),
    ).rejects.toMatchObject({
      details: [
        {
          row: 1,
          field: 'value',
          code: 'OUTSIDE_RANGE',
          message:
            'Dòng 1: 1.200 nằm ngoài khoảng 100 – 900 quản trị viên đặt cho VT.DOANH_THU tại Thành phố Đà Nẵng',
        },
      ],
    });
    await clearValueRange(officer, { indicator: 'VT.DOANH_THU', unit: 'P48' });
    expect(await listValueRanges(officer)).toEqual([]);
    await expect(clearValueRange(officer, { indicator: 'VT.DOANH_THU', unit: 'P48' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
