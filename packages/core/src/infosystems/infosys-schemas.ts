/**
 * Shapes of the registry of information systems by security level (Decree 85/2016/NĐ-CP) and of
 * the figures computed from it. Node-free: the web app's registry page uses them.
 */
import { z } from 'zod';

export const ProtectionStatus = z.enum(['planned', 'deploying', 'deployed']);
export type ProtectionStatus = z.infer<typeof ProtectionStatus>;

export const InfosystemState = z.enum(['submitted', 'returned', 'approved']);
export type InfosystemState = z.infer<typeof InfosystemState>;

const text = z.string().trim().min(1).max(500);
const date = z.iso.date();
const level = z.coerce.number().int().min(1).max(5);

/**
 * What an owner declares about one system. The dates make its state at any day computable: in
 * service from `inServiceFrom` until `retiredOn` (exclusive), approved at `approvedLevel` from
 * `decisionDate`, protected to its level from `deployedOn`.
 */
export const InfosystemInput = z.object({
  /** The owner unit's code (ministry, department, province, enterprise). */
  owner: z.string().trim().min(1).max(64),
  name: z.string().trim().min(3).max(300),
  purpose: text.nullish(),
  proposedLevel: level,
  approvedLevel: level.nullish(),
  /** Number of the decision approving the level proposal ("Quyết định số …"). */
  decisionNumber: text.nullish(),
  decisionDate: date.nullish(),
  /** Who approved the level: the owner's head or the competent authority. */
  approver: text.nullish(),
  protection: ProtectionStatus.default('planned'),
  deployedOn: date.nullish(),
  lastCheckOn: date.nullish(),
  inServiceFrom: date.nullish(),
  retiredOn: date.nullish(),
});
export type InfosystemInput = z.input<typeof InfosystemInput>;
export type InfosystemData = z.output<typeof InfosystemInput>;

export const Infosystem = z.object({
  id: z.number().int(),
  owner: z.string(),
  ownerName: z.string(),
  name: z.string(),
  state: InfosystemState,
  /** The record as approved (what the figures count); null before its first approval. */
  approved: InfosystemInput.nullable(),
  /** A declared change waiting for an officer; null when none. */
  pending: InfosystemInput.nullable(),
  comment: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type Infosystem = z.output<typeof Infosystem>;

const Count = z.object({
  total: z.number().int(),
  byLevel: z.array(z.number().int()).length(5),
  approved: z.number().int(),
  deployed: z.number().int(),
});

/** The registry's state at a period's end: totals, by level and owner kind, and who has declared. */
export const InfosystemFigures = z.object({
  period: z.string(),
  periodLabel: z.string(),
  /** The day whose state is counted: the period's last day. */
  at: z.string(),
  ...Count.shape,
  approvedPct: z.number().nullable(),
  deployedPct: z.number().nullable(),
  byOwnerKind: z.array(Count.extend({ kind: z.string() })),
  byOwner: z.array(Count.extend({ unit: z.string(), unitName: z.string(), kind: z.string() })),
  /** Provinces that have declared (have an approved record in service by then), of those in force. */
  coverage: z.object({ expected: z.number().int(), reported: z.number().int() }),
  /** Declared changes still waiting for an officer (not counted). */
  pending: z.number().int(),
});
export type InfosystemFigures = z.output<typeof InfosystemFigures>;

export const InfosystemImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type InfosystemImportResult = z.output<typeof InfosystemImportResult>;
