/**
 * Who may do what: the one policy of baocao, Node-free so the browser asks the same module. The
 * server sends each signed-in user their abilities; the web app asks `abilities[action]`, never a
 * role name. Unit scope (a reporter's own unit) is checked on top of this by `requireAccess`.
 */
import { z } from 'zod';
import type { Role } from '../roles.ts';

export const ACTIONS = [
  'catalog.write',
  'unit.write',
  'plan.write',
  'period.lock',
  'value.read',
  'value.write',
  'audit.read',
  'registry.write',
  'report.read',
  'report.write',
  'report.publish',
  'form.write',
  'form.review',
  'data.release',
  'user.manage',
  'store.backup',
  'interop.manage',
] as const;

/** Everything an actor may be asked permission for. */
export type Action = (typeof ACTIONS)[number];

const OFFICER: readonly Action[] = [
  'catalog.write',
  'unit.write',
  'plan.write',
  'period.lock',
  'value.read',
  'value.write',
  'audit.read',
  'registry.write',
  'report.read',
  'report.write',
  'report.publish',
  'form.write',
  'form.review',
  'data.release',
];

// Reporters write through their unit's form only: their values reach the tables when an officer
// approves the form, so they hold form.write but not value.write. Leaders read, publish and
// release; they do not edit.
const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: [...OFFICER, 'user.manage', 'store.backup', 'interop.manage'],
  officer: OFFICER,
  leader: ['value.read', 'audit.read', 'report.read', 'report.publish', 'data.release'],
  reporter: ['value.read', 'form.write'],
  public: [],
};

/** Whether a role may perform an action at all (unit scope aside). */
export const can = (role: Role, action: Action): boolean => ROLE_ACTIONS[role].includes(action);

/** A user's abilities, one boolean per action: what the session answer carries to the browser. */
export const Abilities = z.record(z.enum(ACTIONS), z.boolean());
export type Abilities = z.infer<typeof Abilities>;

/** Every action with whether the role may perform it. */
export function abilitiesOf(role: Role): Abilities {
  return Abilities.parse(Object.fromEntries(ACTIONS.map((a) => [a, can(role, a)])));
}

/** The Vietnamese words for an action, for refusals. */
export const ACTION_VI: Record<Action, string> = {
  'catalog.write': 'sửa danh mục chỉ tiêu',
  'unit.write': 'sửa danh mục đơn vị',
  'plan.write': 'đặt kế hoạch năm',
  'period.lock': 'khóa kỳ báo cáo',
  'value.read': 'xem số liệu',
  'value.write': 'nhập số liệu',
  'audit.read': 'xem lịch sử thay đổi',
  'registry.write': 'cập nhật văn bản, nhiệm vụ, hoạt động',
  'report.read': 'xem báo cáo chưa công bố',
  'report.write': 'soạn báo cáo',
  'report.publish': 'phát hành báo cáo',
  'form.write': 'nhập biểu mẫu báo cáo',
  'form.review': 'duyệt biểu mẫu báo cáo',
  'data.release': 'công bố số liệu',
  'user.manage': 'quản lý tài khoản',
  'store.backup': 'sao lưu, phục hồi kho dữ liệu',
  'interop.manage': 'sửa bảng mã trao đổi dữ liệu (DHIS2)',
};
