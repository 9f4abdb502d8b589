import { z } from 'zod';
import { NONE, type Route } from './route.ts';

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

/** The OpenAPI 3.1 document, generated from the routes' own schemas. */
export function openApiDocument(routes: Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { meta } of routes) {
    const pathParams = [...meta.url.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams =
      meta.query && meta.query !== NONE && meta.query instanceof z.ZodObject
        ? Object.entries(meta.query.shape).map(([name, s]) => ({
            name,
            in: 'query',
            required: !(s instanceof z.ZodType && s.safeParse(undefined).success),
            schema: s instanceof z.ZodType ? jsonSchema(s) : {},
          }))
        : [];
    const parameters = [...pathParams, ...queryParams];
    const requestBody = meta.upload
      ? { content: { [meta.upload]: { schema: { type: 'string', format: 'binary' } } } }
      : meta.body && meta.body !== NONE
        ? { content: { 'application/json': { schema: jsonSchema(meta.body) } } }
        : undefined;
    const ok = meta.produces
      ? {
          description: 'File',
          content: { [meta.produces]: { schema: { type: 'string', format: 'binary' } } },
        }
      : {
          description: 'OK',
          content: {
            'application/json': {
              schema: meta.response
                ? z.toJSONSchema(meta.response, { io: 'output', unrepresentable: 'any' })
                : {},
            },
          },
        };
    const url = meta.url.replace(/:(\w+)/g, '{$1}');
    paths[url] = {
      ...paths[url],
      [meta.method.toLowerCase()]: {
        summary: meta.summary,
        tags: [meta.tag],
        parameters,
        ...(requestBody ? { requestBody } : {}),
        ...(meta.auth === 'actor' ? { security: [{ bearer: [] }, { session: [] }] } : {}),
        responses: {
          200: ok,
          400: {
            description: 'Dữ liệu không hợp lệ / invalid input',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          ...(meta.auth === 'actor'
            ? {
                401: { description: 'Chưa đăng nhập / not authenticated' },
                403: { description: 'Không có quyền / forbidden' },
              }
            : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'baocao API',
      version: '0.1.0',
      description: 'Nền tảng thống kê, báo cáo ngành — statistics and reporting.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'baocao_session' },
      },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            message: { type: 'string', description: 'Tiếng Việt' },
            messageEn: { type: 'string' },
            details: { type: 'array', items: { type: 'object' } },
          },
          required: ['code', 'message', 'messageEn'],
        },
      },
    },
  };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained browsable page of the document (no external assets: the ministry network is closed). */
export function docsPage(doc: ReturnType<typeof openApiDocument>): string {
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const o = z
        .object({
          summary: z.string(),
          parameters: z.array(z.object({ name: z.string(), required: z.boolean() })),
        })
        .parse(op);
      const params = o.parameters.map((p) => `<code>${esc(p.name)}${p.required ? '' : '?'}</code>`).join(' ');
      return `<tr><td><b>${method.toUpperCase()}</b></td><td><code>${esc(path)}</code></td><td>${esc(o.summary)}</td><td>${params}</td></tr>`;
    }),
  );
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>baocao API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}td{padding:.3rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}code{background:#f3f3f3;padding:0 .2rem}</style>
</head><body><h1>baocao API</h1><p>${esc(doc.info.description)} Tài liệu máy đọc / machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<table><thead><tr><th>Phương thức</th><th>Đường dẫn</th><th>Mô tả</th><th>Tham số</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
