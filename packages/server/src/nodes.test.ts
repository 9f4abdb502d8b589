import {
  type Database,
  createDemoUsers,
  createLogger,
  initStore,
  openDatabase,
  systemCtx,
} from '@baocao/core';
import { type TestDatabase, createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

const PW = 'mat-khau-hai-nut-01';
let shared: TestDatabase;
let other: Database;
let a: App;
let b: App;

// Two app nodes behind a load balancer: separate processes in production, each with its own pool
// on the same PostgreSQL. Nothing a request relies on may live in one node's memory. (The embedded
// store is one process's by design, so this runs on the PostgreSQL pass.)
describe.skipIf(!process.env.BAOCAO_TEST_PG)('two app nodes on one PostgreSQL', () => {
  beforeAll(async () => {
    shared = await createTestDatabase();
    await initStore(systemCtx(shared));
    await createDemoUsers(systemCtx(shared), PW);
    other = await openDatabase({ url: shared.url! });
    const log = createLogger({ level: 'silent' });
    a = await buildApp({ db: shared, log, apiToken: 'node-a-token-0123456789', webRoot: null });
    b = await buildApp({ db: other, log, apiToken: 'node-b-token-0123456789', webRoot: null });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await other.close();
    await shared.close();
  });

  const login = (node: App, username: string, password: string) =>
    node.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('honours on one node a session opened on the other, and its sign-out', async () => {
    const r = await login(a, 'officer', PW);
    expect(r.statusCode).toBe(200);
    const cookie = `baocao_session=${r.cookies.find((c) => c.name === 'baocao_session')!.value}`;
    const csrf: string = r.json().csrfToken;
    const there = await b.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(there.json()).toMatchObject({ user: { username: 'officer' }, csrfToken: csrf });
    // A change on B with the CSRF token issued by A.
    const opened = await b.inject({
      method: 'PUT',
      url: '/api/periods',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { period: '2026M10' },
    });
    expect(opened.statusCode).toBe(200);
    const out = await b.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBeLessThan(300);
    const gone = await a.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(gone.json()).toEqual({ user: null });
  });

  it('holds the sign-in throttle across both nodes', async () => {
    // Five wrong passwords spread over the two nodes, from one client address.
    const wrong = [];
    for (const node of [a, b, a, b, a]) wrong.push((await login(node, 'leader', 'sai-mat-khau')).statusCode);
    expect(wrong).toEqual([401, 401, 401, 401, 401]);
    // Then even the right password is refused, on either node.
    for (const node of [b, a]) {
      const r = await login(node, 'leader', PW);
      expect(r.statusCode).toBe(429);
      expect(r.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    }
  });
});
