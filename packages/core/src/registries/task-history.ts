import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, notFound } from '../errors.ts';
import { zodFieldErrors } from '../zod-errors.ts';
import { todayInVietnam } from '../periods/period-state.ts';
import { listRegistryItems } from './registries.ts';
import type { ItemOf } from './registry-schemas.ts';
import { type OverdueTask, type TaskChange, TaskStatusInput } from './task-schemas.ts';
import { updateRegistryItemData } from './registry-items.queries.ts';
import { type TaskChangeRow, insertTaskChange, selectTaskChanges } from './task-history.queries.ts';

// A task's day is Hà Nội's: a change at 00:30 on the 20th there is the 20th, not UTC's 19th.
const today = () => todayInVietnam();
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export const toTaskChange = (r: TaskChangeRow): TaskChange => ({
  status: TaskChangeStatus(r.status),
  note: r.note,
  dueOn: r.due_on,
  on: r.changed_on,
  by: r.changed_by,
  at: new Date(r.changed_at).toISOString(),
});
function TaskChangeStatus(s: string): TaskChange['status'] {
  return TaskStatusInput.shape.status.parse(s);
}

const refuse = (field: string, message: string, messageEn: string) =>
  new BaocaoError('INVALID_TASK_STATUS', message, messageEn, {
    details: [{ field, code: 'INVALID_TASK_STATUS', message, messageEn }],
  });

async function taskById(ctx: Ctx, id: number): Promise<ItemOf<'task'>> {
  const task = (await listRegistryItems(ctx, { kind: 'task' })).find((t) => t.id === id);
  if (!task || task.kind !== 'task') throw notFound(`Không có nhiệm vụ số ${id}`, `No task ${id}`);
  return task;
}

/**
 * Records a task's new status, with who, when and why: a slipped task needs its reason and a new
 * due date later than the one it missed; a cancelled one its reason. The task's current status and
 * due date follow; the history keeps every step (the first change also records where it started).
 */
export async function changeTaskStatus(
  ctx: Ctx,
  input: { id: number } & TaskStatusInput,
): Promise<{ task: ItemOf<'task'>; history: TaskChange[] }> {
  requireAccess(ctx, 'registry.write');
  const parsed = TaskStatusInput.safeParse(input);
  if (!parsed.success)
    throw new BaocaoError('INVALID_TASK_STATUS', 'Trạng thái nhiệm vụ không hợp lệ', 'Invalid task status', {
      details: zodFieldErrors(parsed.error),
    });
  const c = parsed.data;
  const task = await taskById(ctx, input.id);
  const note = c.note?.trim() || null;
  if ((c.status === 'slipped' || c.status === 'cancelled') && (!note || note.length < 5))
    throw refuse(
      'note',
      'Nhiệm vụ chậm tiến độ hoặc dừng thực hiện phải nêu lý do (ít nhất 5 ký tự)',
      'A slipped or cancelled task needs its reason (at least 5 characters)',
    );
  if (c.status === 'slipped' && !c.dueOn)
    throw refuse(
      'dueOn',
      'Nhiệm vụ chậm tiến độ phải có hạn hoàn thành mới',
      'A slipped task needs a new due date',
    );
  if (c.status === 'slipped' && task.dueOn && c.dueOn! <= task.dueOn)
    throw refuse(
      'dueOn',
      `Hạn mới phải sau hạn cũ (${task.dueOn})`,
      `The new due date must follow the one missed (${task.dueOn})`,
    );
  const on = c.on ?? today();
  return ctx.db.k.transaction().execute(async (trx) => {
    if (!(await selectTaskChanges(trx, [task.id])).length)
      await insertTaskChange(trx, {
        task_id: task.id,
        status: task.status,
        note: null,
        due_on: task.dueOn ?? null,
        changed_on: task.updatedAt.slice(0, 10),
        changed_by: task.updatedBy,
      });
    await insertTaskChange(trx, {
      task_id: task.id,
      status: c.status,
      note,
      due_on: c.dueOn ?? task.dueOn ?? null,
      changed_on: on,
      changed_by: ctx.actor.username,
    });
    const dueOn = c.dueOn ?? task.dueOn ?? null;
    const { id: _id, updatedBy: _by, updatedAt: _at, kind: _kind, period: _period, ...fields } = task;
    const now = new Date();
    await updateRegistryItemData(trx, task.id, {
      data: JSON.stringify({ ...fields, status: c.status, dueOn }),
      updated_by: ctx.actor.username,
      updated_at: now,
    });
    const updated: ItemOf<'task'> = {
      ...task,
      status: c.status,
      dueOn,
      updatedBy: ctx.actor.username,
      updatedAt: now.toISOString(),
    };
    await writeAudit(trx, ctx.actor, {
      entity: 'task',
      key: String(task.id),
      action: 'status',
      old: { status: task.status, dueOn: task.dueOn ?? null },
      new: { status: c.status, dueOn: c.dueOn ?? task.dueOn ?? null, on },
      reason: note,
    });
    const history = (await selectTaskChanges(trx, [task.id])).map(toTaskChange);
    return { task: updated, history };
  });
}

/** Every task's status history, oldest first, by task id. */
export async function taskHistories(ctx: Ctx, ids: number[]): Promise<Map<number, TaskChange[]>> {
  requireAccess(ctx, 'report.read');
  const out = new Map<number, TaskChange[]>();
  for (const r of await selectTaskChanges(ctx.db.k, ids))
    out.set(r.task_id, [...(out.get(r.task_id) ?? []), toTaskChange(r)]);
  return out;
}

/** Tasks past their due date and neither done nor cancelled, the latest first: the officer's board. */
export async function overdueTasks(ctx: Ctx, input: { today?: string } = {}): Promise<OverdueTask[]> {
  requireAccess(ctx, 'report.read');
  const day = input.today ?? today();
  return (await listRegistryItems(ctx, { kind: 'task' }))
    .flatMap((t) =>
      t.kind === 'task' && t.dueOn && t.dueOn < day && t.status !== 'done' && t.status !== 'cancelled'
        ? [
            {
              id: t.id,
              period: t.period,
              title: t.title,
              leadUnit: t.leadUnit ?? null,
              status: t.status,
              dueOn: t.dueOn,
              daysLate: dayNumber(day) - dayNumber(t.dueOn),
            },
          ]
        : [],
    )
    .sort((a, b) => b.daysLate - a.daysLate || a.id - b.id);
}
