// Vitest global setup: the CLI tests run the `baocao` command as users do, compiled; build it first
// (esbuild, well under a second) so they never test a stale or missing bundle.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
