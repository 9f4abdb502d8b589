// Import cycles and layering, at file and at folder level, over packages/*/src (run by `npm run lint`).
// Rules: no file imports itself back through others; no folder of a package's src imports itself
// back through other folders; core never imports server, web or cli; server and cli never import web;
// core never imports itself by its package name. Every import counts: `import type` and `export type`
// (a type cycle still ties two modules' meaning together and hides a folder that is in the wrong
// place), side-effect imports (`import './x.ts'`) and dynamic `import()`. Cycles made only because of
// type imports are counted apart, so a type-only cycle shows as such.
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
const known = new Set(files);

// 1: `import … from` / `export … from` (2: `type` when type-only); 3: a side-effect import; 4: `import()`.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
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
  core: ['core', 'server', 'web', 'cli'],
  server: ['web', 'cli'],
  cli: ['web'],
  web: ['server', 'cli'],
};
const pkgOf = (f) => relative(join(root, 'packages'), f).split('/')[0];

/** Every file's imports: all of them, and the value imports alone (what loads at run time). */
const allEdges = new Map();
const valueEdges = new Map();
const problems = [];
const counts = { value: 0, type: 0, sideEffect: 0, dynamic: 0 };
for (const f of files) {
  const all = new Set();
  const value = new Set();
  for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
    const spec = m[2] ?? m[3] ?? m[4];
    const isType = Boolean(m[1]);
    counts[m[3] ? 'sideEffect' : m[4] ? 'dynamic' : isType ? 'type' : 'value']++;
    if (spec.startsWith('.')) {
      const t = resolve(dirname(f), spec);
      if (!known.has(t)) continue;
      all.add(t);
      if (!isType) value.add(t);
    } else {
      const target = Object.entries(PKG).find(([name]) => spec === name || spec.startsWith(`${name}/`))?.[1];
      // A type-only import of another package is allowed across layers (the web's client takes the
      // server's route types): it vanishes at run time. A package importing itself never is.
      if (target && LAYER_FORBIDS[pkgOf(f)]?.includes(target) && (!isType || target === pkgOf(f)))
        problems.push(
          target === pkgOf(f)
            ? `self-import: ${relative(root, f)} imports ${spec} (inside a package, import the file)`
            : `layering: ${relative(root, f)} imports ${spec} (${pkgOf(f)} must not depend on ${target})`,
        );
    }
  }
  allEdges.set(f, [...all]);
  valueEdges.set(f, [...value]);
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

// Folders: each file's folder inside its package's src. A file at the src root (core's errors,
// context, roles…) is the package's base, not a feature: it counts as a folder of its own, so the
// base may lean on infrastructure (the context on the store's type) while the store uses the errors.
const folderOf = (f) => {
  const d = relative(join(root, 'packages'), dirname(f));
  return d.split('/').length === 2 ? relative(join(root, 'packages'), f) : d;
};
const foldersOf = (edges) => {
  const folders = new Map();
  for (const [f, ts] of edges) {
    if (ENTRY.test(f)) continue;
    const a = folderOf(f);
    if (!folders.has(a)) folders.set(a, new Set());
    for (const t of ts) if (folderOf(t) !== a) folders.get(a).add(folderOf(t));
  }
  return new Map([...folders].map(([k, v]) => [k, [...v]]));
};

/** Cycles of one level: those already there through value imports, and those type imports add. */
function report(level, all, value, name) {
  const valueKeys = new Set(cycles(value).map((c) => c.sort().join('|')));
  let typeOnly = 0;
  for (const c of cycles(all)) {
    const key = c.sort().join('|');
    // A component of the full graph not found as such among value imports needs a type import.
    const kind = valueKeys.has(key) ? 'cycle' : 'type-only cycle';
    if (kind !== 'cycle') typeOnly++;
    problems.push(`${level} ${kind}: ${c.map(name).join(' ⇄ ')}`);
  }
  return typeOnly;
}
const typeOnly =
  report('file', allEdges, valueEdges, (f) => relative(root, f)) +
  report('folder', foldersOf(allEdges), foldersOf(valueEdges), (d) => d);

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} import problem(s), of which ${typeOnly} type-only cycle(s)`);
  process.exit(1);
}
console.log(
  `imports: ${files.length} files (${counts.value} value, ${counts.type} type-only, ${counts.sideEffect} side-effect, ` +
    `${counts.dynamic} dynamic imports); 0 cycles at file or folder level, 0 type-only cycles; layering kept`,
);
