import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import {
  MAX_FAILED_LOGINS,
  createDemoUsers,
  createUser,
  listUsers,
  login,
  logout,
  sessionFor,
} from './accounts.ts';
import { changeAccount } from './account-admin.ts';

let db: Database;
let sys: Ctx;
const PW = 'mat-khau-demo-2026';

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
});
afterAll(() => db.close());

describe('accounts and sessions', () => {
  it('creates one demo user per role, hashed with argon2id, never twice', async () => {
    const r = await createDemoUsers(sys, PW);
    expect(r).toEqual({
      created: ['admin', 'officer', 'reporter-danang', 'leader'],
      password: PW,
      generated: false,
    });
    expect((await createDemoUsers(sys, PW)).created).toEqual([]);
    const hashes = await db.k.selectFrom('app_user').select('password_hash').execute();
    expect(hashes.every((h) => h.password_hash.startsWith('$argon2id$'))).toBe(true);
    expect((await listUsers(sys)).find((u) => u.username === 'reporter-danang')?.unit).toBe('P48');
  });

  it('generates a password when none is given', async () => {
    const other = await createTestDatabase();
    await initStore(systemCtx(other));
    const r = await createDemoUsers(systemCtx(other));
    expect(r.generated).toBe(true);
    expect(r.password.length).toBeGreaterThanOrEqual(16);
    await other.close();
  });

  it('signs in, resolves the session to the actor, signs out', async () => {
    const s = await login(sys, { username: 'Reporter-Danang', password: PW });
    expect(s.user).toMatchObject({ username: 'reporter-danang', role: 'reporter', unit: 'P48' });
    const found = await sessionFor(sys, s.token);
    expect(found?.actor.role).toBe('reporter');
    expect(found?.csrfToken).toBe(s.csrfToken);
    const stored = await db.k.selectFrom('user_session').select('token_hash').execute();
    expect(stored.map((x) => x.token_hash)).not.toContain(s.token);
    await logout(sys, s.token);
    expect(await sessionFor(sys, s.token)).toBeNull();
  });

  it('answers the same for a wrong name and a wrong password, and throttles after repeated failures', async () => {
    const at = { address: '203.0.113.7' };
    await expect(login(sys, { username: 'nobody', password: 'x', ...at })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      await expect(login(sys, { username: 'leader', password: 'wrong', ...at })).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    await expect(login(sys, { username: 'leader', password: PW, ...at })).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      status: 429,
    });
    // The real user, elsewhere, is not locked out by a stranger's guesses.
    await expect(
      login(sys, { username: 'leader', password: PW, address: '198.51.100.2' }),
    ).resolves.toMatchObject({
      user: { username: 'leader' },
    });
  });

  it('gives an unknown name exactly the answers a known one gets', async () => {
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i <= MAX_FAILED_LOGINS; i++)
        out.push(
          await login(sys, { username, password: 'sai-mat-khau', address: '192.0.2.44' }).then(
            () => 'ok',
            (e: { code: string; status: number; message: string }) => `${e.status} ${e.code} ${e.message}`,
          ),
        );
      return out;
    };
    const known = await answers('officer');
    expect(await answers('khong-co-ai')).toEqual(known);
    expect(known.at(-1)).toMatch(/^429 TOO_MANY_ATTEMPTS/);
  });

  it('lets no more than the allowed guesses through when they are sent at once', async () => {
    const at = { address: '192.0.2.99' };
    const results = await Promise.all(
      Array.from({ length: 19 }, () =>
        login(sys, { username: 'admin', password: 'doan-mo', ...at }).then(
          () => 'ok',
          (e: { code: string }) => e.code,
        ),
      ),
    );
    expect(results.filter((r) => r === 'INVALID_CREDENTIALS')).toHaveLength(MAX_FAILED_LOGINS);
    expect(results.filter((r) => r === 'TOO_MANY_ATTEMPTS')).toHaveLength(19 - MAX_FAILED_LOGINS);
    await expect(login(sys, { username: 'admin', password: PW, ...at })).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
  });

  it('lets only administrators create accounts, with checked input', async () => {
    const officer: Ctx = { ...sys, actor: { username: 'officer', role: 'officer', unitId: null } };
    const input = {
      username: 'nv1',
      displayName: 'NV',
      role: 'reporter' as const,
      unit: 'P01',
      password: 'abcdefghijk',
    };
    await expect(createUser(officer, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createUser(sys, { ...input, password: 'short' })).rejects.toMatchObject({
      code: 'INVALID_USER',
      details: [expect.objectContaining({ field: 'password' })],
    });
    await expect(createUser(sys, { ...input, unit: null })).rejects.toMatchObject({ code: 'UNIT_REQUIRED' });
    await expect(createUser(sys, { ...input, username: 'admin' })).rejects.toMatchObject({
      code: 'USERNAME_TAKEN',
    });
    expect(await createUser(sys, input)).toMatchObject({ username: 'nv1', unit: 'P01' });
  });

  it('lets an administrator disable, enable and reset an account, audited, ending its sessions', async () => {
    const admin: Ctx = { ...sys, actor: { username: 'admin', role: 'admin', unitId: null } };
    const s = await login(sys, { username: 'reporter-danang', password: PW, address: '10.9.9.9' });
    expect(await sessionFor(sys, s.token)).not.toBeNull();
    await changeAccount(admin, { username: 'reporter-danang', disabled: true, reason: 'chuyển công tác' });
    expect(await sessionFor(sys, s.token)).toBeNull();
    // The right password learns the account is disabled; a wrong one learns nothing more than usual.
    await expect(
      login(sys, { username: 'reporter-danang', password: PW, address: '10.9.9.10' }),
    ).rejects.toMatchObject({
      code: 'ACCOUNT_DISABLED',
      status: 403,
      message: 'Tài khoản này đã bị khóa; liên hệ quản trị viên để mở lại',
    });
    await expect(
      login(sys, { username: 'reporter-danang', password: 'sai-mat-khau-123', address: '10.9.9.10' }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await changeAccount(admin, { username: 'reporter-danang', disabled: false, reason: 'trở lại' });
    await changeAccount(admin, {
      username: 'reporter-danang',
      password: 'mat-khau-moi-123',
      reason: 'quên mật khẩu',
    });
    await expect(
      login(sys, { username: 'reporter-danang', password: PW, address: '10.9.9.11' }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(
      login(sys, { username: 'reporter-danang', password: 'mat-khau-moi-123', address: '10.9.9.12' }),
    ).resolves.toMatchObject({ user: { username: 'reporter-danang' } });
    await expect(
      changeAccount(admin, { username: 'admin', disabled: true, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'SELF_DISABLE' });
    await expect(
      changeAccount(admin, { username: 'khong-co', disabled: true, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      changeAccount(admin, { username: 'leader', disabled: true, reason: '' }),
    ).rejects.toMatchObject({ code: 'INVALID_USER' });
    const officer: Ctx = { ...sys, actor: { username: 'officer', role: 'officer', unitId: null } };
    await expect(
      changeAccount(officer, { username: 'leader', disabled: true, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const audit = await db.k
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('entity', '=', 'user')
      .where('entity_key', '=', 'reporter-danang')
      .where('action', 'in', ['disable', 'enable', 'password_reset'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'disable', reason: 'chuyển công tác' },
      { action: 'enable', reason: 'trở lại' },
      { action: 'password_reset', reason: 'quên mật khẩu' },
    ]);
  });
});
