/** The dashboard's shape (Node-free, shared with the web app). */
import { z } from 'zod';
import { CompareResult, FigureStatus, ValueCell } from '../schemas.ts';

/** One cell of a pivot: a null value means the data does not support one. */
export const PivotCell = ValueCell;
export type PivotCell = z.infer<typeof PivotCell>;

/** An annual plan target as read and set. */
export const PlanTarget = z.object({
  indicator: z.string(),
  unit: z.string(),
  year: z.number().int(),
  value: z.number(),
  note: z.string().nullish(),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

export const SeriesPoint = z.object({
  period: z.string(),
  value: z.number().nullable(),
  status: FigureStatus.nullable(),
});

export const DashboardCard = z.object({
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  /** The unit of measure in English ("billion VND"); the Vietnamese one when none is recorded. */
  unitEn: z.string(),
  precision: z.number().int(),
  compare: CompareResult,
  series: z.array(SeriesPoint),
});
export type DashboardCard = z.infer<typeof DashboardCard>;

export const Dashboard = z.object({
  unit: z.string(),
  unitName: z.string(),
  unitNameEn: z.string(),
  period: z.string().nullable(),
  periodLabel: z.string().nullable(),
  cards: z.array(DashboardCard),
});
export type Dashboard = z.infer<typeof Dashboard>;
