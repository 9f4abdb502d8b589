import { configDefaults, defineConfig } from 'vitest/config';

const ALL = ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'];

/** Browser tests: the real app in Debian's Chromium (each file its own browser, server and store). */
const BROWSER = ['packages/web/src/e2e/**/*.test.ts'];

/**
 * Tests that measure time: answer-time ratios, `/api/health` bounds during hostile bodies, the pivot
 * guard's ratios. They run one file at a time after the rest, so no other test file competes with
 * them for the 2 cores.
 */
const TIMED = [
  'packages/server/src/linear-bodies.test.ts',
  'packages/server/src/fuzz-shapes.test.ts',
  'packages/server/src/hardening.test.ts',
  'packages/core/src/format/json-body.test.ts',
  'packages/core/src/imports/file-limits.test.ts',
  'packages/core/src/check/check-sure.test.ts',
  'packages/core/src/compare/pivot-guard.test.ts',
];

export default defineConfig({
  test: {
    // Safety nets against a hang, not measures of speed (the timed project measures): a 2-core
    // machine shared with other work runs a file several times slower than a quiet one, and a test
    // that fails only because the machine was busy blocks every landing.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // A worker process runs its files one after another on one module graph instead of loading
    // core, Fastify, zod and the rest again for every file (measured: the PGlite pass 604 → 346 s,
    // its module loading 292 → 31 s). Files stay independent: each opens its own store, server and
    // browser, and a test that changes the environment or the clock restores it (afterEach).
    isolate: false,
    globalSetup: ['scripts/build-before-tests.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ALL,
          exclude: [...configDefaults.exclude, ...BROWSER, ...TIMED],
          // Most files wait on the database, a child process or LibreOffice as much as they
          // compute: three at a time keep 2 cores busy (vitest's default here would be one).
          maxWorkers: 3,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // Two at a time: a browser file waits on pages to render and settle as much as it computes,
        // and one at a time left a core idle once the PostgreSQL pass beside it had finished.
        test: { name: 'browser', include: BROWSER, maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
