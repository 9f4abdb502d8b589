import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { webSources } from './testing/sources.ts';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const STATES = 'missing|draft|submitted|returned|approved|published';

/**
 * What the web must not do: decide from a form's, report's or period's state, from a role or from a
 * unit what a person may do. Those come from the server as abilities (`form.abilities.edit`,
 * `period.abilities.close`, `session.pages`…). Showing a figure's status label is fine.
 */
const RULES: [string, RegExp][] = [
  ['compares a form or report status', new RegExp(`\\.status\\s*[!=]==?\\s*'(${STATES})'`)],
  ['compares a form or report status', new RegExp(`'(${STATES})'\\s*[!=]==?\\s*[\\w?.]*\\.status\\b`)],
  ['looks a status up in a list', /\.includes\([\w?.]*\.status\)/],
  ['compares a role', /\.role\s*[!=]==?|[!=]==?\s*[\w?.]*\.role\b/],
  ['reads the user’s unit other than as a default', /\buser\??\.unit\b(?!Name)(?!\s*\?\?)/],
  ['compares two units', /\.unit\s*[!=]==?\s*[\w?.]*\.unit\b/],
  ['decides from a closed flag', /\.closed\b/],
];

const offences = (text: string, file = 'sample.tsx') =>
  text
    .split('\n')
    .flatMap((line, i) =>
      RULES.filter(([, re]) => re.test(line)).map(([why]) => `${file}:${i + 1} ${why}: ${line.trim()}`),
    );

describe('the web decides no permission: it shows what the server’s abilities say', () => {
  it('no page compares a status, a role or a unit, or reads a closed flag', () => {
    const found = webSources(SRC).flatMap((f) => offences(readFileSync(f, 'utf8'), relative(SRC, f)));
    expect(found).toEqual([]);
  });

  it('catches each way of deciding it in the page (so the check above can fail)', () => {
    const bad = [
      "const editable = user?.unit === f.unit && !f.closed && ['missing', 'draft'].includes(f.status);",
      "{reviewer && form.status === 'submitted' && <Approve />}",
      "const published = v?.report.status === 'published';",
      "if (session.user.role === 'leader') return null;",
      'if (!period || user?.unit) return null;',
    ];
    for (const line of bad) expect(offences(line), line).not.toEqual([]);
    // A figure's status label and the user's unit as a default choice are fine.
    for (const line of ["{c.status === 'partial' && coverage(c)}", 'const mine = user?.unit ?? null;'])
      expect(offences(line), line).toEqual([]);
  });
});
