// Import cycles and layering, at file and at folder level, over packages/*/src (run by `npm run lint`).
// Rules: no file imports itself back through others; no folder of a package's src imports itself
// back through other folders; core never imports server, web or cli; server and cli never import web.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..'));
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    // Browser tests and their harness (src/e2e) drive the whole platform, server included, as tests do.
    if (statSync(p).isDirectory()) {
      if (name !== 'e2e') walk(p);
    } else if (/\.(ts|tsx)$/.test(name) && !/\.(test|tmp)\.tsx?$/.test(name)) files.push(p);
  }
};
for (const pkg of readdirSync(join(root, 'packages'))) walk(join(root, 'packages', pkg, 'src'));

// Value imports only: `import type` / `export type` vanish at run time and tie no module's loading
// to another's, so they are left out (a type may be shared both ways; code may not).
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
// A package's entry points and composition roots gather its folders (core's index and browser,
// the server's app that registers every route, the web's App that lays out every page); nothing
// inside imports them back, so they are left out of the folder graph (the file graph keeps them).
const ENTRY = /\/src\/(index|browser|testing|main|app|App)\.tsx?$/;
const PKG = {
  '@baocao/core': 'core',
  '@baocao/server': 'server',
  '@baocao/web': 'web',
  '@baocao/cli': 'cli',
};
const LAYER_FORBIDS = {
  core: ['server', 'web', 'cli'],
  server: ['web', 'cli'],
  cli: ['web'],
  web: ['server', 'cli'],
};
const pkgOf = (f) => relative(join(root, 'packages'), f).split('/')[0];

const edges = new Map();
const problems = [];
for (const f of files) {
  const out = new Set();
  for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) out.add(resolve(dirname(f), spec));
    else {
      const target = Object.entries(PKG).find(([name]) => spec === name || spec.startsWith(`${name}/`))?.[1];
      if (target && LAYER_FORBIDS[pkgOf(f)]?.includes(target))
        problems.push(
          `layering: ${relative(root, f)} imports ${spec} (${pkgOf(f)} must not depend on ${target})`,
        );
    }
  }
  edges.set(
    f,
    [...out].filter((t) => edges.has(t) || files.includes(t)),
  );
}

/** Strongly connected components with more than one member (or a self-loop): the cycles. */
function cycles(graph) {
  let index = 0;
  const idx = new Map(),
    low = new Map(),
    stack = [],
    on = new Set(),
    out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

for (const c of cycles(edges))
  problems.push(
    `file cycle: ${c
      .map((f) => relative(root, f))
      .sort()
      .join(' ⇄ ')}`,
  );

// Folders: each file's folder inside its package's src (the src root itself counts as one folder).
const folderOf = (f) => relative(join(root, 'packages'), dirname(f));
const folders = new Map();
for (const [f, ts] of edges) {
  if (ENTRY.test(f)) continue;
  const a = folderOf(f);
  if (!folders.has(a)) folders.set(a, new Set());
  for (const t of ts) if (folderOf(t) !== a) folders.get(a).add(folderOf(t));
}
for (const c of cycles(new Map([...folders].map(([k, v]) => [k, [...v]]))))
  problems.push(`folder cycle: ${c.sort().join(' ⇄ ')}`);

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} import problem(s)`);
  process.exit(1);
}
console.log(`imports: ${files.length} files, no cycle at file or folder level, layering kept`);
