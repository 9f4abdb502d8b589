import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { BaocaoError } from '../errors.ts';
import { createTestDatabase } from '../testing.ts';
import { checkDocNumber, parseDocNumber } from './doc-number.ts';
import {
  createRegistryItems,
  deleteRegistryItem,
  listRegistryItems,
  updateRegistryItem,
} from './registries.ts';

let db: Database;
const ctx = (): Ctx => systemCtx(db);
beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(ctx());
});
afterAll(() => db.close());

const DOC = {
  kind: 'legal_document',
  period: '2024M08',
  docKind: 'Quyết định',
  stage: 'issued_ministry',
  number: '1459/QĐ-BTTTT',
  issuedOn: '2024-08-28',
  title: 'Phê duyệt Chương trình hỗ trợ cửa hàng bán lẻ chuyển đổi số',
};

const counts = async () => ({
  items: (await listRegistryItems(ctx())).length,
  audit: Number(
    (
      await db.k
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

/** Submits `items`, expects refusal with `code` on (row, field), and nothing written. */
async function expectRefused(items: unknown[], code: string, at: { row: number; field: string }) {
  const before = await counts();
  const err = await createRegistryItems(ctx(), items).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof BaocaoError)) throw new Error(`expected a BaocaoError, got ${String(err)}`);
  const e = err;
  expect(e.code).toBe('VALIDATION_FAILED');
  expect(e.details).toContainEqual(expect.objectContaining({ code, row: at.row, field: at.field }));
  expect(e.details.find((d) => d.code === code)!.message).toMatch(/^Dòng \d+: /);
  expect(await counts()).toEqual(before);
}

describe('document numbers', () => {
  it('parses the ministry, Prime Minister, letter and law forms', () => {
    expect(parseDocNumber('09/2024/TT-BTTTT')).toMatchObject({
      number: 9,
      year: 2024,
      type: 'TT',
      issuer: 'BTTTT',
    });
    expect(parseDocNumber('805/QĐ-TTg')).toMatchObject({
      number: 805,
      year: null,
      type: 'QĐ',
      issuerName: 'Thủ tướng Chính phủ',
    });
    expect(parseDocNumber('1552/BTTTT-THH')).toMatchObject({ type: null, issuer: 'BTTTT', unit: 'THH' });
    expect(parseDocNumber('24/2018/QH14')).toMatchObject({
      year: 2018,
      issuer: 'QH14',
      issuerName: 'Quốc hội',
    });
  });
  it('refuses malformed numbers and kinds that do not match', () => {
    expect(parseDocNumber('QĐ-1459')).toMatchObject({ code: 'INVALID_DOC_NUMBER' });
    expect(parseDocNumber('1459/QĐ')).toMatchObject({ code: 'INVALID_DOC_NUMBER' });
    const tt = parseDocNumber('09/TT-BTTTT');
    if ('code' in tt) throw new Error('should parse');
    expect(checkDocNumber('Thông tư', tt, '2024-08-30').map((p) => p.code)).toEqual(['DOC_YEAR_MISSING']);
    const qd = parseDocNumber('1459/QĐ-BTTTT');
    if ('code' in qd) throw new Error('should parse');
    expect(checkDocNumber('Thông tư', qd, null).map((p) => p.code)).toEqual([
      'DOC_KIND_MISMATCH',
      'DOC_YEAR_MISSING',
    ]);
  });
});

describe('registry validation refuses the whole batch and writes nothing', () => {
  it('a bad number and symbol', () =>
    expectRefused([DOC, { ...DOC, number: '1472-QĐ/BTTTT' }], 'INVALID_DOC_NUMBER', {
      row: 2,
      field: 'number',
    }));
  it('a symbol that is not of the document kind', () =>
    expectRefused([{ ...DOC, docKind: 'Thông tư' }], 'DOC_KIND_MISMATCH', { row: 1, field: 'number' }));
  it('a year in the number that is not the year issued', () =>
    expectRefused([{ ...DOC, docKind: 'Thông tư', number: '09/2023/TT-BTTTT' }], 'DOC_YEAR_MISMATCH', {
      row: 1,
      field: 'number',
    }));
  it('an unknown stage', () =>
    expectRefused([{ ...DOC, stage: 'approved' }], 'UNKNOWN_STAGE', { row: 1, field: 'stage' }));
  it('a ministry stage for a Prime Minister decision', () =>
    expectRefused([{ ...DOC, number: '805/QĐ-TTg', issuedOn: '2024-08-07' }], 'STAGE_ISSUER_MISMATCH', {
      row: 1,
      field: 'stage',
    }));
  it('an issued document without its number', () =>
    expectRefused([{ ...DOC, number: null }], 'MISSING_FIELD', { row: 1, field: 'number' }));
  it('a date outside the period', () =>
    expectRefused([{ ...DOC, issuedOn: '2024-03-05' }], 'DATE_OUTSIDE_PERIOD', {
      row: 1,
      field: 'issuedOn',
    }));
  it('an activity outside its period, and one that ends before it starts', async () => {
    const act = {
      kind: 'activity',
      period: '2024M08',
      startOn: '2024-08-21',
      summary: 'Lễ ký kết kế hoạch phối hợp',
    };
    await expectRefused([act, { ...act, startOn: '2024-11-02' }], 'DATE_OUTSIDE_PERIOD', {
      row: 2,
      field: 'startOn',
    });
    await expectRefused([{ ...act, endOn: '2024-08-20' }], 'END_BEFORE_START', { row: 1, field: 'endOn' });
  });
  it('a task led by an unknown unit, or due before its period', async () => {
    const task = { kind: 'task', period: '2024M09', title: 'Tổ chức Chiến dịch làm sạch mã độc' };
    await expectRefused([{ ...task, leadUnit: 'BO.KHONGCO' }], 'UNKNOWN_UNIT', { row: 1, field: 'leadUnit' });
    await expectRefused([{ ...task, dueOn: '2024-08-01' }], 'DUE_BEFORE_PERIOD', { row: 1, field: 'dueOn' });
  });
  it('a campaign that starts after it is due, or names an indicator the catalog lacks', async () => {
    const campaign = {
      kind: 'task',
      period: '2024M09',
      title: 'Chiến dịch rà soát địa chỉ IP nhiễm mã độc',
      startOn: '2024-09-20',
      dueOn: '2024-09-30',
      indicators: ['ATTT.IP_BOTNET'],
    };
    await expectRefused([campaign, { ...campaign, startOn: '2024-10-05' }], 'START_AFTER_DUE', {
      row: 2,
      field: 'startOn',
    });
    await expectRefused(
      [{ ...campaign, indicators: ['ATTT.IP_BOTNET', 'ATTT.KHONG_CO'] }],
      'UNKNOWN_INDICATOR',
      {
        row: 1,
        field: 'indicators',
      },
    );
    const made = await createRegistryItems(ctx(), [campaign]);
    expect(made.items).toHaveLength(1);
  });
  it('petitions processed beyond those received', () =>
    expectRefused(
      [
        {
          kind: 'petition',
          period: '2024M08',
          session: 7,
          legislature: 'XV',
          received: 25,
          processed: 26,
          published: 25,
        },
      ],
      'MORE_THAN_RECEIVED',
      { row: 1, field: 'processed' },
    ));
  it('a missing field, a malformed date, an invalid period', async () => {
    await expectRefused([{ ...DOC, title: undefined }], 'MISSING_FIELD', { row: 1, field: 'title' });
    await expectRefused([{ ...DOC, issuedOn: '28/8/2024' }], 'INVALID_DATE', { row: 1, field: 'issuedOn' });
    await expectRefused([{ ...DOC, period: '2024M13' }], 'INVALID_PERIOD', { row: 1, field: 'period' });
  });
});

describe('registry changes are audited', () => {
  it('creates, warns about a duplicate, updates and deletes, each in the audit trail', async () => {
    const dir = {
      kind: 'legal_document',
      period: '2024M08',
      docKind: 'Chỉ thị',
      stage: 'submitted',
      title: 'Chỉ thị về chuyển đổi số',
    };
    const first = await createRegistryItems(ctx(), [dir]);
    expect(first.warnings).toEqual([]);
    const again = await createRegistryItems(ctx(), [{ ...dir, title: 'Chỉ thị về  chuyển đổi số.' }]);
    expect(again.warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_ITEM', row: 1 })]);
    const id = first.items[0]!.id;
    const updated = await updateRegistryItem(ctx(), {
      id,
      item: { ...dir, stage: 'drafting' },
      reason: 'chưa trình',
    });
    expect(updated).toMatchObject({ id, stage: 'drafting' });
    await expect(
      updateRegistryItem(ctx(), { id, item: { kind: 'task', period: '2024M09', title: 'Nhiệm vụ mới' } }),
    ).rejects.toMatchObject({
      code: 'KIND_CHANGE',
    });
    await deleteRegistryItem(ctx(), { id, reason: 'nhập trùng' });
    const trail = await db.k
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('entity', '=', 'legal_document')
      .where('entity_key', '=', String(id))
      .orderBy('id')
      .execute();
    expect(trail).toEqual([
      { action: 'create', reason: null },
      { action: 'update', reason: 'chưa trình' },
      { action: 'delete', reason: 'nhập trùng' },
    ]);
  });
  it('refuses a reporter', async () => {
    const reporter: Ctx = { ...ctx(), actor: { username: 'r', role: 'reporter', unitId: null } };
    await expect(createRegistryItems(reporter, [DOC])).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
