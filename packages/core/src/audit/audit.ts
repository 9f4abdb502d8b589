import type { Kysely } from 'kysely';
import type { Actor } from '../context.ts';
import type { Schema } from '../db/schema.ts';
import { insertAuditRow } from './audit.queries.ts';

/** Appends one entry to the audit trail, inside the caller's transaction. */
export async function writeAudit(
  trx: Kysely<Schema>,
  actor: Actor,
  entry: {
    entity: string;
    key: string;
    action: string;
    old?: unknown;
    new?: unknown;
    reason?: string | null;
  },
): Promise<void> {
  await insertAuditRow(trx, {
    actor: actor.username,
    entity: entry.entity,
    entity_key: entry.key,
    action: entry.action,
    old_data: entry.old === undefined ? null : JSON.stringify(entry.old),
    new_data: entry.new === undefined ? null : JSON.stringify(entry.new),
    reason: entry.reason ?? null,
  });
}
