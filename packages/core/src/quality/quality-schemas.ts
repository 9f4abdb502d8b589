/** Shapes of the data-quality API (Node-free): administrators' ranges and outlier findings. */
import { z } from 'zod';

const code = z.string().trim().min(1).max(64);

/** An administrator's range as the API and CLI take it. */
export const ValueRangeInput = z
  .object({
    indicator: code,
    unit: code,
    min: z.number().finite().nullable().default(null),
    max: z.number().finite().nullable().default(null),
    /** Refused at entry when true; otherwise flagged for an explanation. */
    hard: z.boolean().default(false),
    reason: z.string().trim().max(500).nullish(),
  })
  .refine((r) => r.min !== null || r.max !== null, {
    message: 'Cần ít nhất giá trị nhỏ nhất hoặc lớn nhất',
    path: ['min'],
  })
  .refine((r) => r.min === null || r.max === null || r.min <= r.max, {
    message: 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất',
    path: ['max'],
  });
export type ValueRangeInput = z.input<typeof ValueRangeInput>;

/** A stored range, as listed. */
export const ValueRangeRow = z.object({
  indicator: z.string(),
  unit: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  hard: z.boolean(),
  reason: z.string().nullable(),
  setBy: z.string(),
  setAt: z.string(),
});
export type ValueRangeRow = z.infer<typeof ValueRangeRow>;

/** The values of one unit and period to check for outliers. */
export const OutlierCheckInput = z.object({
  unit: code,
  period: z.string().trim().min(1).max(32),
  values: z.array(z.object({ indicator: code, value: z.number().finite() })).max(500),
});
export type OutlierCheckInput = z.infer<typeof OutlierCheckInput>;

/** One outlier finding (maps onto a quality flag with source 'outlier', or 'bound' for a range). */
export const OutlierFinding = z.object({
  indicator: z.string(),
  code: z.enum(['OUTLIER_HISTORY', 'OUTLIER_PEERS', 'OUTSIDE_RANGE']),
  severity: z.literal('warning'),
  vi: z.string(),
  en: z.string(),
  score: z.number(),
  basis: z.discriminatedUnion('method', [
    z.object({
      method: z.literal('history'),
      expected: z.number(),
      reference: z.string(),
      periods: z.number(),
      threshold: z.number(),
    }),
    z.object({
      method: z.literal('peers'),
      expected: z.number(),
      peers: z.number(),
      perCapita: z.boolean(),
      threshold: z.number(),
    }),
    z.object({ method: z.literal('range'), min: z.number().nullable(), max: z.number().nullable() }),
  ]),
});
