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
  dataSetIdScheme: z.string().optional(),
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
  /** DHIS2 reads `followUp`; its exports (and older versions) write `followup`. */
  followUp: z.unknown().optional(),
  followup: z.unknown().optional(),
  deleted: z.unknown().optional(),
});
export type Dhis2DataValue = z.infer<typeof Dhis2DataValue>;

/**
 * A DHIS2 data value set: set-level dataSet, period, orgUnit apply to values that name none. As in
 * DHIS2, the set may carry the import options too (`dryRun`, the id schemes, `strategy`): they
 * override the query's.
 */
export const Dhis2DataValueSet = z.looseObject({
  dataSet: z.string().optional(),
  completeDate: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
  dryRun: bool.optional(),
  idScheme: z.string().optional(),
  dataElementIdScheme: z.string().optional(),
  orgUnitIdScheme: z.string().optional(),
  dataSetIdScheme: z.string().optional(),
  categoryOptionComboIdScheme: z.string().optional(),
  strategy: z.string().optional(),
  importStrategy: z.string().optional(),
  dataValues: z.array(Dhis2DataValue).max(500_000).default([]),
});
export type Dhis2DataValueSet = z.infer<typeof Dhis2DataValueSet>;

/** The set-level options a data value set may carry, in the query's names. */
export const bodyOptions = (set: Dhis2DataValueSet): Partial<z.input<typeof Dhis2ImportOptions>> => {
  const out: Partial<z.input<typeof Dhis2ImportOptions>> = {};
  if (set.dryRun !== undefined) out.dryRun = set.dryRun;
  const strategy = set.importStrategy ?? set.strategy;
  if (strategy !== undefined) out.importStrategy = strategy;
  for (const k of [
    'idScheme',
    'dataElementIdScheme',
    'orgUnitIdScheme',
    'dataSetIdScheme',
    'categoryOptionComboIdScheme',
  ] as const)
    if (set[k] !== undefined) out[k] = set[k];
  return out;
};

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

/** DHIS2 2.38+ wraps the summary in a WebMessage; API version 37 and older answer it bare. */
export const Dhis2WebMessage = z.object({
  httpStatus: z.enum(['OK', 'Conflict']),
  httpStatusCode: z.union([z.literal(200), z.literal(409)]),
  status: z.enum(['OK', 'WARNING', 'ERROR']),
  message: z.string(),
  /** On a refusal, our error code and English message too, so our clients read it as every error. */
  code: z.string().optional(),
  messageEn: z.string().optional(),
  response: Dhis2ImportSummary,
});
export type Dhis2WebMessage = z.infer<typeof Dhis2WebMessage>;

/** The summary as DHIS2 answers it at an API version (`undefined`: unversioned, the current one). */
export function dhis2Answer(
  summary: Dhis2ImportSummary,
  version: number | undefined,
): { status: 200 | 409; body: Dhis2ImportSummary | Dhis2WebMessage } {
  const failed = summary.status === 'ERROR';
  // Before 2.38 the summary came bare with 200 whatever it said; since, a refusal is a 409.
  if (version !== undefined && version <= 37) return { status: 200, body: summary };
  const body: Dhis2WebMessage = failed
    ? {
        httpStatus: 'Conflict',
        httpStatusCode: 409,
        status: 'ERROR',
        message: 'An error occurred, please check import summary.',
        code: summary.code ?? 'IMPORT_CONFLICTS',
        messageEn: summary.messageEn ?? 'Nothing was written',
        response: summary,
      }
    : {
        httpStatus: 'OK',
        httpStatusCode: 200,
        status: 'OK',
        message: 'Import was successful.',
        response: summary,
      };
  return { status: failed ? 409 : 200, body };
}

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
  /** DHIS2 reads the filters in the input schemes and writes the output in `idScheme`. */
  inputIdScheme: z.string().optional(),
  inputDataElementIdScheme: z.string().optional(),
  inputOrgUnitIdScheme: z.string().optional(),
  inputDataSetIdScheme: z.string().optional(),
  /** An input id not found as a UID is tried as a code (DHIS2's option; on unless `false`). */
  inputUseCodeFallback: bool.default(true),
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
