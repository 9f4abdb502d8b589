import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Ctx, type Logger, isStoreUnavailable } from '@baocao/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { z } from 'zod';

/** The Fastify instance of this server (its logger is pino's). */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>;

/** What a route needs from the server: a context for the caller of a request, and where to count. */
export interface ServerEnv {
  ctxFor(req: FastifyRequest, auth: 'none' | 'actor'): Promise<Ctx>;
  /** Counts the outcome of value-writing routes (Prometheus metrics), when the server keeps them. */
  metrics?: ValueWriteCounter | undefined;
}

/** Where value-writing routes report what they did (the Prometheus metrics implement it). */
export interface ValueWriteCounter {
  /** A value-writing route answered: count its rows (when its answer says how many). */
  written(route: string, result: unknown): void;
  /** A value-writing route refused (nothing written): count it by error code. */
  refused(route: string, err: unknown): void;
}

export interface RouteMeta {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  /** Who may call it: anyone, or an authenticated actor (core still decides what they may do). */
  auth: 'none' | 'actor';
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  /** The body is a raw upload (a file), described by this media type. */
  upload?: string;
  /** The response is a file of this media type rather than JSON. */
  produces?: string;
  /** Per-client request limit (sign-in), enforced by @fastify/rate-limit. */
  rateLimit?: { max: number; timeWindow: string };
  /**
   * A read-only route whose answer may come from the read replica (public pages, dashboards, SDMX,
   * open data): with the replica out of reach, it is answered from the primary.
   */
  readsReplica?: true;
  /** It writes indicator values (submissions, imports): its rows and refusals are counted in the metrics. */
  writesValues?: true;
  /** Largest body accepted, in bytes (default {@link DEFAULT_BODY_LIMIT}); refused before it is read. */
  bodyLimit?: number;
}

/** The body limit of routes that declare none: a JSON request of ordinary size. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/**
 * The body limit of every route anyone may call (sign-in: a name and a password), and of paths no
 * route serves: an anonymous caller can make the server read no more than this.
 */
export const ANONYMOUS_BODY_LIMIT = 16 * 1024;

/**
 * One API route: its schemas serve for parsing, for the OpenAPI document and — as types only — for
 * the web app's client (`ApiRoutes`), so a caller's path, input and answer come from this declaration.
 */
export interface Route<
  M extends RouteMeta['method'] = RouteMeta['method'],
  U extends string = string,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R = unknown,
> {
  meta: RouteMeta & { method: M; url: U };
  register(app: App, env: ServerEnv): void;
  /** Never set: carries the route's input and answer types to the typed client. */
  readonly types?: { query: z.input<Q>; body: z.input<B>; response: R };
}

/** The schema of a route that reads no query or no body. */
export const NONE = z.unknown();

interface RouteDef<
  M extends RouteMeta['method'],
  U extends string,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType | undefined,
> extends RouteMeta {
  method: M;
  url: U;
  query: Q;
  body: B;
  response?: R;
  handler: (input: {
    ctx: Ctx;
    query: z.output<Q>;
    body: z.output<B>;
    params: Record<string, string>;
    req: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<unknown>;
}

/** The caller's context, built when the request arrives (before its body is read). */
const contexts = new WeakMap<FastifyRequest, Ctx>();

/**
 * Declares a route: build the caller's context as the request arrives — so an anonymous caller of
 * a signed-in route, or a body over the route's limit, is refused before the body is read — then
 * parse with its schemas and run the handler.
 */
export function defineRoute<
  const M extends RouteMeta['method'],
  const U extends string,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType | undefined = undefined,
>(def: RouteDef<M, U, Q, B, R>): Route<M, U, Q, B, R extends z.ZodType ? z.output<R> : unknown> {
  const { handler, ...meta } = def;
  const bodyLimit = def.bodyLimit ?? (def.auth === 'none' ? ANONYMOUS_BODY_LIMIT : DEFAULT_BODY_LIMIT);
  if (def.auth === 'none' && bodyLimit > ANONYMOUS_BODY_LIMIT)
    throw new Error(
      `${def.method} ${def.url}: an anonymous route reads at most ${ANONYMOUS_BODY_LIMIT} bytes`,
    );
  return {
    meta,
    register(app, env) {
      app.route({
        method: def.method,
        url: def.url,
        bodyLimit,
        ...(def.rateLimit ? { config: { rateLimit: def.rateLimit } } : {}),
        onRequest: async (req) => {
          contexts.set(req, await env.ctxFor(req, def.auth));
        },
        handler: async (req, reply) => {
          const ctx = contexts.get(req) ?? (await env.ctxFor(req, def.auth));
          const query = def.query.parse(req.query);
          const body = def.body.parse(req.body);
          const params = Object.fromEntries(Object.entries(req.params ?? {}).map(([k, v]) => [k, String(v)]));
          if (def.readsReplica && ctx.db.replica) {
            try {
              return await handler({ ctx: { ...ctx, db: ctx.db.replica }, query, body, params, req, reply });
            } catch (err) {
              if (!isStoreUnavailable(err)) throw err;
              req.log.warn({ err }, 'read replica unavailable: answered from the primary');
            }
          }
          if (!def.writesValues || !env.metrics) return handler({ ctx, query, body, params, req, reply });
          try {
            const result = await handler({ ctx, query, body, params, req, reply });
            env.metrics.written(def.url, result);
            return result;
          } catch (err) {
            env.metrics.refused(def.url, err);
            throw err;
          }
        },
      });
    },
  };
}
