import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The web app's own source files under `dir` (tests and the browser tests' folder left out), for tests that read the code. */
export function webSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'e2e' || name === 'testing' ? [] : webSources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}
