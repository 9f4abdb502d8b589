/** Media types of the files the API sends (exports, templates, reports). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MEDIA = { csv: 'text/csv; charset=utf-8', xlsx: XLSX, json: 'application/json' } as const;
