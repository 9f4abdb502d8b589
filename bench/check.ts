// The fact-checker on real published prose: precision, recall on must-catch slips and false alarms
// per 1,000 words, per source kind. The texts are not in the repository (bench/check-corpus/texts/,
// git-ignored); without them the bench says so and stops. Annotations: bench/check-corpus/annotations.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { checkText, type Finding } from '@baocao/core';
import { ANNOTATED, type Annotated, type Item, type Kind } from './check-corpus/annotations.ts';
import { verdict } from './check-corpus/arith.ts';

const DIR = new URL('./check-corpus/texts/', import.meta.url);
// Typography notes are counted apart: they judge the printing, not a comparison.
const TYPOGRAPHY = new Set<Finding['code']>([
  'MALFORMED_PERIOD',
  'DOUBLED_SYMBOL',
  'MISSING_SPACE',
  'ENGLISH_SEPARATOR',
  'THOUSANDS_AS_DECIMAL',
  'IMPOSSIBLE_VALUE',
  'REPEATED_WORDS',
]);

interface Tally {
  texts: number;
  words: number;
  items: number;
  must: number;
  mustCaught: number;
  right: number;
  falseAlarms: number;
  typography: number;
}
const empty = (): Tally => ({
  texts: 0,
  words: 0,
  items: 0,
  must: 0,
  mustCaught: 0,
  right: 0,
  falseAlarms: 0,
  typography: 0,
});

/** Where an anchor sits in its text; an anchor that is not there is an annotation error. */
function locate(text: string, t: Annotated, it: Item): [number, number] {
  const at = text.indexOf(it.anchor);
  if (at < 0) throw new Error(`${t.id}: anchor not in the text: «${it.anchor}»`);
  return [at, at + it.anchor.length];
}

/** The annotation's verdict must be what the annotator's own arithmetic says. */
function audit(t: Annotated, it: Item): void {
  const v = verdict(it.arith);
  if (v.consistent !== (it.verdict === 'correct'))
    throw new Error(
      `${t.id}: «${it.anchor}» annotated ${it.verdict}, arithmetic says ${v.consistent ? 'consistent' : 'inconsistent'} (exact ${v.exact.toFixed(3)})`,
    );
}

async function main(): Promise<void> {
  const present = ANNOTATED.filter((t) => existsSync(new URL(`${t.id}.txt`, DIR)));
  if (!present.length) {
    console.log(
      `bench:check skipped: the texts are not here (${DIR.pathname}). They are published articles kept out of git; ` +
        'see docs/CHECKER.md for their addresses and how the set was gathered.',
    );
    return;
  }
  if (present.length < ANNOTATED.length)
    console.log(
      `bench:check: ${ANNOTATED.length - present.length} of ${ANNOTATED.length} texts missing; scoring the rest`,
    );
  const byKind = new Map<Kind | 'all', Tally>();
  const add = (k: Kind | 'all', f: (t: Tally) => void) => {
    const t = byKind.get(k) ?? empty();
    f(t);
    byKind.set(k, t);
  };
  const alarms: string[] = [];
  const missed: string[] = [];
  for (const t of present) {
    const text = readFileSync(new URL(`${t.id}.txt`, DIR), 'utf8');
    for (const it of t.items) audit(t, it);
    const spans = t.items.map((it) => ({ it, span: locate(text, t, it) }));
    const words = text.split(/\s+/).filter(Boolean).length;
    const r = await checkText(null, text);
    const found = new Set<Item>();
    let right = 0;
    let falseAlarms = 0;
    let typography = 0;
    for (const f of r.findings) {
      if (TYPOGRAPHY.has(f.code)) {
        typography++;
        continue;
      }
      const hit = spans.find(
        ({ it, span }) =>
          it.verdict !== 'correct' && it.code === f.code && f.start < span[1] && span[0] < f.end,
      );
      if (hit) {
        right++;
        found.add(hit.it);
      } else {
        falseAlarms++;
        alarms.push(`${t.id} ${f.code} «${f.quote}»: ${f.message}`);
      }
    }
    const must = t.items.filter((it) => it.verdict === 'must');
    for (const it of must) if (!found.has(it)) missed.push(`${t.id} «${it.anchor}»`);
    for (const k of [t.kind, 'all'] as const)
      add(k, (x) => {
        x.texts++;
        x.words += words;
        x.items += t.items.length;
        x.must += must.length;
        x.mustCaught += must.filter((it) => found.has(it)).length;
        x.right += right;
        x.falseAlarms += falseAlarms;
        x.typography += typography;
      });
  }
  const outlets = new Set(present.map((t) => t.outlet)).size;
  const years = present.map((t) => t.year);
  console.log(
    `bench:check on ${present.length} published texts from ${outlets} outlets, ${Math.min(...years)}–${Math.max(...years)}`,
  );
  console.log(
    'kind        texts  words  items  must caught  findings right  precision  false/1000w  typography',
  );
  for (const [k, x] of [...byKind].sort(([a], [b]) =>
    a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b),
  )) {
    const spoken = x.right + x.falseAlarms;
    console.log(
      [
        k.padEnd(10),
        String(x.texts).padStart(6),
        String(x.words).padStart(6),
        String(x.items).padStart(6),
        `${x.mustCaught}/${x.must}`.padStart(11),
        String(spoken).padStart(9),
        String(x.right).padStart(5),
        (spoken ? `${((x.right / spoken) * 100).toFixed(1)}%` : '—').padStart(10),
        ((x.falseAlarms / x.words) * 1000).toFixed(2).padStart(12),
        String(x.typography).padStart(11),
      ].join(' '),
    );
  }
  for (const a of alarms) console.log(`  false alarm: ${a}`);
  for (const m of missed) console.log(`  missed must slip: ${m}`);
  await blind();
}

/**
 * Texts in texts/ that have no annotation yet: the checker's findings are printed for the annotator
 * to judge *before* reading the text (the blind run), and they are not scored.
 */
async function blind(): Promise<void> {
  const known = new Set(ANNOTATED.map((t) => t.id));
  const fresh = readdirSync(DIR)
    .filter((f) => f.endsWith('.txt') && !known.has(f.slice(0, -4)))
    .sort();
  if (!fresh.length) return;
  let words = 0;
  let spoken = 0;
  for (const f of fresh) {
    const text = readFileSync(new URL(f, DIR), 'utf8');
    words += text.split(/\s+/).filter(Boolean).length;
    for (const x of (await checkText(null, text)).findings) {
      if (TYPOGRAPHY.has(x.code)) continue;
      spoken++;
      console.log(`  blind ${f.slice(0, -4)} ${x.code} «${x.quote}»: ${x.message}`);
    }
  }
  console.log(
    `bench:check blind: ${fresh.length} texts not annotated yet (${words} words), ${spoken} findings to judge`,
  );
}

await main();
