/**
 * The little XML writing SDMX-ML needs: elements with attributes and children, text escaped.
 * (A document builder library would add a dependency for what is string concatenation here; the
 * escaping below is all XML requires of attribute values and text.)
 */
export type Node = string | null | undefined | false | Node[];

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An element: attributes with undefined values are left out; text children are escaped. */
export function el(
  name: string,
  attrs: Record<string, string | number | boolean | undefined>,
  ...children: Node[]
): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join('');
  const body = flat(children);
  return body === '' ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

/** Text content, escaped. */
export const text = (s: string): string => escape(s);

const flat = (n: Node[]): string =>
  n.map((c) => (Array.isArray(c) ? flat(c) : typeof c === 'string' ? c : '')).join('');

/** A whole document with its declaration. */
export const xmlDocument = (root: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
