import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicator } from '../compare/compare.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { calendarDates, parsePeriod } from '../periods/period.ts';
import { getReport } from '../reports/reports.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import type { InfosystemInput } from './infosys-schemas.ts';
import { infosystemFigures } from './infosys-figures.ts';
import { importInfosystems } from './infosys-import.ts';
import { approveInfosystems, declareInfosystems, listInfosystems, returnInfosystem } from './infosystems.ts';

let db: Database;
let anh: Ctx;
let binh: Ctx;
let hanoi: Ctx;

// Our own examples: a city's portal and camera network, a merged province's portals, two national platforms.
const HANOI: InfosystemInput[] = [
  {
    owner: 'P01',
    name: 'Cổng dịch vụ công thành phố',
    purpose: 'Cung cấp dịch vụ công trực tuyến cho người dân, doanh nghiệp',
    proposedLevel: 3,
    approvedLevel: 3,
    decisionNumber: '125/QĐ-UBND',
    decisionDate: '2024-03-15',
    approver: 'Chủ tịch Ủy ban nhân dân thành phố',
    protection: 'deployed',
    deployedOn: '2024-09-20',
    lastCheckOn: '2025-05-10',
    inServiceFrom: '2022-01-10',
  },
  {
    owner: 'P01',
    name: 'Hệ thống quản lý văn bản và điều hành',
    proposedLevel: 2,
    inServiceFrom: '2021-06-01',
    retiredOn: '2025-02-01',
  },
  {
    owner: 'P01',
    name: 'Hệ thống camera giám sát giao thông',
    proposedLevel: 3,
    approvedLevel: 3,
    decisionNumber: '2210/QĐ-UBND',
    decisionDate: '2025-05-05',
    protection: 'deploying',
    inServiceFrom: '2024-11-01',
  },
];
const OTHERS: InfosystemInput[] = [
  {
    owner: 'P02_CU',
    name: 'Cổng thông tin điện tử tỉnh',
    proposedLevel: 2,
    approvedLevel: 2,
    decisionNumber: '88/QĐ-UBND',
    decisionDate: '2023-12-20',
    protection: 'deployed',
    deployedOn: '2024-04-01',
    inServiceFrom: '2019-05-01',
  },
  { owner: 'P02_CU', name: 'Hệ thống một cửa điện tử tỉnh', proposedLevel: 3, inServiceFrom: '2020-01-01' },
  {
    owner: 'BO.CATTT',
    name: 'Hệ thống giám sát an toàn thông tin quốc gia',
    proposedLevel: 4,
    approvedLevel: 4,
    decisionNumber: '1010/QĐ-BTTTT',
    decisionDate: '2024-06-30',
    approver: 'Bộ trưởng',
    protection: 'deployed',
    deployedOn: '2024-12-15',
    inServiceFrom: '2018-01-01',
  },
  {
    owner: 'BO.CATTT',
    name: 'Nền tảng điều phối ứng cứu sự cố',
    proposedLevel: 3,
    inServiceFrom: '2025-08-15',
  },
];
const ALL = [...HANOI, ...OTHERS];

/** The count written out plainly from the records, without the registry's code. */
function countAt(day: string) {
  const live = ALL.filter(
    (s) => (!s.inServiceFrom || s.inServiceFrom <= day) && (!s.retiredOn || day < s.retiredOn),
  );
  const approved = live.filter((s) => s.decisionDate && s.decisionDate <= day);
  const level = (s: InfosystemInput) =>
    Number(s.decisionDate && s.decisionDate <= day ? s.approvedLevel : s.proposedLevel);
  return {
    total: live.length,
    approved: approved.length,
    deployed: approved.filter((s) => s.protection === 'deployed' && s.deployedOn! <= day).length,
    byLevel: [1, 2, 3, 4, 5].map((n) => live.filter((s) => level(s) === n).length),
  };
}

const ids = async (ctx: Ctx, state: 'submitted' | 'approved' | 'returned') =>
  (await listInfosystems(ctx, { state })).map((s) => s.id);

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  const p01 = (await loadUnitGraph(db.k)).byCode.get('P01')!;
  anh = { ...sys, actor: { username: 'can-bo-anh', role: 'officer', unitId: null } };
  binh = { ...sys, actor: { username: 'can-bo-binh', role: 'officer', unitId: null } };
  hanoi = { ...sys, actor: { username: 'bc-hanoi', role: 'reporter', unitId: p01.id } };
}, 180_000);
afterAll(() => db.close());

describe('declaring systems, four eyes', () => {
  it('a reporter declares their own unit’s systems only; nothing counts until another person approves', async () => {
    await expect(declareInfosystems(hanoi, [HANOI[0], OTHERS[0]])).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
      details: expect.arrayContaining([
        expect.objectContaining({ row: 2, field: 'owner', code: 'FORBIDDEN' }),
      ]),
    });
    expect(await listInfosystems(anh)).toEqual([]);
    expect(await declareInfosystems(hanoi, HANOI)).toEqual({ rows: 3, created: 3, changed: 0, unchanged: 0 });
    expect((await infosystemFigures(anh, { period: '2025M09' })).total).toBe(0);
    await expect(approveInfosystems(hanoi, { ids: await ids(anh, 'submitted') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await declareInfosystems(binh, OTHERS);
    await expect(approveInfosystems(binh, { ids: await ids(anh, 'submitted') })).rejects.toMatchObject({
      code: 'SELF_APPROVAL',
    });
    expect((await infosystemFigures(anh, { period: '2025M09' })).total).toBe(0);
    // The reporter sees their own unit's records only.
    expect(new Set((await listInfosystems(hanoi)).map((s) => s.owner))).toEqual(new Set(['P01']));
  });

  it('refuses rows that contradict themselves, naming row and field, writing nothing', async () => {
    const before = await listInfosystems(anh);
    const err = await declareInfosystems(anh, [
      { owner: 'P01', name: 'Hệ thống thư điện tử công vụ', proposedLevel: 2, approvedLevel: 2 },
      { owner: 'P01', name: 'Hệ thống họp trực tuyến', proposedLevel: 7 },
      {
        owner: 'XX',
        name: 'Hệ thống không rõ chủ quản',
        proposedLevel: 1,
        protection: 'deployed',
        deployedOn: '2024-01-01',
      },
    ]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    const details = (err as { details: { row: number; field: string; code: string }[] }).details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, field: 'decisionNumber', code: 'MISSING_FIELD' }),
        expect.objectContaining({ row: 2, field: 'proposedLevel', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 3, field: 'owner', code: 'UNKNOWN_UNIT' }),
        expect.objectContaining({ row: 3, field: 'protection', code: 'INCONSISTENT' }),
      ]),
    );
    expect(await listInfosystems(anh)).toEqual(before);
  });

  it('another officer approves; a return needs a reason and keeps the approved record counted', async () => {
    const waiting = await ids(anh, 'submitted');
    expect(waiting).toHaveLength(ALL.length);
    expect(await approveInfosystems(anh, { ids: waiting })).toEqual({ approved: ALL.length });
    expect(await ids(anh, 'approved')).toHaveLength(ALL.length);
    // A change declared to an approved system waits; returned, the approved record still counts.
    await declareInfosystems(hanoi, [{ ...HANOI[0]!, lastCheckOn: '2025-11-20' }]);
    const [changed] = await ids(anh, 'submitted');
    await expect(returnInfosystem(anh, { id: changed!, reason: '' })).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    await returnInfosystem(anh, { id: changed!, reason: 'Ngày kiểm tra chưa có biên bản kèm theo' });
    const back = (await listInfosystems(hanoi)).find((s) => s.id === changed)!;
    expect(back).toMatchObject({ state: 'returned', comment: 'Ngày kiểm tra chưa có biên bản kèm theo' });
    expect(back.approved?.lastCheckOn).toBe('2025-05-10');
    expect(back.pending?.lastCheckOn).toBe('2025-11-20');
    // Declaring the same again changes nothing.
    expect(await declareInfosystems(hanoi, [HANOI[1]!])).toMatchObject({ unchanged: 1 });
  }, 180_000);
});

describe('figures computed from the registry', () => {
  it.each(['2024M06', '2024Q4', '2025M01', '2025M02', '2025Q2', '2025M09'])(
    '%s: the figures equal an independent count of the records in service at the period’s end',
    async (period) => {
      const day = calendarDates(parsePeriod(period)).end;
      const want = countAt(day);
      const f = await infosystemFigures(anh, { period });
      expect(f).toMatchObject({ at: day, ...want });
      // The same numbers flow into the values: the national rollup and the recomputed ratio.
      const value = async (indicator: string) =>
        (await compareIndicator(anh, { indicator, unit: 'VN', period })).value;
      expect(await value('ATTT.HTTT_TONG')).toBe(want.total);
      expect(await value('ATTT.HTTT_DA_PHE_DUYET')).toBe(want.approved);
      expect(await value('ATTT.HTTT_DA_TRIEN_KHAI')).toBe(want.deployed);
      expect(await value('ATTT.HTTT_CAP_3')).toBe(want.byLevel[2]);
      expect(await value('ATTT.HTTT_TY_LE_PHE_DUYET')).toBeCloseTo((100 * want.approved) / want.total, 9);
    },
  );

  it('a system of a province merged on 1 July 2025 is counted under the new province from that day', async () => {
    const june = await infosystemFigures(anh, { period: '2025M06' });
    const july = await infosystemFigures(anh, { period: '2025M07' });
    expect(june.byOwner.map((o) => o.unit)).toContain('P02_CU');
    expect(june.byOwner.map((o) => o.unit)).not.toContain('P08');
    expect(july.byOwner.find((o) => o.unit === 'P08')).toMatchObject({
      total: 2,
      approved: 1,
      kind: 'dia_phuong',
    });
    expect(july.byOwner.map((o) => o.unit)).not.toContain('P02_CU');
    const at = async (unit: string, period: string) =>
      (await compareIndicator(anh, { indicator: 'ATTT.HTTT_TONG', unit, period })).value;
    expect(await at('P02_CU', '2025M06')).toBe(2);
    expect(await at('P08', '2025M07')).toBe(2);
    expect(await at('P08', '2025Q3')).toBe(2);
  });

  it('a national total before every province declared is partial, with its coverage', async () => {
    const before = await compareIndicator(anh, {
      indicator: 'ATTT.HTTT_TONG',
      unit: 'VN',
      period: '2025M03',
    });
    expect(before).toMatchObject({ status: 'partial', completeness: { expected: 63, reported: 2 } });
    const after = await compareIndicator(anh, { indicator: 'ATTT.HTTT_TONG', unit: 'VN', period: '2025M09' });
    expect(after).toMatchObject({ status: 'partial', completeness: { expected: 34, reported: 2 } });
    expect((await infosystemFigures(anh, { period: '2025M09' })).coverage).toEqual({
      expected: 34,
      reported: 2,
    });
    // Owner kinds add up to the total.
    const f = await infosystemFigures(anh, { period: '2025M09' });
    expect(f.byOwnerKind.reduce((s, k) => s + k.total, 0)).toBe(f.total);
    expect(f.byOwnerKind.map((k) => k.kind).sort()).toEqual(['bo_nganh', 'dia_phuong']);
  });

  it('the quarterly briefing prints the registry’s figures as sentences, with their coverage', async () => {
    const view = await getReport(anh, { template: 'giao-ban-quy', period: '2025Q3' });
    const section = view.doc.sections.find((s) => s.id === 'he-thong-thong-tin')!;
    const text = section.blocks.map((b) => (b.type === 'paragraph' ? b.text : '')).join(' ');
    const want = countAt('2025-09-30');
    expect(text).toContain(
      `Tính đến hết quý 3/2025, tổng số hệ thống thông tin là ${want.total} hệ thống (2/34 tỉnh, thành phố đã báo cáo)`,
    );
    const share = ((100 * want.approved) / want.total).toFixed(1).replace('.', ',');
    expect(text).toContain(
      `Trong đó, số hệ thống đã được phê duyệt cấp độ là ${want.approved} hệ thống (2/34 tỉnh, thành phố đã báo cáo) (chiếm ${share}% tổng số).`,
    );
    const levels = view.doc.sections.find((s) => s.id === 'he-thong-theo-cap-do')!;
    expect(JSON.stringify(levels.blocks)).toContain(`Cấp độ 3: ${want.byLevel[2]} hệ thống`);
    expect(view.doc.figures.find((f) => f.indicator === 'ATTT.HTTT_TONG')).toMatchObject({
      value: want.total,
      status: 'partial',
    });
    expect(view.doc.warnings).toContainEqual(
      expect.objectContaining({ code: 'PARTIAL_FIGURE', section: 'he-thong-thong-tin' }),
    );
  });
});

describe('importing a spreadsheet of systems', () => {
  const csv = (rows: string[]) =>
    Buffer.from(
      [
        'Mã đơn vị,Tên hệ thống,Cấp độ đề xuất,Cấp độ được phê duyệt,Số quyết định,Ngày quyết định,Trạng thái bảo đảm an toàn,Ngày triển khai xong,Ngày đưa vào vận hành',
        ...rows,
      ].join('\n'),
    );

  it('refuses a file with bad rows, naming each row and field, and writes nothing', async () => {
    const before = await listInfosystems(anh);
    const err = await importInfosystems(anh, {
      filename: 'he-thong.csv',
      data: csv([
        'P79,Cổng dịch vụ công thành phố,3,3,45/QĐ-UBND,12/3/2025,đã triển khai,20/6/2025,01/01/2023',
        'P79,Hệ thống họp trực tuyến,6,,,,,,',
        'P79,Hệ thống một cửa điện tử,2,,,,đã triển khai,,2024-02-30',
      ]),
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    const details = (err as { details: { row: number; field: string; code: string }[] }).details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'proposedLevel', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ row: 4, field: 'inServiceFrom', code: 'INVALID_DATE' }),
      ]),
    );
    expect(details.some((d) => d.row === 2)).toBe(false);
    expect(await listInfosystems(anh)).toEqual(before);
  });

  it('imports CSV and XLSX rows as declarations waiting for approval; Vietnamese dates and words are read', async () => {
    const r = await importInfosystems(binh, {
      filename: 'he-thong.csv',
      data: csv([
        'P79,Cổng dịch vụ công thành phố,3,3,45/QĐ-UBND,12/3/2025,đã triển khai,20/6/2025,01/01/2023',
      ]),
    });
    expect(r).toEqual({ rows: 1, created: 1, changed: 0, unchanged: 0 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('He thong');
    ws.addRow(['owner', 'name', 'proposedLevel', 'inServiceFrom']);
    ws.addRow(['P79', 'Hệ thống camera giám sát an ninh', 2, new Date('2024-05-01T00:00:00Z')]);
    const x = await importInfosystems(binh, {
      filename: 'he-thong.xlsx',
      data: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(x).toMatchObject({ created: 1 });
    const waiting = (await listInfosystems(anh, { owner: 'P79' })).filter((s) => s.state === 'submitted');
    expect(waiting.map((s) => s.pending)).toEqual([
      expect.objectContaining({
        name: 'Cổng dịch vụ công thành phố',
        decisionDate: '2025-03-12',
        protection: 'deployed',
        deployedOn: '2025-06-20',
        inServiceFrom: '2023-01-01',
      }),
      expect.objectContaining({ name: 'Hệ thống camera giám sát an ninh', inServiceFrom: '2024-05-01' }),
    ]);
    const before = (await infosystemFigures(anh, { period: '2025M09' })).total;
    await approveInfosystems(anh, { ids: waiting.map((s) => s.id) });
    expect((await infosystemFigures(anh, { period: '2025M09' })).total).toBe(before + 2);
  }, 180_000);
});
