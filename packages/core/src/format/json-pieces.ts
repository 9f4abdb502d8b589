// A parsed JSON value sent between threads in pieces: a structured clone of a whole 64 MB document
// would be decoded on the receiving thread in one go, as long as parsing it there. The sender cuts
// every array or object larger than PIECE_ITEMS out of its parent and sends its items in batches;
// the receiver puts them back where they belong. No zod here: the worker loads this module, and
// its start-up time is the time a large body waits. Each message is small, so the receiving thread
// answers other requests between them.

/** Items (array elements or object entries) per message. */
export const PIECE_ITEMS = 2000;

/** Where a cut-out container sits: array indexes and object keys from the root. */
export type Path = (string | number)[];

/** What a JSON worker sends: the root (big containers left empty), items of one, done, or an error. */
export type PieceMessage =
  | { kind: 'root'; root: unknown }
  | { kind: 'items'; path: Path; items: unknown[] }
  | { kind: 'entries'; path: Path; entries: [string, unknown][] }
  | { kind: 'done' }
  | { kind: 'error'; name: string; code?: string; message: string; messageEn?: string; status?: number };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON.parse's own-property semantics for any key (never a prototype setter). */
function put(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The messages that carry `value`, in order: the root first, then the items of each container cut
 * out (an item may itself hold containers cut out, sent after it). Made lazily, one at a time.
 */
export function* pieces(value: unknown): Generator<PieceMessage> {
  const cut: { path: Path; value: unknown[] | Record<string, unknown> }[] = [];
  const shallow = (v: unknown, path: Path): unknown => {
    if (Array.isArray(v)) {
      if (v.length > PIECE_ITEMS) {
        cut.push({ path, value: v });
        return [];
      }
      return v.map((x, i) => shallow(x, [...path, i]));
    }
    if (isRecord(v)) {
      const keys = Object.keys(v);
      if (keys.length > PIECE_ITEMS) {
        cut.push({ path, value: v });
        return {};
      }
      const o: Record<string, unknown> = {};
      for (const k of keys) put(o, k, shallow(v[k], [...path, k]));
      return o;
    }
    return v;
  };
  yield { kind: 'root', root: shallow(value, []) };
  for (let c = cut.shift(); c; c = cut.shift()) {
    const { path, value: v } = c;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += PIECE_ITEMS)
        yield {
          kind: 'items',
          path,
          items: v.slice(i, i + PIECE_ITEMS).map((x, j) => shallow(x, [...path, i + j])),
        };
    } else {
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length; i += PIECE_ITEMS)
        yield {
          kind: 'entries',
          path,
          entries: keys
            .slice(i, i + PIECE_ITEMS)
            .map((k): [string, unknown] => [k, shallow(v[k], [...path, k])]),
        };
    }
  }
}

/** Puts received pieces back together: `add` each message after the root, then read `value`. */
export function assembler(root: unknown) {
  const at = (path: Path): unknown => {
    let v = root;
    for (const p of path) {
      if (Array.isArray(v) && typeof p === 'number') v = v[p];
      else if (isRecord(v) && typeof p === 'string' && Object.hasOwn(v, p)) v = v[p];
      else throw new Error(`JSON piece for a path that is not there: ${path.join('/')}`);
    }
    return v;
  };
  return {
    value: root,
    add(m: Extract<PieceMessage, { kind: 'items' | 'entries' }>): void {
      const target = at(m.path);
      if (m.kind === 'items' && Array.isArray(target)) for (const x of m.items) target.push(x);
      else if (m.kind === 'entries' && isRecord(target)) for (const [k, x] of m.entries) put(target, k, x);
      else throw new Error(`JSON piece of the wrong kind at ${m.path.join('/')}`);
    },
  };
}
