/** Shapes of the registries' items: what reports say besides numbers. Node-free (the web app uses them). */
import { z } from 'zod';
import { IsoDate } from '../schemas.ts';
import { KIND_ABBREVIATIONS } from './doc-number.ts';

export const LEGAL_KINDS = Object.keys(KIND_ABBREVIATIONS) as [string, ...string[]];

/**
 * Where a document stands, in the order the press brief lists them: being drafted, submitted to
 * the Government or the Prime Minister, issued by them on the ministry's advice, issued by the ministry.
 */
export const LegalStage = z.enum(['drafting', 'submitted', 'issued_gov', 'issued_ministry']);
export type LegalStage = z.infer<typeof LegalStage>;

/** Where a task stands; `slipped` is behind its due date, with a reason and a new date (see task history). */
export const TaskStatus = z.enum(['planned', 'in_progress', 'slipped', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;

const period = z.string().trim().min(1);
const text = z.string().trim().min(1);
const date = IsoDate;

export const LegalDocumentInput = z.object({
  kind: z.literal('legal_document'),
  period,
  docKind: z.enum(LEGAL_KINDS),
  stage: LegalStage,
  /** "Số, ký hiệu": required once issued. */
  number: text.nullish(),
  issuedOn: date.nullish(),
  title: z.string().trim().min(5),
  issuer: text.nullish(),
});

export const TaskInput = z.object({
  kind: z.literal('task'),
  /** The period the task is planned for (a report lists the next period's tasks). */
  period,
  title: z.string().trim().min(5),
  leadUnit: text.nullish(),
  toGovernment: z.boolean().default(false),
  status: TaskStatus.default('planned'),
  dueOn: date.nullish(),
  /** A campaign's first day: with `indicators`, the report prints their change from then to the due date. */
  startOn: date.nullish(),
  /** Indicators (codes) a campaign is meant to move, e.g. ATTT.IP_BOTNET for the malware-cleanup campaign. */
  indicators: z.array(z.string().trim().min(1).max(64)).max(5).default([]),
});

export const ActivityInput = z.object({
  kind: z.literal('activity'),
  period,
  startOn: date,
  endOn: date.nullish(),
  place: text.nullish(),
  participants: text.nullish(),
  summary: z.string().trim().min(10),
});

export const NotableIssueInput = z.object({
  kind: z.literal('notable_issue'),
  period,
  title: text.nullish(),
  summary: z.string().trim().min(10),
});

export const PetitionInput = z.object({
  kind: z.literal('petition'),
  period,
  /** Kỳ họp thứ N of the National Assembly. */
  session: z.number().int().min(1).max(20),
  /** Khóa, in Roman numerals (XV). */
  legislature: z
    .string()
    .trim()
    .regex(/^[IVXLC]{1,8}$/, 'Khóa Quốc hội ghi bằng số La Mã, ví dụ XV'),
  received: z.number().int().min(0),
  processed: z.number().int().min(0),
  published: z.number().int().min(0),
  /** The petitions' main topics. */
  items: z.array(text).default([]),
});

export const RegistryInput = z.discriminatedUnion('kind', [
  LegalDocumentInput,
  TaskInput,
  ActivityInput,
  NotableIssueInput,
  PetitionInput,
]);
export type RegistryInput = z.input<typeof RegistryInput>;
export type RegistryData = z.output<typeof RegistryInput>;
export type RegistryKind = RegistryData['kind'];
export const REGISTRY_KINDS = ['legal_document', 'task', 'activity', 'notable_issue', 'petition'] as const;
export const RegistryKindSchema = z.enum(REGISTRY_KINDS);

const Stored = z.object({ id: z.number().int(), updatedBy: z.string(), updatedAt: z.string() });
export const RegistryItem = z.discriminatedUnion('kind', [
  LegalDocumentInput.extend(Stored.shape),
  TaskInput.extend(Stored.shape),
  ActivityInput.extend(Stored.shape),
  NotableIssueInput.extend(Stored.shape),
  PetitionInput.extend(Stored.shape),
]);
export type RegistryItem = z.output<typeof RegistryItem>;
export type ItemOf<K extends RegistryKind> = Extract<RegistryItem, { kind: K }>;
