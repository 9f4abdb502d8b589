import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The folder of core's package (where `data/` and `src/db/migrations/` live), found by resolving the
 * package itself rather than from this file's place: the same code runs from source (tsx, tests)
 * and from the compiled bundle in packages/cli/dist, where `import.meta.url` is the bundle's.
 */
const ROOT = new URL(
  './',
  pathToFileURL(createRequire(import.meta.url).resolve('@baocao/core/package.json')),
);

/** A file or folder shipped with core, by its path from the package's root (`data/indicators.csv`). */
export function coreFile(path: string): URL {
  return new URL(path, ROOT);
}
