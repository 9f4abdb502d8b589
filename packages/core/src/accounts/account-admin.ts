import { hash } from '@node-rs/argon2';
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, notFound } from '../errors.ts';
import { zodFieldErrors } from '../zod-errors.ts';
import { AccountChange } from './account-schemas.ts';
import { deleteSessionsOfUser, lockUserByName, updateUserAccess } from './accounts.queries.ts';
import { ARGON } from './password.ts';

const noSuchUser = (username: string) =>
  notFound(`Không có tài khoản "${username}"`, `No account "${username}"`);

/**
 * An administrator disables or re-enables an account, or sets a new password; audited with a
 * reason. Disabling ends the account's sessions at once; a new password ends them too (whoever
 * held the old one is signed out). An administrator may not disable their own account.
 */
export async function changeAccount(
  ctx: Ctx,
  input: AccountChange,
): Promise<{ username: string; disabled: boolean }> {
  requireAccess(ctx, 'user.manage');
  const parsed = AccountChange.safeParse(input);
  if (!parsed.success)
    throw new BaocaoError('INVALID_USER', 'Thay đổi tài khoản không hợp lệ', 'Invalid account change', {
      details: zodFieldErrors(parsed.error),
    });
  const c = parsed.data;
  if (c.disabled && c.username === ctx.actor.username)
    throw new BaocaoError(
      'SELF_DISABLE',
      'Không tự khóa tài khoản của chính mình; nhờ một quản trị viên khác',
      'You may not disable your own account; ask another administrator',
      { status: 409 },
    );
  const passwordHash = c.password ? await hash(c.password, ARGON) : null;
  return ctx.db.k.transaction().execute(async (trx) => {
    const user = await lockUserByName(trx, c.username);
    if (!user) throw noSuchUser(c.username);
    const disabled = c.disabled ?? user.disabled;
    await updateUserAccess(trx, user.id, { disabled, passwordHash });
    if (disabled || passwordHash) await deleteSessionsOfUser(trx, user.id);
    await writeAudit(trx, ctx.actor, {
      entity: 'user',
      key: c.username,
      action: passwordHash ? 'password_reset' : disabled ? 'disable' : 'enable',
      old: { disabled: user.disabled },
      new: { disabled },
      reason: c.reason,
    });
    return { username: c.username, disabled };
  });
}
