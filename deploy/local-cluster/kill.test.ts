// node --import tsx --test deploy/local-cluster/kill.test.ts (run by test.sh before the cluster).
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { killAll, running } from './kill.ts';

test('processes the group kill already took down are success, not ESRCH', async () => {
  // A session leader (like Patroni's) and a second process of ours, both killed and reaped first.
  const session = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
  const other = spawn('sleep', ['60'], { stdio: 'ignore' });
  const gone = [session, other].map((p) => new Promise((r) => p.once('exit', r)));
  process.kill(-session.pid!, 'SIGKILL');
  other.kill('SIGKILL');
  await Promise.all(gone);
  assert.throws(() => process.kill(other.pid!, 'SIGKILL'), /ESRCH/); // what failed CI by chance
  assert.doesNotThrow(() => killAll(session.pid!, [session.pid!, other.pid!]));
});

test('a node whose processes run is killed and checked gone', async () => {
  const session = spawn('sh', ['-c', 'sleep 60 & echo $!; wait'], { detached: true, stdio: 'pipe' });
  const child = await new Promise<number>((resolve) =>
    session.stdout!.once('data', (b: Buffer) => resolve(Number(b.toString().trim()))),
  );
  assert.ok(running(child));
  killAll(session.pid!, [session.pid!, child]);
  assert.equal(running(child), false);
  assert.equal(running(session.pid!), false);
});
