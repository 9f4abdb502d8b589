// Writes real-prose texts into texts/ (git-ignored) from a JSON object { "t01": "<excerpt>", … }:
// the excerpt as the search tool's `pages` corpus returned it for the address in annotations-*.ts.
// Usage: node --import tsx bench/check-corpus/save-texts.ts FILE.json   (see README.md here)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const DIR = new URL('./texts/', import.meta.url);
const file = process.argv[2];
if (!file) throw new Error('usage: save-texts.ts FILE.json');
const texts = z
  .record(z.string().regex(/^t\d{2,3}$/), z.string())
  .parse(JSON.parse(readFileSync(file, 'utf8')));
mkdirSync(DIR, { recursive: true });
for (const [id, excerpt] of Object.entries(texts)) {
  // The store puts its own crawl date (" date 2023-07 ") before some excerpts: not the outlet's words.
  const text = excerpt.replace(/^\s*date \d{4}-\d{2}\s+/, '').trim() + '\n';
  writeFileSync(new URL(`${id}.txt`, DIR), text);
  console.log(`${id}: ${text.split(/\s+/).filter(Boolean).length} words`);
}
