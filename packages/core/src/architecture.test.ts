import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHECK = fileURLToPath(new URL('../../../scripts/check-imports.mjs', import.meta.url));
const check = (root?: string) =>
  spawnSync(process.execPath, [CHECK, ...(root ? [root] : [])], { encoding: 'utf8' });

/** A throwaway tree of packages/*\/src files: `{ 'core/src/a/x.ts': "import … from '../b/y.ts';" }`. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'baocao-imports-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, 'packages', path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

describe('imports: no cycle at file or folder level, and the layering holds', () => {
  it('holds for the project', () => {
    const r = check();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('catches a folder cycle, a file cycle and a layer broken', () => {
    const folders = check(
      tree({
        'core/src/a/x.ts': "import { y } from '../b/y.ts';\nexport const x = y;\n",
        'core/src/b/y.ts': 'export const y = 1;\n',
        'core/src/b/z.ts': "import { x } from '../a/x.ts';\nexport const z = x;\n",
      }),
    );
    expect(folders.status).toBe(1);
    expect(folders.stderr).toContain('folder cycle: core/src/a ⇄ core/src/b');
    const files = check(
      tree({
        'core/src/a/x.ts': "import { y } from './y.ts';\nexport const x = 1;\n",
        'core/src/a/y.ts': "import { x } from './x.ts';\nexport const y = x;\n",
      }),
    );
    expect(files.stderr).toContain('file cycle: packages/core/src/a/x.ts ⇄ packages/core/src/a/y.ts');
    const layers = check(tree({ 'core/src/a/x.ts': "import { buildApp } from '@baocao/server';\n" }));
    expect(layers.stderr).toContain('layering: packages/core/src/a/x.ts imports @baocao/server');
    // A type-only cycle is a cycle too, counted as such.
    const types = check(
      tree({
        'core/src/a/x.ts': "import type { Y } from '../b/y.ts';\nexport type X = Y;\n",
        'core/src/b/y.ts': "import type { X } from '../a/x.ts';\nexport type Y = X | 1;\n",
      }),
    );
    expect(types.status).toBe(1);
    expect(types.stderr).toContain(
      'file type-only cycle: packages/core/src/a/x.ts ⇄ packages/core/src/b/y.ts',
    );
    expect(types.stderr).toContain('folder type-only cycle: core/src/a ⇄ core/src/b');
    expect(types.stderr).toContain('of which 2 type-only cycle(s)');
  });

  it('counts side-effect imports and catches a package importing itself by name', () => {
    const side = check(
      tree({
        'core/src/a/x.ts': "import '../b/y.ts';\nexport const x = 1;\n",
        'core/src/b/y.ts': "import { x } from '../a/x.ts';\nexport const y = x;\n",
      }),
    );
    expect(side.stderr).toContain('folder cycle: core/src/a ⇄ core/src/b');
    const self = check(
      tree({ 'core/src/a/x.ts': "import { y } from '@baocao/core';\nexport const x = y;\n" }),
    );
    expect(self.stderr).toContain('self-import: packages/core/src/a/x.ts imports @baocao/core');
    // A type from another package may cross a layer (the web's typed client reads the server's routes).
    const typed = check(
      tree({ 'web/src/a.ts': "import type { Routes } from '@baocao/server';\nexport type A = Routes;\n" }),
    );
    expect(typed.status).toBe(0);
    expect(typed.stdout).toContain('0 type-only cycles');
  });
});
