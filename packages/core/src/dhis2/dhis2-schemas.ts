import { z } from 'zod';

/** How identifiers are written: DHIS2's id schemes (ATTRIBUTE:… is refused: we keep no attributes). */
export const IdScheme = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.enum(['UID', 'CODE', 'NAME']));
export type IdScheme = z.output<typeof IdScheme>;

const bool = z
  .enum(['true', 'false'])
  .transform((s) => s === 'true')
  .or(z.boolean());

/** DHIS2's import strategies, with the older names DHIS2 still accepts. */
const STRATEGY_NAMES = {
  CREATE_AND_UPDATE: 'CREATE_AND_UPDATE',
  NEW_AND_UPDATES: 'CREATE_AND_UPDATE',
  CREATE: 'CREATE',
  NEW: 'CREATE',
  UPDATE: 'UPDATE',
  UPDATES: 'UPDATE',
  DELETE: 'DELETE',
  DELETES: 'DELETE',
} as const;

/** The query parameters of `POST /api/dataValueSets` that baocao reads (others are ignored, as DHIS2 does). */
export const Dhis2ImportOptions = z.object({
  dryRun: bool.default(false),
  importStrategy: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.enum(Object.keys(STRATEGY_NAMES) as [keyof typeof STRATEGY_NAMES]))
    .transform((s) => STRATEGY_NAMES[s])
    .default('CREATE_AND_UPDATE'),
  idScheme: z.string().optional(),
  dataElementIdScheme: z.string().optional(),
  orgUnitIdScheme: z.string().optional(),
  categoryOptionComboIdScheme: z.string().optional(),
  skipAudit: z.string().optional(),
});
export type Dhis2ImportOptions = z.input<typeof Dhis2ImportOptions>;

/** One data value as DHIS2 writes it; fields are read one by one so each problem is a conflict. */
export const Dhis2DataValue = z.looseObject({
  dataElement: z.unknown().optional(),
  period: z.unknown().optional(),
  orgUnit: z.unknown().optional(),
  categoryOptionCombo: z.unknown().optional(),
  attributeOptionCombo: z.unknown().optional(),
  value: z.unknown().optional(),
  comment: z.unknown().optional(),
});

/** A DHIS2 data value set: set-level dataSet, period, orgUnit apply to values that name none. */
export const Dhis2DataValueSet = z.looseObject({
  dataSet: z.string().optional(),
  completeDate: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
  dataValues: z.array(Dhis2DataValue).max(500_000),
});
export type Dhis2DataValueSet = z.infer<typeof Dhis2DataValueSet>;

/** A conflict as DHIS2 reports one, with our code, the field and the value's index. */
export const Dhis2Conflict = z.object({
  object: z.string(),
  value: z.string(),
  valueEn: z.string(),
  errorCode: z.string(),
  property: z.string().optional(),
  indexes: z.array(z.number().int()),
});
export type Dhis2Conflict = z.infer<typeof Dhis2Conflict>;

/** DHIS2's ImportSummary, as its tools read it. */
export const Dhis2ImportSummary = z.object({
  responseType: z.literal('ImportSummary'),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  description: z.string(),
  importOptions: z.object({
    dryRun: z.boolean(),
    importStrategy: z.string(),
    idSchemes: z.object({ dataElementIdScheme: z.string(), orgUnitIdScheme: z.string() }),
  }),
  importCount: z.object({
    imported: z.number().int(),
    updated: z.number().int(),
    ignored: z.number().int(),
    deleted: z.number().int(),
  }),
  conflicts: z.array(Dhis2Conflict),
  dataSetComplete: z.string(),
  /** On a refusal, our error fields too, so our clients read it as every other error. */
  code: z.string().optional(),
  message: z.string().optional(),
  messageEn: z.string().optional(),
  /** How many conflicts there were; `conflicts` lists the first 1,000. */
  conflictsTotal: z.number().int().optional(),
});
export type Dhis2ImportSummary = z.infer<typeof Dhis2ImportSummary>;

/** The query of `GET /api/dataValueSets`; repeated parameters arrive as arrays. */
const many = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .optional();
export const Dhis2ExportQuery = z.object({
  dataSet: many,
  dataElement: many,
  period: many,
  startDate: z.iso.date().optional(),
  endDate: z.iso.date().optional(),
  orgUnit: many,
  children: bool.default(false),
  idScheme: z.string().optional(),
  dataElementIdScheme: z.string().optional(),
  orgUnitIdScheme: z.string().optional(),
});
export type Dhis2ExportQuery = z.input<typeof Dhis2ExportQuery>;

/** A data value as baocao exports it, in DHIS2's shape. */
export const Dhis2ExportedValue = z.object({
  dataElement: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  categoryOptionCombo: z.string(),
  attributeOptionCombo: z.string(),
  value: z.string(),
  storedBy: z.string(),
  created: z.string(),
  lastUpdated: z.string(),
  comment: z.string().optional(),
  followup: z.boolean(),
});
export type Dhis2ExportedValue = z.infer<typeof Dhis2ExportedValue>;
