import {
  approveInfosystems,
  changeTaskStatus,
  getTask,
  declareInfosystems,
  importInfosystems,
  Infosystem,
  InfosystemFigures,
  InfosystemImportResult,
  InfosystemState,
  infosystemFigures,
  listInfosystems,
  OverdueTask,
  overdueTasks,
  RegistryItem,
  returnInfosystem,
  TaskAppearance,
  TaskChange,
  taskHistories,
  TaskStatusInput,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const Id = z.coerce.number().int().min(1);
/** A registry file: a ministry's or a province's systems, far below the value files' limit. */
const REGISTRY_FILE_BYTES = 4 * 1024 * 1024;

export default [
  defineRoute({
    method: 'GET',
    url: '/api/infosystems',
    summary:
      'Hệ thống thông tin theo cấp độ / information systems by security level (own unit for a reporter)',
    tag: 'infosystems',
    auth: 'actor',
    query: z.object({ owner: z.string().optional(), state: InfosystemState.optional() }),
    body: NONE,
    response: z.array(Infosystem),
    handler: ({ ctx, query }) =>
      listInfosystems(ctx, {
        ...(query.owner ? { owner: query.owner } : {}),
        ...(query.state ? { state: query.state } : {}),
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/infosystems',
    summary: 'Kê khai hệ thống (tất cả hoặc không; chờ duyệt) / declare systems, all or none, for approval',
    tag: 'infosystems',
    auth: 'actor',
    query: NONE,
    body: z.object({ items: z.array(z.unknown()).min(1).max(5000) }),
    response: InfosystemImportResult,
    handler: ({ ctx, body }) => declareInfosystems(ctx, body.items),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/infosystems/import',
    summary:
      'Nhập danh mục hệ thống từ tệp CSV/XLSX / import systems from a spreadsheet (raw body; ?filename=)',
    tag: 'infosystems',
    auth: 'actor',
    upload: 'application/octet-stream',
    bodyLimit: REGISTRY_FILE_BYTES,
    query: z.object({ filename: z.string().min(1) }),
    body: z.instanceof(Buffer),
    response: InfosystemImportResult,
    handler: ({ ctx, query, body }) => importInfosystems(ctx, { data: body, filename: query.filename }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/infosystems/approve',
    summary: 'Duyệt kê khai (người khác người kê khai) / approve declared systems (four eyes)',
    tag: 'infosystems',
    auth: 'actor',
    query: NONE,
    body: z.object({ ids: z.array(Id).min(1).max(5000) }),
    response: z.object({ approved: z.number().int() }),
    handler: ({ ctx, body }) => approveInfosystems(ctx, { ids: body.ids }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/infosystems/:id/return',
    summary: 'Trả lại kê khai, nêu lý do / return a declaration with a reason',
    tag: 'infosystems',
    auth: 'actor',
    query: NONE,
    body: z.object({ reason: z.string().max(1000) }),
    handler: async ({ ctx, body, params, reply }) => {
      await returnInfosystem(ctx, { id: Id.parse(params.id), reason: body.reason });
      return reply.code(204).send();
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/infosystems/figures',
    summary: 'Số liệu từ danh mục hệ thống tại cuối kỳ / the registry’s figures at a period’s end',
    tag: 'infosystems',
    auth: 'actor',
    query: z.object({ period: z.string().min(1) }),
    body: NONE,
    response: InfosystemFigures,
    handler: ({ ctx, query }) => infosystemFigures(ctx, { period: query.period }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tasks/:id/status',
    summary: 'Cập nhật trạng thái nhiệm vụ (lý do, hạn mới) / a task’s new status, with its reason and date',
    tag: 'registries',
    auth: 'actor',
    query: NONE,
    body: TaskStatusInput,
    response: z.object({ task: RegistryItem, history: z.array(TaskChange) }),
    handler: ({ ctx, body, params }) => changeTaskStatus(ctx, { id: Id.parse(params.id), ...body }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/tasks/:id',
    summary:
      'Một nhiệm vụ: lịch sử trạng thái, các mục báo cáo đã nêu / a task, its status history and the report sections it appeared in',
    tag: 'registries',
    auth: 'actor',
    query: NONE,
    body: NONE,
    response: z.object({
      task: RegistryItem,
      history: z.array(TaskChange),
      appearances: z.array(TaskAppearance),
    }),
    handler: ({ ctx, params }) => getTask(ctx, Id.parse(params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/tasks/:id/history',
    summary: 'Lịch sử trạng thái nhiệm vụ / a task’s status history',
    tag: 'registries',
    auth: 'actor',
    query: NONE,
    body: NONE,
    response: z.array(TaskChange),
    handler: async ({ ctx, params }) => {
      const id = Id.parse(params.id);
      return (await taskHistories(ctx, [id])).get(id) ?? [];
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/tasks/overdue',
    summary: 'Nhiệm vụ quá hạn / tasks past their due date, neither done nor cancelled',
    tag: 'registries',
    auth: 'actor',
    query: z.object({ today: z.iso.date().optional() }),
    body: NONE,
    response: z.array(OverdueTask),
    handler: ({ ctx, query }) => overdueTasks(ctx, query.today ? { today: query.today } : {}),
  }),
];
