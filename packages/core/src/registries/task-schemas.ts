/** Shapes of a task's status history. Node-free (the web app shows it). */
import { z } from 'zod';
import { TaskStatus } from './registry-schemas.ts';

export const TaskStatusInput = z.object({
  status: TaskStatus,
  /** Why: required when a task slips or is cancelled; what was done, otherwise. */
  note: z.string().trim().max(1000).nullish(),
  /** The new due date (required when a task slips). */
  dueOn: z.iso.date().nullish(),
  /** The day the status took effect (a task done on the 28th, entered on the 30th); today by default. */
  on: z.iso.date().nullish(),
});
export type TaskStatusInput = z.input<typeof TaskStatusInput>;

export const TaskChange = z.object({
  status: TaskStatus,
  note: z.string().nullable(),
  dueOn: z.string().nullable(),
  on: z.string(),
  by: z.string(),
  at: z.string(),
});
export type TaskChange = z.output<typeof TaskChange>;

/**
 * A report section a task appeared in: a published report's frozen copy lists it; a draft's section
 * lists it as the draft stands (the tasks of the period the section names).
 */
export const TaskAppearance = z.object({
  template: z.string(),
  templateName: z.string(),
  period: z.string(),
  unit: z.string(),
  section: z.string(),
  heading: z.string().nullable(),
  /** The report went out (its frozen copy states the task) or is a draft as it stands. */
  published: z.boolean(),
});
export type TaskAppearance = z.output<typeof TaskAppearance>;

export const OverdueTask = z.object({
  id: z.number().int(),
  period: z.string(),
  title: z.string(),
  leadUnit: z.string().nullable(),
  status: TaskStatus,
  dueOn: z.string(),
  daysLate: z.number().int(),
});
export type OverdueTask = z.output<typeof OverdueTask>;
