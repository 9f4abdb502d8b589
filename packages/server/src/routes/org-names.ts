import {
  OrgName,
  OrgNameKey,
  OrgNames,
  deleteOrgName,
  listOrgNames,
  orgNamesOn,
  setOrgName,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

export default [
  defineRoute({
    method: 'GET',
    url: '/api/org-names',
    summary:
      'Tên gọi của cơ quan theo thời gian / the organisation’s names and titles with the dates they apply from',
    tag: 'reports',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: z.array(OrgName),
    handler: ({ ctx }) => listOrgNames(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/org-names/on',
    summary: 'Tên gọi áp dụng vào một ngày / the names in force on a date (today by default)',
    tag: 'reports',
    auth: 'none',
    query: z.object({ date: z.iso.date().optional() }),
    body: NONE,
    response: OrgNames,
    handler: ({ ctx, query }) => orgNamesOn(ctx, query.date ?? new Date().toISOString().slice(0, 10)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/org-names',
    summary: 'Đặt tên gọi từ một ngày / set a name from a date on (administrators)',
    tag: 'reports',
    auth: 'actor',
    query: NONE,
    body: OrgName,
    response: z.array(OrgName),
    handler: ({ ctx, body }) => setOrgName(ctx, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/org-names',
    summary: 'Xóa một tên nhập nhầm / remove a name entered by mistake (administrators)',
    tag: 'reports',
    auth: 'actor',
    query: z.object({ key: OrgNameKey, validFrom: z.iso.date() }),
    body: NONE,
    response: z.array(OrgName),
    handler: ({ ctx, query }) => deleteOrgName(ctx, query),
  }),
];
