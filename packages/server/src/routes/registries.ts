import {
  createRegistryItems,
  deleteRegistryItem,
  ImportError,
  listRegistryItems,
  RegistryItem,
  RegistryKindSchema,
  updateRegistryItem,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const Id = z.coerce.number().int().min(1);

export default [
  defineRoute({
    method: 'GET',
    url: '/api/registries',
    summary: 'Văn bản, nhiệm vụ, hoạt động, vấn đề, kiến nghị / registry items by kind and period',
    tag: 'registries',
    auth: 'actor',
    query: z.object({ kind: RegistryKindSchema.optional(), period: z.string().optional() }),
    body: NONE,
    response: z.array(RegistryItem),
    handler: ({ ctx, query }) =>
      listRegistryItems(ctx, {
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.period ? { periods: [query.period] } : {}),
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/registries',
    summary: 'Thêm mục (tất cả hoặc không) / add items, all or none',
    tag: 'registries',
    auth: 'actor',
    query: NONE,
    body: z.object({ items: z.array(z.unknown()).min(1) }),
    response: z.object({ items: z.array(RegistryItem), warnings: z.array(ImportError) }),
    handler: ({ ctx, body }) => createRegistryItems(ctx, body.items),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/registries/:id',
    summary: 'Sửa một mục / replace an item’s fields',
    tag: 'registries',
    auth: 'actor',
    query: NONE,
    body: z.object({ item: z.unknown(), reason: z.string().nullish() }),
    response: RegistryItem,
    handler: ({ ctx, body, params }) =>
      updateRegistryItem(ctx, { id: Id.parse(params.id), item: body.item, reason: body.reason ?? null }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/registries/:id',
    summary: 'Xóa một mục (lịch sử vẫn giữ) / delete an item (the audit trail keeps it)',
    tag: 'registries',
    auth: 'actor',
    query: z.object({ reason: z.string().optional() }),
    body: NONE,
    handler: async ({ ctx, query, params, reply }) => {
      await deleteRegistryItem(ctx, { id: Id.parse(params.id), reason: query.reason ?? null });
      return reply.code(204).send();
    },
  }),
];
