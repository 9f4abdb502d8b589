import { timingSafeEqual } from 'node:crypto';
import { BaocaoError, type Ctx, type Database, type Logger } from '@baocao/core';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { docsPage, openApiDocument } from './openapi.ts';
import type { App, Route, ServerEnv } from './route.ts';
import catalog from './routes/catalog.ts';
import compare from './routes/compare.ts';
import health from './routes/health.ts';
import values from './routes/values.ts';
import reports from './routes/reports.ts';
import registries from './routes/registries.ts';
import check from './routes/check.ts';

export const ROUTES: Route[] = [
  ...health,
  ...catalog,
  ...compare,
  ...values,
  ...reports,
  ...registries,
  ...check,
];

export interface AppOptions {
  db: Database;
  log: Logger;
  /** Bearer token that authenticates the ministry's integrations (the system actor). */
  apiToken: string;
}

const unauthenticated = () =>
  new BaocaoError(
    'UNAUTHENTICATED',
    'Cần đăng nhập hoặc mã truy cập API',
    'Sign-in or an API token is required',
    { status: 401 },
  );

function tokenMatches(req: FastifyRequest, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** The HTTP app: security headers, JSON errors in Vietnamese and English, the routes and their OpenAPI document. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({ loggerInstance: opts.log, bodyLimit: 200 * 1024 * 1024 });
  await app.register(helmet, { contentSecurityPolicy: { directives: { 'script-src': ["'self'"] } } });
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof BaocaoError) return reply.code(err.status).send(err.toJSON());
    if (err instanceof ZodError) {
      const details = err.issues.map((i) => ({
        field: i.path.join('.'),
        code: 'INVALID_FIELD',
        message: `Trường "${i.path.join('.')}" không hợp lệ: ${i.message}`,
        messageEn: `Field "${i.path.join('.')}" is invalid: ${i.message}`,
      }));
      return reply.code(400).send({
        code: 'INVALID_REQUEST',
        message: 'Yêu cầu không hợp lệ',
        messageEn: 'Invalid request',
        details,
      });
    }
    const status =
      typeof err === 'object' && err !== null && 'statusCode' in err && typeof err.statusCode === 'number'
        ? err.statusCode
        : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({
      code: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
      message:
        status >= 500 ? 'Lỗi máy chủ; vui lòng thử lại hoặc báo quản trị viên' : 'Yêu cầu không hợp lệ',
      messageEn: err instanceof Error ? err.message : 'error',
    });
  });
  const env: ServerEnv = {
    async ctxFor(req, auth): Promise<Ctx> {
      const base = { db: opts.db, log: req.log };
      if (tokenMatches(req, opts.apiToken))
        return { ...base, actor: { username: 'api', role: 'admin', unitId: null } };
      if (auth === 'actor') throw unauthenticated();
      return { ...base, actor: { username: 'anonymous', role: 'public', unitId: null } };
    },
  };
  for (const r of ROUTES) r.register(app, env);
  const doc = openApiDocument(ROUTES);
  app.get('/api/openapi.json', async () => doc);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage(doc)));
  return app;
}
