// Killing a database node for the failover test. A node is several processes (Patroni's session,
// the postmaster and its children); SIGKILL to the session often takes the postmaster down before
// we reach it, so a process already gone is what we wanted, never an error. What must fail is a
// process that survives.
import { readFileSync } from 'node:fs';

/** SIGKILL to a process (or, negative, a process group); one already gone (ESRCH) is success. */
export function killGone(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (e) {
    if (!(e instanceof Error && 'code' in e && e.code === 'ESRCH')) throw e;
  }
}

/** Whether a process runs: it exists and is not a zombie (dead, waiting for its parent to reap it). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  let stat = '';
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // The state follows the command name, which is in parentheses and may itself hold spaces.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Kills the group `session` and the processes `pids` with SIGKILL, tolerating those already gone,
 * then waits up to `waitMs` for every one of them to stop; throws naming those still running.
 */
export function killAll(session: number, pids: number[], waitMs = 5000): void {
  killGone(-session);
  for (const pid of pids) killGone(pid);
  const until = Date.now() + waitMs;
  let left = pids.filter(running);
  while (left.length > 0 && Date.now() < until) {
    pause(50);
    left = left.filter(running);
  }
  if (left.length > 0) throw new Error(`still running after kill -9: ${left.join(', ')}`);
}
