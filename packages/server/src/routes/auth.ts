import {
  AccountChange,
  changeAccount,
  LoginInput,
  SessionInfo,
  UserInfo,
  UserInput,
  createUser,
  listUsers,
  login,
  logout,
  SESSION_HOURS,
} from '@baocao/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';
import { SESSION_COOKIE, requestSession } from '../session.ts';

const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' } as const;

/**
 * The session cookie: Secure whenever the request came over TLS (directly, or per a trusted proxy's
 * X-Forwarded-Proto; see BAOCAO_TRUST_PROXY), and kept no longer than the session lives.
 */
const sessionCookie = (req: FastifyRequest) => ({
  ...cookieOptions,
  secure: req.protocol === 'https',
  maxAge: SESSION_HOURS * 3600,
});

export default [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Đăng nhập / sign in (sets an HTTP-only session cookie; returns the CSRF token)',
    tag: 'auth',
    auth: 'none',
    rateLimit: { max: 20, timeWindow: '1 minute' },
    query: NONE,
    body: LoginInput,
    response: SessionInfo,
    handler: async ({ ctx, body, req, reply }) => {
      const { token, ...session } = await login(ctx, { ...body, address: req.ip });
      reply.setCookie(SESSION_COOKIE, token, sessionCookie(req));
      return session;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Đăng xuất / sign out',
    tag: 'auth',
    auth: 'actor',
    query: NONE,
    body: NONE,
    handler: async ({ ctx, req, reply }) => {
      await logout(ctx, req.cookies[SESSION_COOKIE] ?? '');
      reply.clearCookie(SESSION_COOKIE, { ...cookieOptions, secure: req.protocol === 'https' });
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/session',
    summary: 'Phiên hiện tại / the current session (user and CSRF token), or user null',
    tag: 'auth',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: z.union([SessionInfo, z.object({ user: z.null() })]),
    handler: async ({ req }) => requestSession.get(req) ?? { user: null },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/users',
    summary: 'Tài khoản / accounts (administrators)',
    tag: 'auth',
    auth: 'actor',
    query: NONE,
    body: NONE,
    response: z.array(UserInfo),
    handler: ({ ctx }) => listUsers(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    summary: 'Tạo tài khoản / create an account (administrators)',
    tag: 'auth',
    auth: 'actor',
    query: NONE,
    body: UserInput,
    response: UserInfo,
    handler: ({ ctx, body }) => createUser(ctx, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/users',
    summary:
      'Khóa, mở khóa tài khoản hoặc đặt lại mật khẩu / disable, enable an account or reset its password (administrators)',
    tag: 'auth',
    auth: 'actor',
    query: NONE,
    body: AccountChange,
    response: z.object({ username: z.string(), disabled: z.boolean() }),
    handler: ({ ctx, body }) => changeAccount(ctx, body),
  }),
];
