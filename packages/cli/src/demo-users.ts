import { type Ctx, DEMO_USERS, createDemoUsers } from '@baocao/core';

/**
 * Creates the demo accounts (one per role) with BAOCAO_DEMO_PASSWORD, or a generated password
 * printed once on stderr. Only demo paths call this; a production start never does.
 */
export async function announceDemoUsers(ctx: Ctx): Promise<void> {
  const r = await createDemoUsers(ctx, process.env.BAOCAO_DEMO_PASSWORD);
  if (r.created.length === 0) return;
  const names = DEMO_USERS.filter((u) => r.created.includes(u.username))
    .map((u) => `${u.username} (${u.role}${u.unit ? `, ${u.unit}` : ''})`)
    .join(', ');
  console.error(`Tài khoản demo / demo accounts: ${names}`);
  if (r.generated) console.error(`Mật khẩu (chỉ hiện một lần) / password, shown once: ${r.password}`);
}
