import pino, { type DestinationStream, type Logger } from 'pino';
export type { Logger } from 'pino';
import type { Database } from './db/database.ts';

import type { Role } from './roles.ts';
export { ROLES, type Role } from './roles.ts';

/** Who is acting. `unitId` scopes a reporter (or a department) to one subtree of org units. */
export interface Actor {
  username: string;
  role: Role;
  unitId: number | null;
}

/** What every core function receives: the store, who acts, and where to log. */
export interface Ctx {
  db: Database;
  actor: Actor;
  log: Log;
}

/** The part of a logger core uses, so a request's child logger (Fastify's) serves as well as pino's. */
export type Log = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

/** The actor of the command line and of start-up tasks: the machine's administrator. */
export const SYSTEM_ACTOR: Actor = { username: 'system', role: 'admin', unitId: null };

/** Anyone, signed in or not, as the public pages and open data see them: released figures only. */
export const PUBLIC_ACTOR: Actor = { username: 'anonymous', role: 'public', unitId: null };

/** The one logger factory, so every process logs the same structured way (JSON lines, stdout by default). */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const options = { level: opts.level ?? process.env.LOG_LEVEL ?? 'info', base: { app: 'baocao' } };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/** A context for trusted callers (CLI, start-up, tests). */
export function systemCtx(db: Database, log: Logger = createLogger({ level: 'silent' })): Ctx {
  return { db, actor: SYSTEM_ACTOR, log };
}
