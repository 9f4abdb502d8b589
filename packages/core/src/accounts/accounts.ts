import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { requireAccess } from '../access/access.ts';
import { abilitiesOf, pagesOf } from '../access/policy.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { zodFieldErrors } from '../zod-errors.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { LoginInput, type SessionInfo, UserInfo, UserInput } from './account-schemas.ts';
import {
  deleteExpiredSessions,
  deleteSessionByToken,
  findSession,
  findUserForLogin,
  findUserIdByName,
  insertSession,
  insertUser,
  selectUserById,
  selectUsers,
} from './accounts.queries.ts';
import { clearAttempts, takeAttempt } from './throttle.queries.ts';
import { ARGON } from './password.ts';

/** After this many sign-in attempts in a row for one name from one address, that pair waits LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

// Verified when the user does not exist, so a wrong name costs as long as a wrong password.
const DUMMY_HASH = hash('baocao-no-such-user', ARGON);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const badCredentials = () =>
  new BaocaoError(
    'INVALID_CREDENTIALS',
    'Tên đăng nhập hoặc mật khẩu không đúng',
    'Wrong username or password',
    { status: 401 },
  );

const toInfo = (r: {
  id: number;
  username: string;
  display_name: string;
  role: UserInfo['role'];
  unit: string | null;
  disabled?: boolean;
}): UserInfo => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  unit: r.unit,
  ...(r.disabled === undefined ? {} : { disabled: r.disabled }),
});

/** Creates an account (administrators only); the password is stored as an argon2id hash. Audited. */
export async function createUser(ctx: Ctx, input: UserInput): Promise<UserInfo> {
  requireAccess(ctx, 'user.manage');
  const parsed = UserInput.safeParse(input);
  if (!parsed.success) {
    throw new BaocaoError('INVALID_USER', 'Thông tin tài khoản không hợp lệ', 'Invalid account details', {
      details: zodFieldErrors(parsed.error),
    });
  }
  const u = parsed.data;
  let unitId: number | null = null;
  if (u.unit) {
    const graph = await loadUnitGraph(ctx.db.k);
    unitId = graph.byCode.get(u.unit)?.id ?? null;
    if (unitId === null) throw unknownUnit(u.unit);
  }
  if (u.role === 'reporter' && unitId === null) {
    throw new BaocaoError(
      'UNIT_REQUIRED',
      'Tài khoản báo cáo viên phải gắn với một đơn vị',
      'A reporter account needs an org unit',
    );
  }
  const passwordHash = await hash(u.password, ARGON);
  return ctx.db.k.transaction().execute(async (trx) => {
    const taken = await findUserIdByName(trx, u.username);
    if (taken) {
      throw new BaocaoError(
        'USERNAME_TAKEN',
        `Tên đăng nhập "${u.username}" đã có`,
        `Username "${u.username}" is taken`,
        {
          status: 409,
        },
      );
    }
    const { id } = await insertUser(trx, {
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      unit_id: unitId,
      password_hash: passwordHash,
    });
    await writeAudit(trx, ctx.actor, {
      entity: 'user',
      key: u.username,
      action: 'create',
      new: { role: u.role, unit: u.unit ?? null },
    });
    return { id, username: u.username, displayName: u.displayName, role: u.role, unit: u.unit ?? null };
  });
}

/** Every account (administrators only), without secrets. */
export async function listUsers(ctx: Ctx): Promise<UserInfo[]> {
  requireAccess(ctx, 'user.manage');
  const rows = await selectUsers(ctx.db.k);
  return rows.map(toInfo);
}

const throttled = () =>
  new BaocaoError(
    'TOO_MANY_ATTEMPTS',
    `Đăng nhập sai quá ${MAX_FAILED_LOGINS} lần với tên này từ địa chỉ này; thử lại sau ${LOCK_MINUTES} phút hoặc liên hệ quản trị viên`,
    `More than ${MAX_FAILED_LOGINS} failed sign-ins for this name from this address; try again in ${LOCK_MINUTES} minutes or ask an administrator`,
    { status: 429 },
  );

/**
 * Checks a password and opens a session. Attempts are throttled per (name, client address):
 * MAX_FAILED_LOGINS, then LOCK_MINUTES of refusal, taken atomically before the password is
 * checked. The answers never tell whether the name exists: an unknown name is throttled and
 * refused exactly like a known one, and costs the same time. Returns the session token (for the
 * cookie; only its hash is stored) and the CSRF token.
 */
export async function login(
  ctx: Ctx,
  input: LoginInput & { address?: string },
): Promise<SessionInfo & { token: string }> {
  const { username, password } = LoginInput.parse(input);
  const key = { username: username.toLowerCase(), address: input.address ?? 'local' };
  if (!(await takeAttempt(ctx.db.k, key, MAX_FAILED_LOGINS, LOCK_MINUTES))) throw throttled();
  const user = await findUserForLogin(ctx.db.k, username);
  const right = await verify(user ? user.password_hash : await DUMMY_HASH, password).catch(() => false);
  // A disabled account is told so, but only to whoever knows its password: to anyone else it is
  // refused like any wrong password, so the answer reveals nothing about the name.
  if (user?.disabled && right) {
    const actor: Actor = { username: user.username, role: user.role, unitId: user.unit_id };
    await writeAudit(ctx.db.k, actor, {
      entity: 'user',
      key: user.username,
      action: 'login_refused_disabled',
      reason: key.address,
    });
    throw new BaocaoError(
      'ACCOUNT_DISABLED',
      'Tài khoản này đã bị khóa; liên hệ quản trị viên để mở lại',
      'This account is disabled; ask an administrator to enable it again',
      { status: 403 },
    );
  }
  if (!user || user.disabled || !right) {
    if (user) {
      const actor: Actor = { username: user.username, role: user.role, unitId: user.unit_id };
      await writeAudit(ctx.db.k, actor, {
        entity: 'user',
        key: user.username,
        action: 'login_failed',
        reason: key.address,
      });
    }
    throw badCredentials();
  }
  const actor: Actor = { username: user.username, role: user.role, unitId: user.unit_id };
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.k.transaction().execute(async (trx) => {
    await clearAttempts(trx, key);
    await deleteExpiredSessions(trx, new Date());
    await insertSession(trx, {
      token_hash: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000),
    });
    await writeAudit(trx, actor, { entity: 'user', key: user.username, action: 'login' });
  });
  const unit = (await selectUserById(ctx.db.k, user.id)).unit;
  return {
    token,
    csrfToken,
    user: toInfo({ ...user, unit }),
    abilities: abilitiesOf(user.role),
    pages: pagesOf(user.role, user.unit_id !== null),
  };
}

/** The actor and CSRF token of a live session token, or null (unknown, expired or disabled). */
export async function sessionFor(
  ctx: Pick<Ctx, 'db'>,
  token: string,
): Promise<(SessionInfo & { actor: Actor }) | null> {
  if (!token) return null;
  const s = await findSession(ctx.db.k, sha256(token));
  if (!s) return null;
  return {
    actor: { username: s.username, role: s.role, unitId: s.unit_id },
    csrfToken: s.csrf_token,
    user: { ...toInfo(s), unitName: s.unit_name },
    abilities: abilitiesOf(s.role),
    pages: pagesOf(s.role, s.unit_id !== null),
  };
}

/** Ends a session (signing out). */
export async function logout(ctx: Ctx, token: string): Promise<void> {
  await deleteSessionByToken(ctx.db.k, sha256(token));
}

/** The demo accounts: one per role, named after it. */
export const DEMO_USERS = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', unit: null },
  { username: 'officer', displayName: 'Cán bộ tổng hợp', role: 'officer', unit: null },
  { username: 'reporter-danang', displayName: 'Sở KH&CN Đà Nẵng', role: 'reporter', unit: 'P48' },
  { username: 'leader', displayName: 'Lãnh đạo Bộ', role: 'leader', unit: null },
] as const;

/**
 * Creates the demo accounts that do not exist yet, all with `password` or, when none is given, one
 * generated here (returned so the caller prints it once). Never called by a production start.
 */
export async function createDemoUsers(
  ctx: Ctx,
  password?: string,
): Promise<{ created: string[]; password: string; generated: boolean }> {
  const pw = password || randomBytes(12).toString('base64url');
  const existing = new Set((await selectUsers(ctx.db.k)).map((u) => u.username));
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) continue;
    await createUser(ctx, { ...u, password: pw });
    created.push(u.username);
  }
  return { created, password: pw, generated: !password };
}
