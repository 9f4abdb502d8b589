// Builders of the blind set's entries (annotations-blind.ts and annotations-blind-2.ts).
import type { Annotated } from './annotation-types.ts';

/** A text of the ministry kind at its address (the outlet is the host name). */
export const m = (id: string, url: string, year: number, items: Annotated['items'] = []): Annotated => ({
  id,
  url,
  outlet: new URL(url).hostname.replace(/^(www|m)\./, ''),
  kind: 'ministry',
  year,
  items,
});
/** The same text under another source kind. */
export const as = (kind: Annotated['kind'], t: Annotated): Annotated => ({ ...t, kind });
