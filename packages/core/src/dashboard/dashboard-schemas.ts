/** The dashboard's shape (Node-free, shared with the web app). */
import { z } from 'zod';
import { CompareResult } from '../schemas.ts';

export const SeriesPoint = z.object({
  period: z.string(),
  value: z.number().nullable(),
  status: z.enum(['estimate', 'official']).nullable(),
});

export const DashboardCard = z.object({
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  precision: z.number().int(),
  compare: CompareResult,
  series: z.array(SeriesPoint),
});
export type DashboardCard = z.infer<typeof DashboardCard>;

export const Dashboard = z.object({
  unit: z.string(),
  unitName: z.string(),
  period: z.string().nullable(),
  periodLabel: z.string().nullable(),
  cards: z.array(DashboardCard),
});
export type Dashboard = z.infer<typeof Dashboard>;
