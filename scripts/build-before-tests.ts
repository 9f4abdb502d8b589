// Vitest global setup: the CLI tests run the `baocao` command as users do, compiled; build it first
// (esbuild, well under a second) so they never test a stale or missing bundle. scripts/test.mjs
// builds it (and the web app) once before running several vitest processes side by side, and says
// so with BAOCAO_TESTS_BUILT: a second build would delete the bundle another process is running.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.BAOCAO_TESTS_BUILT) return;
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
