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

export async function request(method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw apiError(res.status, await res.json().catch(() => ({})));
  return res;
}

/** The API's refusal from its status and JSON body (whatever the body turned out to be). */
function apiError(status: number, body: unknown): ApiError {
  const e: Record<string, unknown> = typeof body === 'object' && body !== null ? { ...body } : {};
  return new ApiError(
    status,
    String(e.code ?? 'HTTP_' + status),
    String(e.message ?? 'Lỗi kết nối máy chủ; thử lại sau'),
    String(e.messageEn ?? 'Server error; try again later'),
    Array.isArray(e.details) ? e.details : [],
  );
}

/** JSON.parse that answers null for what is not JSON (an HTML error page from a proxy, say). */
function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A file upload that reports how much has been sent (fetch cannot), for large feeds. */
export function uploadFile<T>(
  url: string,
  file: Blob,
  onProgress?: (sent: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', url);
    x.setRequestHeader('x-csrf-token', csrfToken);
    x.setRequestHeader('content-type', 'application/octet-stream');
    if (onProgress) x.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    x.onload = () => {
      const body = parseJson<T>(x.responseText);
      if (x.status >= 200 && x.status < 300 && body !== null) resolve(body);
      else reject(apiError(x.status, body));
    };
    x.onerror = () => reject(apiError(0, {}));
    x.send(file);
  });
}

/** Query string from defined values. */
export const qs = (o: Record<string, string | undefined | null>) =>
  new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1])).toString();
