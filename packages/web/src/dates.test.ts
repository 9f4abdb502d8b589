import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInVietnam } from '@baocao/core/browser';
import { describe, expect, it } from 'vitest';
import { webSources } from './testing/sources.ts';

const SRC = fileURLToPath(new URL('.', import.meta.url));
/** "Today" cut from a UTC timestamp: between 00:00 and 07:00 in Hà Nội it is still yesterday. */
const UTC_TODAY = /new Date\(\)\.toISOString\(\)\s*\.(slice\(0,\s*10\)|split\(['"]T['"]\))/;

describe('the web’s "today" is Vietnam’s, as the server’s', () => {
  it('no page cuts today’s date from a UTC timestamp', () => {
    const found = webSources(SRC).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (UTC_TODAY.test(line) ? [`${relative(SRC, f)}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
    expect(UTC_TODAY.test('const d = new Date().toISOString().slice(0, 10);')).toBe(true);
  });

  it('at 00:30 in Hà Nội (17:30 UTC the day before) today is the new day', () => {
    expect(todayInVietnam(new Date('2026-08-31T17:30:00Z'))).toBe('2026-09-01');
    expect(todayInVietnam(new Date('2026-08-31T16:30:00Z'))).toBe('2026-08-31');
  });
});
