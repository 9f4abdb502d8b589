import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicator } from '../compare/compare.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { buildTemplate } from './template.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { countValues, submitValues } from '../values/values.ts';
import { getForm, importFormFile, listMyForms, saveForm } from './forms.ts';
import { defaultDueOn, openReportingPeriod } from '../periods/reporting-periods.ts';
import { approveForm, remindUnits, returnForm, submissionBoard, unlockForm } from './review.ts';

let db: Database;
let sys: Ctx;
let reporter: Ctx;
let officer: Ctx;
const KEY = { unit: 'P48', period: '2025M09' };

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
  const graph = await loadUnitGraph(db.k);
  reporter = {
    ...sys,
    actor: { username: 'reporter-danang', role: 'reporter', unitId: graph.byCode.get('P48')!.id },
  };
  officer = { ...sys, actor: { username: 'officer', role: 'officer', unitId: null } };
  await submitValues(sys, {
    rows: [
      {
        row: 1,
        indicator: 'VT.DOANH_THU',
        unit: 'P48_CU',
        period: '2024M09',
        value: 800,
        status: 'official',
      },
    ],
  });
});
afterAll(() => db.close());

const stored = (period = KEY.period) =>
  compareIndicator(officer, { indicator: 'VT.DOANH_THU', unit: 'P48', period }).then((c) => c.value);

describe('unit forms: draft, submit, return, resubmit, approve, unlock', () => {
  it('refuses a form for a period that is not open', async () => {
    await expect(getForm(reporter, KEY)).rejects.toMatchObject({ code: 'FORM_NOT_OPEN' });
  });

  it('opens a period with the Thông tư 02/2023 deadline and lists it in My forms', async () => {
    expect(defaultDueOn('2025M09')).toBe('2025-10-15');
    expect(defaultDueOn('2025Q4')).toBe('2026-01-15');
    await expect(openReportingPeriod(reporter, { period: '2025M09' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await openReportingPeriod(officer, { period: '2025M09' });
    const mine = await listMyForms(reporter);
    expect(mine.map((f) => [f.unit, f.period, f.dueOn, f.status, f.late])).toEqual([
      ['P48', '2025M09', '2025-10-15', 'missing', true],
    ]);
    const form = await getForm(reporter, KEY);
    expect(form.rows.map((r) => r.indicator)).toContain('VT.DOANH_THU');
    expect(form.rows.find((r) => r.indicator === 'VT.DOANH_THU')?.lastYear).toEqual({
      period: '2024M09',
      value: 800,
    });
  });

  it('keeps a reporter to their own unit', async () => {
    await expect(getForm(reporter, { unit: 'P01', period: '2025M09' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      saveForm(reporter, {
        unit: 'P01',
        period: '2025M09',
        values: [{ indicator: 'VT.DOANH_THU', value: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('rejects a bad value with its row and field, saving nothing', async () => {
    const bad = saveForm(reporter, {
      ...KEY,
      values: [
        { indicator: 'VT.DOANH_THU', value: '1050' },
        { indicator: 'BC.DOANH_THU', value: 'abc' },
        { indicator: 'NGANH.DOANH_THU', value: 5 },
      ],
    });
    await expect(bad).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        expect.objectContaining({ row: 2, field: 'value', code: 'NOT_A_NUMBER' }),
        expect.objectContaining({ row: 3, field: 'indicator', code: 'NOT_ON_FORM' }),
      ],
    });
    expect((await getForm(reporter, KEY)).status).toBe('missing');
  });

  it('saves a draft that reaches no statistics until approved', async () => {
    const f = await saveForm(reporter, { ...KEY, values: [{ indicator: 'VT.DOANH_THU', value: '1050' }] });
    expect(f.status).toBe('draft');
    expect(f.rows.find((r) => r.indicator === 'VT.DOANH_THU')?.value).toBe(1050);
    expect(await stored()).toBeNull();
  });

  it('submits, is returned with a comment, resubmits, is approved and locked', async () => {
    await expect(saveForm(reporter, { ...KEY, values: [], submit: true })).rejects.toMatchObject({
      code: 'EMPTY_FORM',
    });
    const sent = await saveForm(reporter, {
      ...KEY,
      values: [{ indicator: 'VT.DOANH_THU', value: 1050 }],
      submit: true,
    });
    expect(sent).toMatchObject({ status: 'submitted', submittedBy: 'reporter-danang' });
    await expect(
      saveForm(reporter, { ...KEY, values: [{ indicator: 'VT.DOANH_THU', value: 1 }] }),
    ).rejects.toMatchObject({
      code: 'FORM_SUBMITTED',
    });
    await expect(returnForm(reporter, { ...KEY, comment: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(returnForm(officer, { ...KEY, comment: ' ' })).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    const back = await returnForm(officer, { ...KEY, comment: 'Doanh thu viễn thông chưa gồm VNPT' });
    expect(back).toMatchObject({ status: 'returned', comment: 'Doanh thu viễn thông chưa gồm VNPT' });
    expect(back.reviewedBy).toBe('officer');
    expect(back.reviewedAt).not.toBeNull();
    const again = await saveForm(reporter, {
      ...KEY,
      values: [{ indicator: 'VT.DOANH_THU', value: 1120 }],
      submit: true,
    });
    // Sent again: the return is history, not "reviewed by … at …" on the new sending (issue 25, 17).
    expect(again).toMatchObject({
      status: 'submitted',
      reviewedAt: null,
      reviewedBy: null,
      reviewedByName: null,
    });
    expect(await stored()).toBeNull();
    const ok = await approveForm(officer, KEY);
    expect(ok).toMatchObject({ status: 'approved', reviewedBy: 'officer' });
    expect(await stored()).toBe(1120);
    await expect(
      saveForm(reporter, { ...KEY, values: [{ indicator: 'VT.DOANH_THU', value: 1 }] }),
    ).rejects.toMatchObject({
      code: 'FORM_APPROVED',
    });
    await expect(approveForm(officer, KEY)).rejects.toMatchObject({ code: 'FORM_STATE' });
    // Approved values are locked for everyone: a direct write by the ministry is refused too.
    const direct = {
      rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit: 'P48', period: '2025M09', value: 1 }],
    };
    await expect(submitValues(officer, direct)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'value', code: 'FORM_APPROVED' })],
    });
    expect(await stored()).toBe(1120);
  });

  it('unlocks an approved form only with a reason, and audits every step', async () => {
    await expect(unlockForm(officer, { ...KEY, reason: '' })).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    const f = await unlockForm(officer, { ...KEY, reason: 'Sở báo cáo nhầm kỳ' });
    expect(f).toMatchObject({ status: 'returned', comment: 'Sở báo cáo nhầm kỳ' });
    const same = {
      rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit: 'P48', period: '2025M09', value: 1120 }],
    };
    expect(await submitValues(officer, same)).toMatchObject({ unchanged: 1 });
    const trail = await db.k
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'submission')
      .where('entity_key', '=', 'P48/2025M09')
      .orderBy('id')
      .execute();
    expect(trail.map((t) => t.action)).toEqual(['save', 'submit', 'return', 'submit', 'approve', 'unlock']);
  });

  it('shows the board with late and missing units, and reminds them', async () => {
    const board = await submissionBoard(officer, { period: '2025M09' });
    expect(board.forms).toHaveLength(34);
    expect(board.forms.find((f) => f.unit === 'P48')?.status).toBe('returned');
    expect(board.counts).toMatchObject({ missing: 33, returned: 1, late: 34 });
    const reminded = await remindUnits(officer, { period: '2025M09' });
    expect(reminded).toHaveLength(34);
    expect((await submissionBoard(reporter, { period: '2025M09' })).forms.map((f) => f.unit)).toEqual([
      'P48',
    ]);
  });

  it('fills a form from its XLSX template, refusing rows of another unit', async () => {
    const xlsx = await buildTemplate(reporter, KEY);
    const f = await importFormFile(reporter, { ...KEY, data: xlsx, filename: 'bieu-mau.xlsx' });
    expect(f.rows.find((r) => r.indicator === 'VT.DOANH_THU')?.value).toBe(1120);
    const csv = Buffer.from('indicator,unit,period,value\nVT.DOANH_THU,P01,2025M09,5\n');
    const before = await countValues(sys);
    await expect(importFormFile(reporter, { ...KEY, data: csv, filename: 'x.csv' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ row: 2, field: 'unit', code: 'WRONG_FORM' })],
    });
    expect(await countValues(sys)).toEqual(before);
  });

  it('refuses edits once the period is closed, saying so, until it is reopened', async () => {
    const due = defaultDueOn('2025M09');
    await openReportingPeriod(officer, { period: '2025M09', dueOn: due, closed: true });
    const edit = { ...KEY, values: [{ indicator: 'VT.DOANH_THU', value: 1130 }] };
    await expect(saveForm(reporter, edit)).rejects.toMatchObject({
      code: 'PERIOD_CLOSED',
      status: 409,
      messageEn: expect.stringContaining('2025M09 is closed'),
    });
    const closed = await getForm(reporter, KEY);
    expect(closed.closed).toBe(true);
    expect(closed.rows.find((r) => r.indicator === 'VT.DOANH_THU')?.value).toBe(1120);
    await openReportingPeriod(officer, { period: '2025M09', dueOn: due, closed: false });
    expect((await getForm(reporter, KEY)).closed).toBe(false);
    const saved = await saveForm(reporter, edit);
    expect(saved.rows.find((r) => r.indicator === 'VT.DOANH_THU')?.value).toBe(1130);
  });
});
