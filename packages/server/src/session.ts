import { timingSafeEqual } from 'node:crypto';
import {
  BaocaoError,
  type Ctx,
  type Database,
  PUBLIC_ACTOR,
  type SessionInfo,
  sessionFor,
} from '@baocao/core';
import type { FastifyRequest } from 'fastify';
import type { ServerEnv } from './route.ts';

export const SESSION_COOKIE = 'baocao_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in session each request was found to carry, so a route never looks it up twice. */
export const requestSession = new WeakMap<FastifyRequest, SessionInfo>();

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The API token sent as `Bearer <token>`, or as DHIS2 tools send theirs, `ApiToken <token>`. */
function bearer(req: FastifyRequest): string {
  const header = req.headers.authorization ?? '';
  const m = /^(?:Bearer|ApiToken) (.+)$/.exec(header);
  return m ? m[1]! : '';
}

const unauthenticated = () =>
  new BaocaoError(
    'UNAUTHENTICATED',
    'Cần đăng nhập hoặc mã truy cập API',
    'Sign-in or an API token is required',
    {
      status: 401,
    },
  );

const csrfFailed = () =>
  new BaocaoError(
    'CSRF_FAILED',
    'Thiếu hoặc sai mã chống giả mạo (CSRF); tải lại trang rồi thử lại',
    `Missing or wrong CSRF token (header ${CSRF_HEADER}); reload the page and try again`,
    { status: 403 },
  );

/**
 * Who is calling: an integration with the API token (the administrator actor), a signed-in user
 * (session cookie; every state-changing request must echo the session's CSRF token), or the public.
 */
export function sessionEnv(db: Database, apiToken: string): ServerEnv {
  return {
    async ctxFor(req, auth): Promise<Ctx> {
      const base = { db, log: req.log };
      const token = bearer(req);
      if (token && same(token, apiToken))
        return { ...base, actor: { username: 'api', role: 'admin', unitId: null } };
      const cookie = req.cookies[SESSION_COOKIE];
      const session = cookie ? await sessionFor(base, cookie) : null;
      if (session) {
        requestSession.set(req, {
          user: session.user,
          csrfToken: session.csrfToken,
          abilities: session.abilities,
          pages: session.pages,
        });
        const sent = req.headers[CSRF_HEADER];
        if (!SAFE.has(req.method) && (typeof sent !== 'string' || !same(sent, session.csrfToken)))
          throw csrfFailed();
        return { ...base, actor: session.actor };
      }
      if (auth === 'actor') throw unauthenticated();
      return { ...base, actor: PUBLIC_ACTOR };
    },
  };
}
