import type { Duplex } from 'node:stream';
import { BaocaoError, isStoreUnavailable, zodErrorList } from '@baocao/core';
import type { FastifyRequest } from 'fastify';
import { ZodError } from 'zod';

/** PostgreSQL's class 22 (data exception: a NUL in text, a value out of a type's range) is bad input. */
const isDataException = (err: unknown) =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' && /^22[0-9A-Z]{3}$/.test(err.code);

/** The HTTP status of an error: ours carry it, bad input is 400, Fastify's say theirs, else 500. */
export const statusOf = (err: unknown): number =>
  isStoreUnavailable(err)
    ? 503
    : isDataException(err)
      ? 400
      : err instanceof BaocaoError
        ? err.status
        : err instanceof ZodError || err instanceof SyntaxError
          ? 400
          : typeof err === 'object' &&
              err !== null &&
              'statusCode' in err &&
              typeof err.statusCode === 'number'
            ? err.statusCode
            : 500;

/** Fastify's own refusals, in our error shape with a code a client can act on. */
const FASTIFY_CODES: Record<string, [string, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [
    'BODY_TOO_LARGE',
    'Nội dung gửi lên vượt giới hạn của địa chỉ này',
    'The request body is over this endpoint’s limit',
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'UNSUPPORTED_MEDIA_TYPE',
    'Kiểu nội dung không được hỗ trợ',
    'Unsupported content type',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['INVALID_JSON', 'Nội dung JSON rỗng', 'Empty JSON body'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    'BAD_REQUEST',
    'Độ dài nội dung không khớp',
    'Content-Length does not match the body',
  ],
};

/** Every error as one shape: code (English), message (Vietnamese), messageEn, bounded details. */
export function presentError(err: unknown, req: FastifyRequest) {
  if (err instanceof BaocaoError) return err.toJSON();
  if (err instanceof ZodError)
    return new BaocaoError('INVALID_REQUEST', 'Yêu cầu không hợp lệ', 'Invalid request', {
      details: zodErrorList(err),
    }).toJSON();
  if (err instanceof SyntaxError)
    return {
      code: 'INVALID_JSON',
      message: 'JSON sai cú pháp',
      messageEn: `Malformed JSON: ${err.message}`,
      details: [],
    };
  if (isStoreUnavailable(err)) {
    req.log.warn({ err }, 'store unavailable');
    return {
      code: 'STORE_UNAVAILABLE',
      message:
        'Kho dữ liệu tạm thời không truy cập được; thử lại sau ít giây. Nếu vừa gửi số liệu, hãy xem lại trước khi gửi lần nữa: lần gửi có thể đã được ghi.',
      messageEn:
        'The data store cannot be reached for the moment; try again in a few seconds. If you just submitted values, check them before sending again: that submission may have been recorded.',
      details: [],
    };
  }
  if (isDataException(err))
    return {
      code: 'INVALID_DATA',
      message: 'Dữ liệu gửi lên có giá trị không lưu được (ví dụ ký tự NUL trong văn bản, số vượt phạm vi)',
      messageEn:
        'The request holds a value that cannot be stored (e.g. a NUL character in text, a number out of range)',
      details: [],
    };
  const status = statusOf(err);
  const fastifyCode = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const known = FASTIFY_CODES[fastifyCode];
  if (known) return { code: known[0], message: known[1], messageEn: known[2], details: [] };
  if (status >= 500) req.log.error({ err }, 'request failed');
  return {
    code: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
    message: status >= 500 ? 'Lỗi máy chủ; vui lòng thử lại hoặc báo quản trị viên' : 'Yêu cầu không hợp lệ',
    messageEn:
      status >= 500
        ? 'Server error; try again or tell an administrator'
        : err instanceof Error
          ? err.message
          : 'error',
    details: [],
  };
}

/**
 * Errors Node's HTTP parser meets before Fastify has a request (headers over 16 KB, a malformed
 * request line, a client too slow): answered in our shape, then the connection closed.
 */
export function clientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, vi, en] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'Yêu cầu gửi quá chậm', 'The request was sent too slowly']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [
            431,
            'HEADERS_TOO_LARGE',
            'Địa chỉ hoặc tiêu đề yêu cầu quá dài',
            'The address or the request headers are too long',
          ]
        : [400, 'BAD_REQUEST', 'Yêu cầu HTTP sai cú pháp', 'Malformed HTTP request'];
  const body = JSON.stringify({ code, message: vi, messageEn: en, details: [] });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${code}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
