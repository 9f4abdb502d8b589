/**
 * Who may do what: the one policy of baocao, Node-free so the browser asks the same module. The
 * server sends each signed-in user their abilities, and with every form, period, report and unit
 * what the person may do with that object (`formAbilities`, `periodAbilities`…, computed here from
 * the object's state); the web app shows controls from these alone, never from a role, a status or
 * a unit. Unit scope (a reporter's own unit) is checked on top of this by `requireAccess`.
 */
import { z } from 'zod';
import type { Role } from '../roles.ts';
import type { FormStatus } from '../schemas.ts';

export const ACTIONS = [
  'catalog.write',
  'unit.write',
  'plan.write',
  'period.open',
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
  'period.open',
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

/**
 * Whether values an actor puts into a unit's form are entered for the unit by someone else (an
 * officer, who may write values directly, or a person of another unit): the unit's reporters are
 * then told which of them they must explain. A unit's own reporters enter their own values.
 */
export const entersForOthers = (role: Role, actorUnitId: number | null, unitId: number): boolean =>
  can(role, 'value.write') || actorUnitId !== unitId;

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
  'period.open': 'mở, đóng kỳ báo cáo và đặt hạn nộp',
  'period.lock': 'khóa, mở khóa số liệu của kỳ',
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

/** The pages of the web app a user may use: the nav shows these, and a page not listed is refused. */
export const Pages = z.object({
  forms: z.boolean(),
  board: z.boolean(),
  dashboard: z.boolean(),
  reports: z.boolean(),
  check: z.boolean(),
  feeds: z.boolean(),
  infosystems: z.boolean(),
  admin: z.boolean(),
});
export type Pages = z.infer<typeof Pages>;

/**
 * The pages of a role, and of a user bound to a unit or not: a unit's people fill their forms;
 * the ministry's (no unit) follow every unit on the board and the security feeds.
 */
export function pagesOf(role: Role, hasUnit: boolean): Pages {
  const may = (a: Action) => can(role, a);
  return {
    forms: may('form.write') && hasUnit,
    board: may('value.read') && !hasUnit,
    dashboard: may('value.read'),
    reports: may('report.read'),
    check: true,
    feeds: may('value.read') && !hasUnit,
    infosystems: may('value.read'),
    admin: may('period.open') || may('user.manage'),
  };
}

/** What a person may do with one unit's form for one period. */
export const FormAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  unlock: z.boolean(),
});
export type FormAbilities = z.infer<typeof FormAbilities>;

/** The form's state as abilities need it: every field is decided by the form and period state modules. */
export interface FormFacts {
  status: FormStatus;
  /** Nothing on the form can change: its period is closed, locked, or has not ended. */
  closed: boolean;
  /** The form's unit lies inside the person's scope (`inScope`). */
  inScope: boolean;
  /** The person is who submitted it (four eyes: nobody approves their own form). */
  ownSubmission: boolean;
}

/** A form its unit can still change: not started, a draft, or returned (not submitted nor approved). */
export const isEditableStatus = (status: FormStatus | string): boolean =>
  status === 'missing' || status === 'draft' || status === 'returned';

/** What the person may do with a form: the rule core's form functions and the web both follow. */
export function formAbilities(role: Role, f: FormFacts): FormAbilities {
  const writable = can(role, 'form.write') && f.inScope && !f.closed;
  const editable = isEditableStatus(f.status);
  const review = can(role, 'form.review') && f.inScope;
  return {
    edit: writable && editable,
    submit: writable && editable,
    approve: review && !f.closed && f.status === 'submitted' && !f.ownSubmission && can(role, 'value.write'),
    return: review && !f.closed && f.status === 'submitted',
    unlock: review && f.status === 'approved',
  };
}

/** What a person may do with a reporting period. */
export const PeriodAbilities = z.object({
  /** Open it (again), or early before it ends. */
  open: z.boolean(),
  close: z.boolean(),
  setDeadline: z.boolean(),
  release: z.boolean(),
});
export type PeriodAbilities = z.infer<typeof PeriodAbilities>;

export function periodAbilities(
  role: Role,
  p: { open: boolean; closedBy: string | null; released: boolean },
): PeriodAbilities {
  const manage = can(role, 'period.open');
  return {
    // A lock is lifted by unlocking (`period.lock`), not by reopening the reporting period.
    open: manage && !p.open && p.closedBy !== 'lock',
    close: manage && p.open,
    setDeadline: manage,
    release: can(role, 'data.release') && !p.released,
  };
}

/** What a person may do with a unit (the catalog's and the forms' units). */
export const UnitAbilities = z.object({
  edit: z.boolean(),
  read: z.boolean(),
  report: z.boolean(),
});
export type UnitAbilities = z.infer<typeof UnitAbilities>;

export function unitAbilities(role: Role, inScope: boolean): UnitAbilities {
  return {
    edit: can(role, 'unit.write'),
    read: can(role, 'value.read') && inScope,
    report: can(role, 'form.write') && inScope,
  };
}

/** What a person may do with a report (a template for a period). */
export const ReportAbilities = z.object({
  edit: z.boolean(),
  publish: z.boolean(),
  read: z.boolean(),
});
export type ReportAbilities = z.infer<typeof ReportAbilities>;

export function reportAbilities(role: Role, r: { published: boolean }): ReportAbilities {
  return {
    edit: can(role, 'report.write') && !r.published,
    publish: can(role, 'report.publish') && !r.published,
    read: r.published || can(role, 'report.read'),
  };
}
