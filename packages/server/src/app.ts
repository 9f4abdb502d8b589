import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import {
  BaocaoError,
  type Database,
  type Logger,
  type Mailer,
  type NotifySettings,
  compactRollups,
  startNotifier,
  notFound,
} from '@baocao/core';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyServerFactory } from 'fastify';
import { registerBodyReaders } from './body.ts';
import { type Metrics, measureRequests } from './metrics.ts';
import { clientError, presentError, statusOf } from './present-error.ts';
import { docsPage, openApiDocument } from './openapi.ts';
import { ANONYMOUS_BODY_LIMIT, type App } from './route.ts';
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
import orgNames from './routes/org-names.ts';
import registries from './routes/registries.ts';
import check from './routes/check.ts';
import dhis2 from './routes/dhis2.ts';
import sdmx from './routes/sdmx.ts';
import openData from './routes/open-data.ts';
import infosystems from './routes/infosystems.ts';
import notify from './routes/notify.ts';
import quality from './routes/quality.ts';
import rules from './routes/rules.ts';

export const ROUTES = [
  ...health,
  ...auth,
  ...forms,
  ...quality,
  ...dashboards,
  ...feeds,
  ...catalog,
  ...compare,
  ...values,
  ...reports,
  ...orgNames,
  ...registries,
  ...check,
  ...dhis2,
  ...sdmx,
  ...openData,
  ...infosystems,
  ...notify,
  ...rules,
];

/** Every route with its types: what the web app's typed client is derived from (types only). */
export type ApiRoutes = (typeof ROUTES)[number];

export interface AppOptions {
  db: Database;
  log: Logger;
  /** Bearer token that authenticates the ministry's integrations (the system actor). */
  apiToken: string;
  /** The built web app to serve (default: packages/web/dist when it exists). */
  webRoot?: string | null;
  /**
   * Which proxies to believe about the client's address and protocol (X-Forwarded-For/-Proto):
   * Fastify's `trustProxy` — false (default: the socket's peer is the client), true, a hop count,
   * or addresses/CIDRs. Sign-in throttling and the Secure cookie depend on it.
   */
  trustProxy?: TrustProxy;
  /** Serve HTTPS with this certificate and key (PEM) instead of plain HTTP (TLS_CERT_FILE, TLS_KEY_FILE). */
  tls?: { cert: Buffer; key: Buffer };
  /** Prometheus metrics to keep (requests, imports); served apart by {@link serveMetrics}. */
  metrics?: Metrics;
  /** Deliver notifications from this node (planned and queued in the store; see core's `startNotifier`). */
  notify?: { settings: NotifySettings; pollMs?: number; planMs?: number; mailer?: Mailer | null };
}

/** A server factory for HTTPS with a certificate and key (PEM). */
const httpsFactory =
  (tls: { cert: Buffer; key: Buffer }): FastifyServerFactory =>
  (handler) =>
    createHttpsServer({ cert: tls.cert, key: tls.key }, handler);

/**
 * The id of a request: the load balancer's (X-Request-Id, when it is a plain token) so a request
 * can be followed from HAProxy to the app's log, else a random UUID — unique across nodes and
 * restarts, unlike a per-process counter.
 */
function requestId(req: IncomingMessage): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && /^[\w.:-]{1,64}$/.test(h) ? h : randomUUID();
}

type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/** Reads BAOCAO_TRUST_PROXY: `true`, `false`, a hop count, or comma-separated addresses/CIDRs. */
export function trustProxyFromEnv(v = process.env.BAOCAO_TRUST_PROXY): TrustProxy {
  const s = v?.trim() ?? '';
  if (s === '' || s === 'false') return false;
  if (s === 'true') return true;
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    return (_address, hop) => hop < hops;
  }
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** The HTTP app: security headers, JSON errors in Vietnamese and English, the routes and their OpenAPI document. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: opts.log,
    // Routes declare their own limit (route.ts); anything else (unknown paths) reads next to nothing.
    bodyLimit: ANONYMOUS_BODY_LIMIT,
    trustProxy: opts.trustProxy ?? trustProxyFromEnv(),
    genReqId: requestId,
    clientErrorHandler: clientError,
    // HTTPS through a server factory keeps the app's type (an HTTPS server is an HTTP server to Node).
    ...(opts.tls ? { serverFactory: httpsFactory(opts.tls) } : {}),
  });
  // No upgrade-insecure-requests: reached by a LAN address over plain HTTP, it would send the page's
  // own assets to https and leave it blank; behind TLS the assets are https already.
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'upgrade-insecure-requests': null } },
  });
  registerBodyReaders(app);
  app.setErrorHandler((err, req, reply) => {
    const status = statusOf(err);
    if (status === 503) reply.header('retry-after', '5');
    return reply.code(status).send(presentError(err, req));
  });
  // Every answer names its request id, the one every log line of the request carries.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  if (opts.metrics) measureRequests(app, opts.metrics);
  // Compressed answers (brotli or gzip, as the client accepts) for everything compressible over
  // 1 KB: the app's JavaScript and the API's JSON cross slow provincial links.
  // Compressed request bodies are inflated by body.ts, bounded (not by the plugin).
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
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
  // Pending rollup changes are folded in the background (readers add them meanwhile).
  const compaction = setInterval(() => {
    compactRollups(opts.db.k).catch((err: unknown) => opts.log.warn({ err }, 'rollup compaction failed'));
  }, 2000);
  compaction.unref();
  app.addHook('onClose', async () => clearInterval(compaction));
  if (opts.notify) {
    const notifier = startNotifier(opts.db, opts.log, opts.notify.settings, opts.notify);
    app.addHook('onClose', () => notifier.stop());
  }
  const env = { ...sessionEnv(opts.db, opts.apiToken), metrics: opts.metrics };
  for (const r of ROUTES) r.register(app, env);
  const doc = openApiDocument(ROUTES);
  app.get('/api/openapi.json', async () => doc);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage(doc)));
  const webRoot = opts.webRoot === undefined ? WEB_DIST : opts.webRoot;
  if (webRoot && existsSync(webRoot)) {
    // Vite names built assets by their content hash: cached for a year, never revalidated. The page
    // itself is revalidated on every visit, so a new release is picked up at once.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, path) =>
        res.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
    // Every path outside /api is a page of the single-page app.
    app.setNotFoundHandler((req, reply) =>
      req.url.startsWith('/api/')
        ? reply.code(404).send(notFound('Không có địa chỉ này', 'No such endpoint').toJSON())
        : reply.type('text/html; charset=utf-8').sendFile('index.html'),
    );
  }
  return app;
}
