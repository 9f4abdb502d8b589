// The failover test of the local cluster (up.sh must be up): 100 simultaneous submitters write
// values through HAProxy and both app nodes while the PostgreSQL primary's whole node is killed
// with kill -9. Prints the time until writes succeed again, then checks on the new primary that
// every acknowledged write is present exactly once, that none is duplicated, and that every write
// was answered (acknowledged or told it failed). Last line:
//   acknowledged lost: N, duplicated: N, recovery: S s
// Exit status 0 only with nothing lost or duplicated and recovery within 30 s.
// Also checks what two app nodes must share: a session opened on one is honoured by the other,
// and the sign-in throttle counts attempts made on both.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { killAll } from './kill.ts';
import { z } from 'zod';

const DIR = process.env.BAOCAO_CLUSTER_DIR ?? '/tmp/baocao-cluster';
const APP = 'http://127.0.0.1:8080';
const NODES = ['http://127.0.0.1:3101', 'http://127.0.0.1:3102'];
const TOKEN = process.env.BAOCAO_API_TOKEN ?? 'local-cluster-token-0123456789';
const WRITERS = 100;
const PERIOD = '2026M01';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const say = (s: string) => console.log(s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function json<T extends z.ZodType>(r: Response, schema: T): Promise<z.output<T>> {
  if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
  return schema.parse(await r.json());
}

/** Two app nodes share sessions and the sign-in throttle (they live in PostgreSQL). */
async function sharedState(): Promise<void> {
  const username = `cluster-${Date.now().toString(36)}`;
  const password = 'mat-khau-cum-may-01';
  await json(
    await fetch(`${APP}/api/users`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ username, displayName: 'Cluster check', role: 'officer', password }),
    }),
    z.object({ username: z.string() }),
  );
  const login = (node: string, pw: string) =>
    fetch(`${node}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: pw }),
    });
  const opened = await login(NODES[0]!, password);
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
  const there = await json(
    await fetch(`${NODES[1]}/api/auth/session`, { headers: { cookie } }),
    z.object({ user: z.object({ username: z.string() }).nullable() }),
  );
  if (there.user?.username !== username) throw new Error('a session opened on app1 is unknown to app2');
  say(`session opened on app1, honoured by app2: ${there.user.username}`);
  const statuses = [];
  for (const node of [NODES[0]!, NODES[1]!, NODES[0]!, NODES[1]!, NODES[0]!, NODES[1]!])
    statuses.push((await login(node, 'sai-mat-khau')).status);
  const thenRight = (await login(NODES[0]!, password)).status;
  say(
    `sign-in throttle across nodes: wrong passwords → ${statuses.join(' ')}; then the right one → ${thenRight}`,
  );
  if (statuses.slice(0, 5).some((s) => s !== 401) || statuses[5] !== 429 || thenRight !== 429)
    throw new Error('the sign-in throttle does not hold across the two app nodes');
}

/**
 * Read your writes through the standby: a value written through one app node is read at once
 * through the other by a route served from the read replica (the synchronous standby, which with
 * remote_apply has applied every acknowledged commit). Returns how many reads were stale.
 */
async function readYourWrites(rounds: number): Promise<number> {
  let stale = 0;
  for (let i = 1; i <= rounds; i++) {
    const [writeTo, readFrom] = i % 2 ? [NODES[0]!, NODES[1]!] : [NODES[1]!, NODES[0]!];
    const value = 1000 + i;
    await json(
      await fetch(`${writeTo}/api/values`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          values: [{ indicator: 'VT.DOANH_THU', unit: 'P79', period: '2026M02', value }],
        }),
      }),
      z.object({ rows: z.number() }),
    );
    const read = await json(
      await fetch(`${readFrom}/api/compare?indicator=VT.DOANH_THU&unit=P79&period=2026M02`, {
        headers: auth,
      }),
      z.object({ value: z.number().nullable() }),
    );
    if (read.value !== value) stale++;
  }
  return stale;
}

interface Write {
  writer: number;
  seq: number;
  sentAt: number;
  ok: boolean;
  answer: string;
}

/** The leader's node number (1 or 2), asked of each node's Patroni. */
async function leader(): Promise<number> {
  for (const n of [1, 2]) {
    const r = await fetch(`http://127.0.0.1:801${n}/primary`).catch(() => null);
    if (r?.status === 200) return n;
  }
  throw new Error('no leader');
}

/** Kills a whole database node at once with SIGKILL: its Patroni and its PostgreSQL processes. */
function killNode(n: number): void {
  const postmaster = Number(readFileSync(`${DIR}/pg${n}/data/postmaster.pid`, 'utf8').split('\n')[0]);
  // pgrep answers status 1 when the postmaster has no children left: none to kill then.
  const children = execFileSync('sh', ['-c', `pgrep -P ${postmaster} || true`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number);
  const session = Number(readFileSync(`${DIR}/patroni-pg${n}.pid`, 'utf8'));
  if (![postmaster, session, ...children].every((p) => Number.isInteger(p) && p > 1))
    throw new Error('could not find the node’s processes');
  // Patroni (its session, started by up.sh), then the postmaster and its children: those the
  // session's death took down already are fine; one that survives fails the test.
  killAll(session, [postmaster, ...children]);
}

async function main(): Promise<void> {
  await sharedState();
  const rounds = 100;
  const stale = await readYourWrites(rounds);
  say(`read your writes through the standby: ${rounds - stale} of ${rounds} reads saw the write just made`);
  const units = await json(
    await fetch(`${APP}/api/units`),
    z.array(z.object({ code: z.string(), kind: z.string(), validTo: z.string().nullable() })),
  );
  const provinces = units.filter((u) => u.kind === 'province' && !u.validTo).map((u) => u.code);
  const indicators = ['VT.DOANH_THU', 'BC.DOANH_THU', 'CNTT.DOANH_THU'];
  const cells = indicators
    .flatMap((indicator) => provinces.map((unit) => ({ indicator, unit })))
    .slice(0, WRITERS);
  if (cells.length < WRITERS) throw new Error('not enough cells for the writers');

  const writes: Write[] = [];
  let stop = false;
  const t0 = Date.now();
  const writer = async (w: number) => {
    const cell = cells[w]!;
    for (let seq = 1; !stop; seq++) {
      const sentAt = Date.now() - t0;
      const write: Write = { writer: w, seq, sentAt, ok: false, answer: '' };
      writes.push(write);
      try {
        const r = await fetch(`${APP}/api/values`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ values: [{ ...cell, period: PERIOD, value: seq }] }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = await r.text();
        write.ok = r.status === 200;
        write.answer = write.ok
          ? 'ok'
          : `${r.status} ${/"code":"(\w+)"/.exec(body)?.[1] ?? body.slice(0, 40)}`;
      } catch (e) {
        write.answer = `error ${e instanceof Error ? e.message : String(e)}`;
      }
      // A submitter whose write failed waits a little before trying the next one, as people do.
      await sleep(write.ok ? 20 : 200);
    }
  };
  const running = Array.from({ length: WRITERS }, (_, w) => writer(w));
  await sleep(8_000);
  const victim = await leader();
  const killedAt = Date.now() - t0;
  killNode(victim);
  say(`killed the primary's node pg${victim} (kill -9) at ${(killedAt / 1000).toFixed(1)} s`);
  // Run on until writes have succeeded again for 5 s, or 60 s at most.
  let recoveredAt: number | null = null;
  while (Date.now() - t0 - killedAt < 60_000) {
    await sleep(250);
    const firstOk = writes.filter((w) => w.ok && w.sentAt > killedAt).sort((a, b) => a.sentAt - b.sentAt)[0];
    if (firstOk) recoveredAt = firstOk.sentAt;
    if (recoveredAt !== null && Date.now() - t0 - recoveredAt > 5_000) break;
  }
  stop = true;
  await Promise.all(running);

  // What the new primary holds: every change of each cell, from the audit trail.
  const db = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5000/baocao' });
  await db.connect();
  const { rows } = await db.query<{ code: string; unit: string; v: string; n: number }>(
    `select i.code, u.code as unit, a.new_value::text as v, count(*)::int as n
     from value_audit a join indicator i on i.id = a.indicator_id join org_unit u on u.id = a.unit_id
     where a.period = $1 group by 1, 2, 3`,
    [PERIOD],
  );
  const current = await db.query<{ code: string; unit: string; v: string }>(
    `select i.code, u.code as unit, d.value::text as v from data_value d
     join indicator i on i.id = d.indicator_id join org_unit u on u.id = d.unit_id where d.period = $1`,
    [PERIOD],
  );
  await db.end();
  const held = new Map(rows.map((r) => [`${r.code}|${r.unit}|${Number(r.v)}`, r.n]));
  const valueNow = new Map(current.rows.map((r) => [`${r.code}|${r.unit}`, Number(r.v)]));
  const key = (w: Write) => `${cells[w.writer]!.indicator}|${cells[w.writer]!.unit}|${w.seq}`;
  const acked = writes.filter((w) => w.ok);
  const lost = acked.filter((w) => !held.has(key(w))).length;
  const duplicated = [...held.values()].filter((n) => n > 1).length;
  const failed = writes.filter((w) => !w.ok);
  const unanswered = failed.filter((w) => w.answer === '').length;
  // A write whose answer was lost with the server may still have committed: in doubt, not lost.
  const failedButHeld = failed.filter((w) => held.has(key(w))).length;
  // Each cell's value is its last write that took effect (a later failed one may have).
  const wrongValue = cells.filter((c, w) => {
    const last = Math.max(0, ...acked.filter((x) => x.writer === w).map((x) => x.seq));
    return (valueNow.get(`${c.indicator}|${c.unit}`) ?? 0) < last;
  }).length;
  const recovery = recoveredAt === null ? Infinity : (recoveredAt - killedAt) / 1000;
  const byAnswer = new Map<string, number>();
  for (const w of failed) byAnswer.set(w.answer.slice(0, 60), (byAnswer.get(w.answer.slice(0, 60)) ?? 0) + 1);
  say(
    `writes: ${writes.length} sent by ${WRITERS} submitters, ${acked.length} acknowledged, ${failed.length} failed`,
  );
  say(`failed writes, by answer: ${[...byAnswer].map(([a, n]) => `${a} ×${n}`).join('; ') || 'none'}`);
  say(
    `failed but committed (answer lost, in doubt): ${failedButHeld}; unanswered: ${unanswered}; cells behind their last acknowledged write: ${wrongValue}`,
  );
  say(`acknowledged lost: ${lost}, duplicated: ${duplicated}, recovery: ${recovery.toFixed(1)} s`);
  process.exitCode =
    stale === 0 && lost === 0 && duplicated === 0 && unanswered === 0 && wrongValue === 0 && recovery <= 30
      ? 0
      : 1;
}

await main();
