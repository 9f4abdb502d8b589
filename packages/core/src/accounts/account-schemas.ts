/** Shapes of accounts and sessions that cross the API (Node-free, shared with the web app). */
import { z } from 'zod';
import { Abilities, Pages } from '../access/policy.ts';
import { ROLES } from '../roles.ts';

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{1,49}$/, 'Tên đăng nhập gồm chữ thường, số, dấu chấm, gạch'),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  unit: z.string().trim().toUpperCase().nullish(),
  password: z.string().min(10, 'Mật khẩu cần ít nhất 10 ký tự').max(200),
});
export type UserInput = z.input<typeof UserInput>;

export const UserInfo = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: z.string().nullable(),
  unitName: z.string().nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UserInfo = z.infer<typeof UserInfo>;

/** An administrator's change to an account: disable or enable it, or set a new password; with a reason. */
export const AccountChange = z.object({
  username: z.string().trim().toLowerCase().min(1),
  disabled: z.boolean().optional(),
  password: z.string().min(10, 'Mật khẩu cần ít nhất 10 ký tự').max(200).optional(),
  reason: z.string().trim().min(1, 'Cần ghi lý do').max(2000),
});
export type AccountChange = z.input<typeof AccountChange>;

/**
 * What the browser learns about its session: who it is, the token its writes must carry, and what
 * it may do (the policy's answer per action; the web app asks these, never the role name).
 */
export const SessionInfo = z.object({
  user: UserInfo,
  csrfToken: z.string(),
  abilities: Abilities,
  /** The pages of the web app this user may use (`pagesOf`): the nav and the pages' guard read them. */
  pages: Pages,
});
export type SessionInfo = z.infer<typeof SessionInfo>;
