import { describe, expect, it } from 'vitest';
import { checkText } from './check.ts';
import { type CorpusCase, generatedCases } from './corpus/cases.ts';
import { FORM_CASES } from './corpus/forms.ts';
import { PROSE_CASES } from './corpus/prose.ts';

const CORPUS: CorpusCase[] = [...generatedCases(340), ...FORM_CASES, ...PROSE_CASES];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the fact-checker on a corpus of realistic text it was not tuned on case by case', () => {
  it('is right at least 95% of the times it speaks, and catches every planted slip', async () => {
    let statements = 0;
    let words = 0;
    let right = 0;
    const falseAlarms: string[] = [];
    const missed: string[] = [];
    const byForm = new Map<string, { cases: number; missed: number; falseAlarms: number }>();
    for (const c of CORPUS) {
      const r = await checkText(null, c.text);
      statements += r.statements;
      words += c.text.split(/\s+/).length;
      const tally = byForm.get(c.form) ?? { cases: 0, missed: 0, falseAlarms: 0 };
      tally.cases++;
      const wanted = [...c.expect];
      for (const f of r.findings) {
        const quote = squash(c.text.slice(f.start, f.end));
        const k = wanted.findIndex((w) => w.code === f.code && quote.includes(squash(w.quote)));
        if (k >= 0) {
          right++;
          wanted.splice(k, 1);
        } else {
          tally.falseAlarms++;
          falseAlarms.push(`${f.code} «${quote}» in: ${c.text}`);
        }
      }
      tally.missed += wanted.length;
      missed.push(...wanted.map((w) => `${w.code} «${w.quote}» in: ${c.text}`));
      byForm.set(c.form, tally);
    }
    const spoken = right + falseAlarms.length;
    const precision = spoken ? right / spoken : 1;
    console.log(
      `corpus: ${CORPUS.length} texts, ${statements} statements, ${words} words; ` +
        `${right} right findings, ${falseAlarms.length} false alarms (precision ${(precision * 100).toFixed(1)}%, ` +
        `${((falseAlarms.length / words) * 5000).toFixed(2)} per 5,000 words), ${missed.length} planted slips missed`,
    );
    for (const [form, t] of [...byForm].sort())
      if (t.missed || t.falseAlarms) console.log(`  ${form}: ${JSON.stringify(t)}`);
    expect(statements).toBeGreaterThanOrEqual(300);
    expect(missed).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect((falseAlarms.length / words) * 5000).toBeLessThanOrEqual(1);
  });
});
