import type { Actor, Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { ACTION_VI, type Action, can } from './policy.ts';

export type { Action } from './policy.ts';

/** Whether the actor's role allows `action` at all (for showing more, never for deciding a write). */
export const hasRole = (ctx: Ctx, action: Action): boolean => can(ctx.actor.role, action);

/**
 * Whether `unitId` lies inside the actor's scope: everything for an actor without a unit, their
 * own unit's subtree otherwise. The one statement of the unit-scope rule.
 */
export const inScope = (
  actor: Actor,
  unitId: number,
  ancestorsOf: (unitId: number) => readonly number[],
): boolean => actor.unitId === null || ancestorsOf(unitId).includes(actor.unitId);

/**
 * Throws FORBIDDEN unless the actor may perform `action` (the policy) — on every unit in `unitIds`
 * when the action is unit-scoped. `ancestorsOf` gives each unit's ancestors (the unit included).
 */
export function requireAccess(
  ctx: Ctx,
  action: Action,
  scope?: { unitIds: Iterable<number>; ancestorsOf: (unitId: number) => readonly number[] },
): void {
  const { actor } = ctx;
  if (!can(actor.role, action)) {
    throw forbidden(
      `Tài khoản "${actor.username}" (vai trò ${actor.role}) không có quyền ${ACTION_VI[action]}`,
      `User "${actor.username}" (role ${actor.role}) may not ${action}`,
    );
  }
  if (!scope) return;
  for (const unitId of scope.unitIds) {
    if (!inScope(actor, unitId, scope.ancestorsOf)) {
      throw forbidden(
        `Tài khoản "${actor.username}" chỉ được ${ACTION_VI[action]} của đơn vị mình`,
        `User "${actor.username}" may ${action} only within their own unit`,
      );
    }
  }
}
