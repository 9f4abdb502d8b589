// Time limits of the tests that run the `baocao` command as a process. Each run opens the embedded
// store (its WebAssembly compiled, a new store created and migrated): a few seconds on a quiet
// machine, but 30 s measured at a load average of 15, and a test of several runs went past three
// minutes while a second test suite shared the two cores. These tests check what a command does,
// not how fast; the limits only stop a run that hangs.

/** How long a `baocao serve` may take to say it is up. */
export const STARTS_WITHIN_MS = 240_000;
/** How long one test of several command runs may take. */
export const CLI_TEST_MS = 600_000;
