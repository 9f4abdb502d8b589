#!/usr/bin/env node
// The `baocao` command runs compiled JavaScript (packages/cli/dist, made by `npm run build`; `npm
// start` builds first). Development can run the TypeScript directly: `npm run dev:baocao -- <command>`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('baocao chưa được biên dịch / is not built: run `npm run build` first.');
  process.exit(1);
}
// Stack traces point at the TypeScript source (maps are read only when a trace is printed).
process.setSourceMapsEnabled(true);
await import(main.href);
