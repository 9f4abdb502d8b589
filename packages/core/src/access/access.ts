import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';

/** Everything an actor may be asked permission for. */
export type Action =
  | 'catalog.write'
  | 'unit.write'
  | 'plan.write'
  | 'period.lock'
  | 'value.read'
  | 'value.write'
  | 'audit.read'
  | 'registry.write'
  | 'report.read'
  | 'report.write'
  | 'report.publish'
  | 'form.write'
  | 'form.review'
  | 'data.release'
  | 'user.manage'
  | 'store.backup';

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
// approves the form, so they hold form.write but not value.write.
const ROLE_ACTIONS: Record<Ctx['actor']['role'], readonly Action[]> = {
  admin: [...OFFICER, 'user.manage', 'store.backup'],
  officer: OFFICER,
  leader: ['value.read', 'audit.read', 'report.read', 'report.publish', 'data.release'],
  reporter: ['value.read', 'form.write'],
  public: [],
};
const ACTION_VI: Record<Action, string> = {
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
};

/** Whether the actor's role allows `action` at all (for showing more, never for deciding a write). */
export const hasRole = (ctx: Ctx, action: Action): boolean => ROLE_ACTIONS[ctx.actor.role].includes(action);

/**
 * Throws FORBIDDEN unless the actor may perform `action` — on every unit in `unitIds` when the
 * action is unit-scoped. `ancestorsOf` gives each unit's ancestors (the unit included).
 */
export function requireAccess(
  ctx: Ctx,
  action: Action,
  scope?: { unitIds: Iterable<number>; ancestorsOf: (unitId: number) => readonly number[] },
): void {
  const { actor } = ctx;
  if (!ROLE_ACTIONS[actor.role].includes(action)) {
    throw forbidden(
      `Tài khoản "${actor.username}" (vai trò ${actor.role}) không có quyền ${ACTION_VI[action]}`,
      `User "${actor.username}" (role ${actor.role}) may not ${action}`,
    );
  }
  if (!scope || actor.unitId === null) return;
  for (const unitId of scope.unitIds) {
    if (!scope.ancestorsOf(unitId).includes(actor.unitId)) {
      throw forbidden(
        `Tài khoản "${actor.username}" chỉ được ${ACTION_VI[action]} của đơn vị mình`,
        `User "${actor.username}" may ${action} only within their own unit`,
      );
    }
  }
}
