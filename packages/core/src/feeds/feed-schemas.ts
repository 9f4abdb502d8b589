// What the feed functions return, declared once (zod, Node-free): core's return types, the
// server's response schemas and the web app's types all come from here.
import { z } from 'zod';

const Count = z.object({ code: z.string(), count: z.number().int() });

/** The outcome of a botnet feed import: what was read, what was wrong with it, what it added. */
export const FeedImportResult = z.object({
  filename: z.string(),
  alreadyImported: z.boolean(),
  format: z.enum(['csv', 'ndjson']),
  lines: z.number().int(),
  observations: z.number().int(),
  malformed: z.number().int(),
  /** The first malformed lines, by 1-based line number, with why. */
  malformedLines: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  sources: z.array(z.string()),
  months: z.array(z.object({ period: z.string(), distinct: z.number().int() })),
  newAddresses: z.number().int(),
  valuesWritten: z.number().int(),
});
export type FeedImportResult = z.infer<typeof FeedImportResult>;

/** A new IP-prefix table, and the province botnet values recomputed from it. */
export const PrefixLoadResult = z.object({
  prefixes: z.number().int(),
  valuesWritten: z.number().int(),
  valuesRemoved: z.number().int(),
});
export type PrefixLoadResult = z.infer<typeof PrefixLoadResult>;

export const IncidentImportResult = z.object({
  records: z.number().int(),
  months: z.number().int(),
  valuesWritten: z.number().int(),
});
export type IncidentImportResult = z.infer<typeof IncidentImportResult>;

/** Distinct infected addresses of a period: nationally, by province and by network operator. */
export const BotnetCounts = z.object({
  period: z.string(),
  national: z.number().int(),
  byProvince: z.array(Count),
  byOperator: z.array(Count),
  /** Addresses no prefix of the table covers. */
  unmapped: z.number().int(),
});
export type BotnetCounts = z.infer<typeof BotnetCounts>;

export const INCIDENT_TYPES = ['phishing', 'defacement', 'malware', 'other'] as const;

/** Cyber-attack incidents of a period by type. */
export const IncidentCounts = z.object({
  period: z.string(),
  total: z.number().int(),
  byType: z.record(z.enum(INCIDENT_TYPES), z.number().int()),
});
export type IncidentCounts = z.infer<typeof IncidentCounts>;
