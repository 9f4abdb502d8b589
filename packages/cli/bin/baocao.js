#!/usr/bin/env node
// The `baocao` command. TypeScript runs directly through tsx: there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
