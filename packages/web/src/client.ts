/**
 * The API client, typed from the server's route declarations (types only, as Hono's `hc` does):
 * `call('GET /api/forms', { query: { unit, period } })` checks the path, the query and body against
 * the route's schemas and answers with the route's response type. No URL strings, no caller-asserted
 * types.
 */
import type { ApiRoutes } from '@baocao/server';
import { request, uploadFile } from './api.ts';

type KeyOf<R> = R extends { meta: { method: infer M extends string; url: infer U extends string } }
  ? `${M} ${U}`
  : never;

/** Each route's input and answer types by "METHOD /path". */
type RouteMap = { [R in ApiRoutes as KeyOf<R>]: NonNullable<R['types']> };

/** Every route as "METHOD /path": "GET /api/forms", "PUT /api/registries/:id", … */
export type RouteKey = keyof RouteMap;
type Split<K> = K extends `${infer M} ${infer U}` ? [M, U] : never;
type Types<K extends RouteKey> = RouteMap[K];

/** What a route answers (its declared response schema's output). */
export type Answer<K extends RouteKey> = Types<K>['response'];

type ParamNames<U> = U extends `${string}:${infer P}/${infer Rest}`
  ? P | ParamNames<Rest>
  : U extends `${string}:${infer P}`
    ? P
    : never;

type QueryPart<Q> = unknown extends Q
  ? { query?: undefined }
  : object extends Q
    ? { query?: Q }
    : { query: Q };
type BodyPart<B> = unknown extends B ? { body?: undefined } : { body: B };
type ParamPart<U> = [ParamNames<U>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamNames<U>, string | number> };

/** What a call of route K takes: its query, its body and its path parameters, as the route declares them. */
export type CallInput<K extends RouteKey> = QueryPart<Types<K>['query']> &
  BodyPart<Types<K>['body']> &
  ParamPart<Split<K>[1]>;

/** The URL of route K with its parameters and query filled in (undefined and empty values left out). */
export function urlOf<K extends RouteKey>(key: K, input: { query?: unknown; params?: unknown } = {}): string {
  let path = key.slice(key.indexOf(' ') + 1);
  const entries = (o: unknown) => (typeof o === 'object' && o !== null ? Object.entries(o) : []);
  for (const [name, value] of entries(input.params))
    path = path.replace(`:${name}`, encodeURIComponent(String(value)));
  const search = new URLSearchParams();
  for (const [name, value] of entries(input.query))
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const q = search.toString();
  return q ? `${path}?${q}` : path;
}

/** Calls route K and answers with its declared response (refusals throw `ApiError`). */
export async function call<K extends RouteKey>(
  key: K,
  ...[input]: object extends CallInput<K> ? [CallInput<K>?] : [CallInput<K>]
): Promise<Answer<K>> {
  const method = key.slice(0, key.indexOf(' '));
  const res = await request(method, urlOf(key, input ?? {}), input?.body);
  return res.json();
}

/** Uploads a file to route K (a raw body), reporting progress; answers with its declared response. */
export function upload<K extends RouteKey>(
  key: K,
  input: { query?: Types<K>['query'] },
  file: Blob,
  onProgress?: (sent: number, total: number) => void,
): Promise<Answer<K>> {
  return uploadFile(urlOf(key, input), file, onProgress);
}
