import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import {
  createRegistryItems,
  deleteRegistryItem,
  listRegistryItems,
  updateRegistryItem,
} from '../registries/registries.ts';
import { changeTaskStatus, overdueTasks, taskHistories } from '../registries/task-history.ts';
import { releasePeriod } from '../releases/release-period.ts';
import { createTestDatabase } from '../testing.ts';
import { submitValues } from '../values/values.ts';
import { renderMarkdown } from './render-text.ts';
import { getReport, publishReport, setReportDetails } from './reports.ts';
import { getTask } from './task-links.ts';

let db: Database;
let anh: Ctx;
const id: Record<string, number> = {};

// Our own August plan: five tasks that end five different ways.
const AUGUST = [
  {
    key: 'done',
    title: 'Ban hành Kế hoạch kiểm tra an toàn hệ thống thông tin năm 2024',
    leadUnit: 'BO.CATTT',
    dueOn: '2024-08-30',
  },
  {
    key: 'progress',
    title: 'Hoàn thiện Nền tảng quản lý tài nguyên Internet',
    leadUnit: 'BO.CVT',
    dueOn: '2024-08-31',
  },
  {
    key: 'slipped',
    title: 'Trình Thủ tướng Chính phủ Đề án bảo đảm an toàn thông tin mạng',
    leadUnit: 'BO.CATTT',
    dueOn: '2024-08-25',
  },
  {
    key: 'idle',
    title: 'Tổng kết thí điểm diễn tập thực chiến trên nền tảng số',
    leadUnit: 'BO.CATTT',
    dueOn: '2024-08-20',
  },
  {
    key: 'campaign',
    title: 'Chiến dịch rà quét, bóc gỡ mã độc trên phạm vi toàn quốc',
    leadUnit: 'BO.CATTT',
    startOn: '2024-08-01',
    dueOn: '2024-09-30',
    indicators: ['ATTT.IP_BOTNET'],
  },
];

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  anh = { ...sys, actor: { username: 'can-bo-anh', role: 'officer', unitId: null } };
  const { items } = await createRegistryItems(
    anh,
    AUGUST.map(({ key: _key, ...t }) => ({ kind: 'task', period: '2024M08', ...t })),
  );
  items.forEach((it, i) => (id[AUGUST[i]!.key] = it.id));
  await submitValues(anh, {
    rows: [
      {
        row: 1,
        indicator: 'ATTT.IP_BOTNET',
        unit: 'VN',
        period: '2024M07',
        value: 500000,
        status: 'official',
      },
      {
        row: 2,
        indicator: 'ATTT.IP_BOTNET',
        unit: 'VN',
        period: '2024M09',
        value: 420000,
        status: 'official',
      },
    ],
  });
}, 180_000);
afterAll(() => db.close());

describe('tasks followed from plan to result', () => {
  it('a slip needs its reason and a later date; the history keeps who changed what, when and why', async () => {
    await expect(
      changeTaskStatus(anh, { id: id.slipped!, status: 'slipped', dueOn: '2024-10-15' }),
    ).rejects.toMatchObject({ code: 'INVALID_TASK_STATUS' });
    await expect(
      changeTaskStatus(anh, {
        id: id.slipped!,
        status: 'slipped',
        note: 'Chờ ý kiến thẩm định của Bộ Tư pháp',
        dueOn: '2024-08-01',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_TASK_STATUS',
      details: [expect.objectContaining({ field: 'dueOn' })],
    });
    const r = await changeTaskStatus(anh, {
      id: id.slipped!,
      status: 'slipped',
      note: 'Chờ ý kiến thẩm định của Bộ Tư pháp',
      dueOn: '2024-10-15',
      on: '2024-08-26',
    });
    expect(r.task).toMatchObject({ status: 'slipped', dueOn: '2024-10-15' });
    expect(r.history.map((h) => [h.status, h.dueOn, h.by])).toEqual([
      ['planned', '2024-08-25', 'can-bo-anh'],
      ['slipped', '2024-10-15', 'can-bo-anh'],
    ]);
    await changeTaskStatus(anh, { id: id.done!, status: 'done', on: '2024-08-28' });
    await changeTaskStatus(anh, {
      id: id.progress!,
      status: 'in_progress',
      note: 'Đã hoàn thành phân hệ cấp phát địa chỉ IPv6',
      dueOn: '2024-09-30',
      on: '2024-08-31',
    });
    await changeTaskStatus(anh, { id: id.campaign!, status: 'done', on: '2024-09-30' });
    const h = await taskHistories(anh, [id.done!]);
    expect(h.get(id.done!)!.at(-1)).toMatchObject({ status: 'done', on: '2024-08-28' });
    const audit = await db.k.selectFrom('audit_log').selectAll().where('entity', '=', 'task').execute();
    expect(audit.map((a) => a.reason)).toContain('Chờ ý kiến thẩm định của Bộ Tư pháp');
  });

  it('September’s brief lists August’s planned tasks with their status now, generated from the registry', async () => {
    const view = await getReport(anh, { template: 'hop-bao-thang', period: '2024M09' });
    const s = view.doc.sections.find((x) => x.id === 'ket-qua-nhiem-vu')!;
    expect(s.heading).toBe('Kết quả thực hiện nhiệm vụ tháng 8/2024');
    const lines = s.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => i.text) : []));
    expect(lines).toEqual([
      'Ban hành Kế hoạch kiểm tra an toàn hệ thống thông tin năm 2024 (chủ trì: Cục An toàn thông tin): đã hoàn thành ngày 28/8/2024.',
      'Hoàn thiện Nền tảng quản lý tài nguyên Internet (chủ trì: Cục Viễn thông): đang thực hiện, dự kiến hoàn thành ngày 30/9/2024; Đã hoàn thành phân hệ cấp phát địa chỉ IPv6.',
      'Trình Thủ tướng Chính phủ Đề án bảo đảm an toàn thông tin mạng (chủ trì: Cục An toàn thông tin): chậm tiến độ so với hạn 25/8/2024; lý do: Chờ ý kiến thẩm định của Bộ Tư pháp; hạn hoàn thành mới: 15/10/2024.',
      'Tổng kết thí điểm diễn tập thực chiến trên nền tảng số (chủ trì: Cục An toàn thông tin): chưa triển khai, đã quá hạn (20/8/2024).',
      'Chiến dịch rà quét, bóc gỡ mã độc trên phạm vi toàn quốc (chủ trì: Cục An toàn thông tin): đã hoàn thành ngày 30/9/2024. Số địa chỉ IP nằm trong mạng botnet giảm từ 500.000 địa chỉ (tháng 7/2024) xuống 420.000 địa chỉ (tháng 9/2024), giảm 16%.',
    ]);
    expect(renderMarkdown(view.doc)).toContain('chậm tiến độ so với hạn 25/8/2024');
    // The August brief has no results section: nothing was planned for July (and August's tasks are its own).
    const aug = await getReport(anh, { template: 'hop-bao-thang', period: '2024M08' });
    expect(aug.doc.sections.map((x) => x.id)).not.toContain('ket-qua-nhiem-vu');
    expect(aug.doc.warnings.map((w) => w.section)).not.toContain('ket-qua-nhiem-vu');
  });

  it('a task knows the report sections it appeared in: drafts as they stand, published ones as published', async () => {
    // July's brief lists August's tasks ahead ("nhiệm vụ trọng tâm tháng 8"); September's their results.
    const july = { template: 'hop-bao-thang', period: '2024M07' };
    const september = { template: 'hop-bao-thang', period: '2024M09' };
    await setReportDetails(anh, { ...july, issuedOn: '2024-08-05' });
    await setReportDetails(anh, { ...september, issuedOn: '2024-10-04' });
    const where = async (task: number) =>
      (await getTask(anh, task)).appearances.map((a) => [
        a.period,
        a.section,
        a.heading,
        a.published ? 'published' : 'draft',
      ]);
    expect(await where(id.slipped!)).toEqual([
      ['2024M07', 'nhiem-vu', 'Một số nhiệm vụ trọng tâm tháng 8/2024 và trong thời gian tới', 'draft'],
      ['2024M09', 'ket-qua-nhiem-vu', 'Kết quả thực hiện nhiệm vụ tháng 8/2024', 'draft'],
    ]);
    // Published, September's brief is what it printed: a task added to August afterwards is not in it.
    const leader = { ...anh, actor: { username: 'lanh-dao', role: 'leader' as const, unitId: null } };
    await releasePeriod(leader, { period: '2024M09', force: true, reason: 'Thử nghiệm công bố' });
    await releasePeriod(leader, { period: '2024M08', force: true, reason: 'Thử nghiệm công bố' });
    await publishReport(leader, { ...september, force: true, reason: 'Thử nghiệm: số liệu tháng 9 chưa đủ' });
    const { items } = await createRegistryItems(anh, [
      {
        kind: 'task',
        period: '2024M08',
        title: 'Rà soát danh mục hệ thống thông tin cấp độ 3',
        dueOn: '2024-08-31',
      },
    ]);
    const late = items[0]!.id;
    expect(await where(id.slipped!)).toEqual([
      ['2024M07', 'nhiem-vu', 'Một số nhiệm vụ trọng tâm tháng 8/2024 và trong thời gian tới', 'draft'],
      ['2024M09', 'ket-qua-nhiem-vu', 'Kết quả thực hiện nhiệm vụ tháng 8/2024', 'published'],
    ]);
    expect(await where(late)).toEqual([
      ['2024M07', 'nhiem-vu', 'Một số nhiệm vụ trọng tâm tháng 8/2024 và trong thời gian tới', 'draft'],
    ]);
    const detail = await getTask(anh, id.slipped!);
    expect(detail.history.map((h) => h.status)).toEqual(['planned', 'slipped']);
    expect(detail.appearances[0]).toMatchObject({
      unit: 'VN',
      templateName: expect.stringContaining('họp báo'),
    });
    await expect(getTask(anh, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The status moves only through the history, never by editing the task.
    await expect(
      updateRegistryItem(anh, {
        id: late,
        item: {
          kind: 'task',
          period: '2024M08',
          title: 'Rà soát danh mục hệ thống thông tin cấp độ 3',
          status: 'done',
        },
      }),
    ).rejects.toMatchObject({ code: 'TASK_STATUS_VIA_HISTORY' });
    await deleteRegistryItem(anh, { id: late, reason: 'Nhập thử trong kiểm thử' });
  });

  it('overdue tasks are those past their date and neither done nor cancelled', async () => {
    const late = await overdueTasks(anh, { today: '2024-10-20' });
    expect(late.map((t) => t.id)).toEqual([id.idle, id.progress, id.slipped]);
    expect(late[0]).toMatchObject({ dueOn: '2024-08-20', daysLate: 61 });
    expect((await overdueTasks(anh, { today: '2024-09-01' })).map((t) => t.id)).toEqual([id.idle]);
    expect((await listRegistryItems(anh, { kind: 'task' })).length).toBe(5);
  });
});
