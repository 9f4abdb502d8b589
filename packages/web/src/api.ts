/** The one way the web app talks to the API: same origin, session cookie, CSRF header on writes. */
let csrfToken = '';

export const setCsrfToken = (t: string) => {
  csrfToken = t;
};

/** A refusal or failure from the API, with the server's Vietnamese and English messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details: { row?: number; field?: string; code: string; message: string; messageEn: string }[],
  ) {
    super(message);
  }
}

async function request(method: string, url: string, body?: unknown, raw?: Blob): Promise<Response> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (raw) headers['content-type'] = 'application/octet-stream';
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: raw ?? (body === undefined ? null : JSON.stringify(body)),
  });
  if (!res.ok) {
    const e = await res.json().catch(() => ({}));
    throw new ApiError(
      res.status,
      String(e.code ?? 'HTTP_' + res.status),
      String(e.message ?? 'Lỗi kết nối máy chủ; thử lại sau'),
      String(e.messageEn ?? 'Server error; try again later'),
      Array.isArray(e.details) ? e.details : [],
    );
  }
  return res;
}

export const api = {
  get: async <T>(url: string): Promise<T> => (await request('GET', url)).json(),
  post: async <T>(url: string, body: unknown = {}): Promise<T> => (await request('POST', url, body)).json(),
  put: async <T>(url: string, body: unknown): Promise<T> => (await request('PUT', url, body)).json(),
  del: async <T>(url: string): Promise<T> => (await request('DELETE', url)).json(),
  upload: async <T>(url: string, file: Blob): Promise<T> =>
    (await request('POST', url, undefined, file)).json(),
};

/** Query string from defined values. */
export const qs = (o: Record<string, string | undefined | null>) =>
  new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1])).toString();
