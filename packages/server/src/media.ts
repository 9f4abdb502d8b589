import type { FastifyReply } from 'fastify';

/** Media types of the files the API sends (exports, templates, reports). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MEDIA = { csv: 'text/csv; charset=utf-8', xlsx: XLSX, json: 'application/json' } as const;

/** Sends a file as a download named `name` (its extension says the format). */
export function sendFile(reply: FastifyReply, data: Buffer, format: keyof typeof MEDIA, name: string) {
  reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
  return reply.type(MEDIA[format]).send(data);
}
