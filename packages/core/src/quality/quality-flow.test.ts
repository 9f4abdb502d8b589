import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { getForm, importFormFile, saveForm } from '../forms/forms.ts';
import { approveForm } from '../forms/review.ts';
import { importValues } from '../imports/imports.ts';
import { parsePeriod } from '../periods/period.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { releasePeriod } from '../releases/release-period.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph, unitCovers } from '../units/unit-graph.ts';
import { countValues } from '../values/values.ts';
import { SEED_RULES } from './rule-seeds.ts';
import { saveRule } from './rules.ts';
import { exportValidationAnalysis, validationAnalysis } from './validation-analysis.ts';

let db: Database;
let sys: Ctx;
let officer: Ctx;
let deptReporter: Ctx;
let dnReporter: Ctx;
let provinces: string[];
const P = '2025M08';
const DEPT = { unit: 'BO.VKHTC', period: P };
const DN = { unit: 'P48', period: P };
const csv = (lines: string[]) => Buffer.from(['indicator,unit,period,value,status', ...lines].join('\n'));
const PROFIT_RULE = 'Lợi nhuận toàn ngành không vượt doanh thu';

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
  const graph = await loadUnitGraph(db.k);
  const actor = (username: string, role: 'reporter' | 'officer', unit: string | null) => ({
    ...sys,
    actor: { username, role, unitId: unit ? graph.byCode.get(unit)!.id : null },
  });
  officer = actor('officer', 'officer', null);
  deptReporter = actor('kh-tc', 'reporter', 'BO.VKHTC');
  dnReporter = actor('danang', 'reporter', 'P48');
  provinces = [...graph.byId.values()]
    .filter((u) => u.kind === 'province' && unitCovers(u, parsePeriod('2025M10')))
    .map((u) => u.code)
    .sort();
  await openReportingPeriod(officer, { period: P });
  await importValues(sys, {
    data: csv(['VT.THUE_BAO_DI_DONG,P48,2025M07,3000000,official']),
    filename: 'm7.csv',
  });
}, 180_000);
afterAll(() => db.close());

describe('rules at submit', () => {
  it('refuses profit above revenue, naming the row, the cell and the rule; a draft keeps the verdict beside the cell', async () => {
    const values = [
      { indicator: 'NGANH.DOANH_THU', value: 1000 },
      { indicator: 'NGANH.LOI_NHUAN', value: 1200 },
    ];
    const e = await saveForm(deptReporter, { ...DEPT, values, submit: true }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'RULE_VIOLATION',
      details: [
        {
          row: 2,
          field: 'NGANH.LOI_NHUAN',
          code: 'RULE_VIOLATION',
          message: expect.stringContaining(PROFIT_RULE),
        },
      ],
    });
    const draft = await saveForm(deptReporter, { ...DEPT, values });
    expect(draft.status).toBe('draft');
    const profit = draft.rows.find((r) => r.indicator === 'NGANH.LOI_NHUAN')!;
    expect(profit.flags).toMatchObject([
      {
        code: 'NGANH.LOI_NHUAN_LE_DOANH_THU',
        severity: 'error',
        source: 'rule',
        ref: 'rule:NGANH.LOI_NHUAN_LE_DOANH_THU@1',
      },
    ]);
    expect(profit.flags[0]!.vi).toBe(`${PROFIT_RULE}: không đạt 1.200 ≤ 1.000`);
    expect(draft.rows.find((r) => r.indicator === 'NGANH.DOANH_THU')!.flags).toEqual([]);
    const fixed = await saveForm(deptReporter, {
      ...DEPT,
      values: [values[0]!, { indicator: 'NGANH.LOI_NHUAN', value: 300 }],
      submit: true,
    });
    expect(fixed.status).toBe('submitted');
    expect(fixed.rows.flatMap((r) => r.flags)).toEqual([]);
  });

  it('asks for an explanation of a value a warning rule flags, keeps it with the value for the reviewer', async () => {
    const values = [{ indicator: 'VT.THUE_BAO_DI_DONG', value: 1_500_000 }];
    await expect(saveForm(dnReporter, { ...DN, values, submit: true })).rejects.toMatchObject({
      code: 'EXPLANATION_REQUIRED',
      details: [
        {
          row: 1,
          field: 'VT.THUE_BAO_DI_DONG',
          code: 'EXPLANATION_REQUIRED',
          message: expect.stringContaining('cần giải trình'),
        },
      ],
    });
    const why = 'Thu hồi 1,5 triệu thuê bao SIM rác theo đợt rà soát tháng 8';
    const sent = await saveForm(dnReporter, {
      ...DN,
      values: [{ ...values[0]!, explanation: why }],
      submit: true,
    });
    expect(sent.status).toBe('submitted');
    const seen = (await getForm(officer, DN)).rows.find((r) => r.indicator === 'VT.THUE_BAO_DI_DONG')!;
    expect(seen).toMatchObject({
      explanation: why,
      flags: [{ code: 'VT.DI_DONG_GIAM_30', severity: 'warning' }],
    });
  });
});

describe('rules at approval', () => {
  it('refuses to approve a flagged value until the reviewer acknowledges it; both steps audited', async () => {
    await expect(approveForm(officer, DN)).rejects.toMatchObject({
      code: 'ACKNOWLEDGEMENT_REQUIRED',
      details: [{ field: 'VT.THUE_BAO_DI_DONG' }],
    });
    await expect(approveForm(officer, { ...DN, acknowledge: ['VT.THUE_BAO_BRDD'] })).rejects.toMatchObject({
      code: 'ACKNOWLEDGEMENT_REQUIRED',
    });
    expect((await getForm(officer, DN)).status).toBe('submitted');
    const ok = await approveForm(officer, { ...DN, acknowledge: ['VT.THUE_BAO_DI_DONG'] });
    expect(ok.status).toBe('approved');
    const audit = await db.k
      .selectFrom('audit_log')
      .select(['action', 'actor', 'reason', 'new_data'])
      .where('entity', '=', 'submission')
      .where('entity_key', '=', 'P48/2025M08')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['submit', 'acknowledge', 'approve']);
    expect(audit[0]!.new_data).toMatchObject([
      { indicator: 'VT.THUE_BAO_DI_DONG', explanation: expect.any(String) },
    ]);
    expect(audit[1]).toMatchObject({
      actor: 'officer',
      reason: 'Tôi đã kiểm tra giá trị bất thường',
      new_data: [{ indicator: 'VT.THUE_BAO_DI_DONG', flag: 'rule:VT.DI_DONG_GIAM_30@1' }],
    });
    // Validation analysis shows the approved value's verdict with the reporter's explanation.
    const analysis = await validationAnalysis(officer, { period: P, unit: 'P48' });
    expect(analysis.violations).toMatchObject([
      { unit: 'P48', rule: 'VT.DI_DONG_GIAM_30', explanation: expect.stringContaining('SIM rác') },
    ]);
    const csvFile = (await exportValidationAnalysis(officer, { period: P, unit: 'P48' })).toString('utf8');
    expect(csvFile).toContain('Giải trình');
    expect(csvFile).toContain('SIM rác');
  });
});

describe('rules on import', () => {
  it('refuses profit above revenue with the row, the field and the rule, writing nothing', async () => {
    const before = await countValues(sys);
    const e = await importValues(sys, {
      data: csv([
        'NGANH.DOANH_THU,BO.CVT,2025M08,500,official',
        'NGANH.LOI_NHUAN,BO.CVT,2025M08,650,official',
      ]),
      filename: 'cvt.csv',
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { row: 3, field: 'value', code: 'RULE_VIOLATION', message: expect.stringContaining(PROFIT_RULE) },
      ],
    });
    expect(await countValues(sys)).toEqual(before);
  });

  it('refuses a form file breaking an error rule (row, cell, rule name) and keeps no draft of it', async () => {
    const graph = await loadUnitGraph(db.k);
    const cvt = {
      ...sys,
      actor: { username: 'cvt', role: 'reporter' as const, unitId: graph.byCode.get('BO.CVT')!.id },
    };
    const key = { unit: 'BO.CVT', period: P };
    const file = (profit: number) =>
      csv([
        'NGANH.DOANH_THU,BO.CVT,2025M08,500,official',
        `NGANH.LOI_NHUAN,BO.CVT,2025M08,${profit},official`,
      ]);
    const e = await importFormFile(cvt, { ...key, data: file(650), filename: 'bieu-mau.csv' }).catch(
      (x: unknown) => x,
    );
    expect(e).toMatchObject({
      code: 'RULE_VIOLATION',
      details: [
        {
          row: 3,
          field: 'NGANH.LOI_NHUAN',
          code: 'RULE_VIOLATION',
          message: expect.stringMatching(new RegExp(`^Dòng 3: NGANH.LOI_NHUAN: ${PROFIT_RULE}`)),
        },
      ],
    });
    const after = await getForm(cvt, key);
    expect(after.rows.filter((r) => r.value !== null)).toEqual([]);
    // The same file with profit below revenue is saved as a draft.
    const ok = await importFormFile(cvt, { ...key, data: file(300), filename: 'bieu-mau.csv' });
    expect(ok.rows.find((r) => r.indicator === 'NGANH.LOI_NHUAN')?.value).toBe(300);
  });
});

describe('validation analysis and release', () => {
  it('lists exactly the violations planted among the 34 provinces, filters and exports them', async () => {
    expect(provinces).toHaveLength(34);
    const drop = new Set([provinces[3], provinces[17], provinces[30]]);
    const broadband = new Set([provinces[8], provinces[21]]);
    const lines: string[] = [];
    provinces.forEach((u, i) => {
      const sep = 1_000_000 + i * 37_000;
      // An honest fall of exactly 30% (province 5) is within the rule.
      const oct = drop.has(u) ? Math.round(sep * 0.55) : i === 5 ? sep * 0.7 : sep + 2_000;
      const brdd = broadband.has(u) ? Math.round(oct * 1.15) : Math.round(oct * 0.7);
      lines.push(
        `VT.THUE_BAO_DI_DONG,${u},2025M09,${sep},official`,
        `VT.THUE_BAO_BRDD,${u},2025M09,${Math.round(sep * 0.7)},official`,
      );
      lines.push(
        `VT.THUE_BAO_DI_DONG,${u},2025M10,${oct},official`,
        `VT.THUE_BAO_BRDD,${u},2025M10,${brdd},official`,
      );
    });
    const imported = await importValues(sys, { data: csv(lines), filename: 'p34.csv' });
    expect(imported.rows).toBe(136);
    expect(imported.warnings.filter((w) => w.code === 'RULE_WARNING')).toHaveLength(5);
    const a = await validationAnalysis(officer, { period: '2025M10' });
    const found = a.violations.map((v) => [v.unit, v.rule]).sort();
    const planted = [
      ...[...drop].map((u) => [u, 'VT.DI_DONG_GIAM_30']),
      ...[...broadband].map((u) => [u, 'VT.BRDD_LE_DI_DONG']),
    ].sort();
    expect(found).toEqual(planted);
    expect(a.counts).toEqual({ error: 0, warning: 5, units: 5 });
    const onlyDrops = await validationAnalysis(officer, { period: '2025M10', rule: 'VT.DI_DONG_GIAM_30' });
    expect(onlyDrops.violations.map((v) => v.unit).sort()).toEqual([...drop].sort());
    expect(
      (await validationAnalysis(officer, { period: '2025M10', importance: 'error' })).violations,
    ).toEqual([]);
    const one = await validationAnalysis(officer, { period: '2025M10', unit: provinces[8] });
    expect(one.violations.map((v) => v.rule)).toEqual(['VT.BRDD_LE_DI_DONG']);
    await expect(validationAnalysis(dnReporter, { period: '2025M10' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const file = (await exportValidationAnalysis(officer, { period: '2025M10' })).toString('utf8');
    const rows = file.trim().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toContain('Mã quy tắc');
    expect(rows.filter((r) => r.includes('VT.DI_DONG_GIAM_30'))).toHaveLength(3);
  });

  it('refuses a release while an error rule is broken, and allows it with a reason, audited', async () => {
    // Data stored while the rule was switched off, then the rule switched on again: release finds it.
    const rule = SEED_RULES.find((r) => r.code === 'NGANH.LOI_NHUAN_LE_DOANH_THU')!;
    await saveRule(sys, { ...rule, active: false }, { reason: 'tạm tắt' });
    await importValues(sys, {
      data: csv([
        'NGANH.DOANH_THU,BO.CVT,2025M06,500,official',
        'NGANH.LOI_NHUAN,BO.CVT,2025M06,650,official',
      ]),
      filename: 'cvt6.csv',
    });
    await saveRule(sys, { ...rule, active: true }, { reason: 'bật lại' });
    const e = await releasePeriod(officer, { period: '2025M06' }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'RULE_ERRORS',
      status: 409,
      details: [
        { field: 'NGANH.LOI_NHUAN', code: 'RULE_VIOLATION', message: expect.stringContaining(PROFIT_RULE) },
      ],
    });
    await expect(releasePeriod(officer, { period: '2025M06', force: true })).rejects.toMatchObject({
      code: 'RULE_ERRORS',
    });
    const done = await releasePeriod(officer, {
      period: '2025M06',
      force: true,
      reason: 'Cục Viễn thông xác nhận số liệu',
    });
    expect(done.ruleErrors).toBe(1);
    const audit = await db.k
      .selectFrom('audit_log')
      .select(['action', 'actor', 'reason', 'new_data'])
      .where('entity', '=', 'data_release')
      .where('entity_key', '=', '2025M06')
      .execute();
    expect(audit).toMatchObject([
      {
        action: 'release_with_errors',
        actor: 'officer',
        reason: 'Cục Viễn thông xác nhận số liệu',
        new_data: { ruleErrors: [{ unit: 'BO.CVT', rule: 'NGANH.LOI_NHUAN_LE_DOANH_THU', version: 3 }] },
      },
    ]);
  });
});
