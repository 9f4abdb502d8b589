import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { BaocaoError, type Database, type Logger, notFound } from '@baocao/core';
import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { ZodError } from 'zod';
import { docsPage, openApiDocument } from './openapi.ts';
import type { App, Route } from './route.ts';
import { sessionEnv } from './session.ts';
import auth from './routes/auth.ts';
import forms from './routes/forms.ts';
import dashboards from './routes/dashboards.ts';
import feeds from './routes/feeds.ts';
import catalog from './routes/catalog.ts';
import compare from './routes/compare.ts';
import health from './routes/health.ts';
import values from './routes/values.ts';
import reports from './routes/reports.ts';
import registries from './routes/registries.ts';
import check from './routes/check.ts';

export const ROUTES: Route[] = [
  ...health,
  ...auth,
  ...forms,
  ...dashboards,
  ...feeds,
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
  /** The built web app to serve (default: packages/web/dist when it exists). */
  webRoot?: string | null;
}

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

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
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, limit) =>
      new BaocaoError(
        'RATE_LIMITED',
        `Quá nhiều yêu cầu đăng nhập; thử lại sau ${limit.after}`,
        `Too many sign-in attempts; try again in ${limit.after}`,
        { status: 429 },
      ),
  });
  const env = sessionEnv(opts.db, opts.apiToken);
  for (const r of ROUTES) r.register(app, env);
  const doc = openApiDocument(ROUTES);
  app.get('/api/openapi.json', async () => doc);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage(doc)));
  const webRoot = opts.webRoot === undefined ? WEB_DIST : opts.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // Every path outside /api is a page of the single-page app.
    app.setNotFoundHandler((req, reply) =>
      req.url.startsWith('/api/')
        ? reply.code(404).send(notFound('Không có địa chỉ này', 'No such endpoint').toJSON())
        : reply.type('text/html; charset=utf-8').sendFile('index.html'),
    );
  }
  return app;
}
