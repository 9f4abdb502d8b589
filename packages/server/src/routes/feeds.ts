import {
  BotnetCounts,
  FeedImportResult,
  IncidentCounts,
  IncidentImportResult,
  PrefixLoadResult,
  botnetCounts,
  importBotnetFeed,
  importIncidents,
  incidentCounts,
  loadIpPrefixes,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const upload = {
  method: 'POST',
  tag: 'feeds',
  auth: 'actor',
  upload: 'application/octet-stream',
  // Feeds are large by nature; larger ones go through `baocao feed`, which streams.
  bodyLimit: 200 * 1024 * 1024,
  query: z.object({ filename: z.string().min(1) }),
  body: z.instanceof(Buffer),
} as const;
const counts = {
  method: 'GET',
  tag: 'feeds',
  auth: 'actor',
  query: z.object({ period: z.string() }),
  body: NONE,
} as const;

export default [
  defineRoute({
    ...upload,
    url: '/api/feeds/botnet',
    summary: 'Nguồn quan sát botnet / import a botnet observation feed (CSV or NDJSON, gzip accepted)',
    response: FeedImportResult,
    handler: ({ ctx, query, body }) => importBotnetFeed(ctx, { source: [body], filename: query.filename }),
  }),
  defineRoute({
    ...upload,
    url: '/api/feeds/prefixes',
    summary: 'Bảng tiền tố IP / replace the IP-prefix → operator, province table (CSV)',
    response: PrefixLoadResult,
    handler: ({ ctx, query, body }) => loadIpPrefixes(ctx, { data: body, filename: query.filename }),
  }),
  defineRoute({
    ...upload,
    url: '/api/feeds/incidents',
    summary: 'Sự cố tấn công mạng / import incident records (CSV)',
    response: IncidentImportResult,
    handler: ({ ctx, query, body }) => importIncidents(ctx, { data: body, filename: query.filename }),
  }),
  defineRoute({
    ...counts,
    url: '/api/feeds/botnet',
    summary: 'Địa chỉ botnet / distinct infected addresses of a period: national, by province, by operator',
    response: BotnetCounts,
    handler: ({ ctx, query }) => botnetCounts(ctx, query),
  }),
  defineRoute({
    ...counts,
    url: '/api/feeds/incidents',
    summary: 'Sự cố theo loại / incidents of a period by type',
    response: IncidentCounts,
    handler: ({ ctx, query }) => incidentCounts(ctx, query),
  }),
];
