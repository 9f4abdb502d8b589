import { z } from 'zod';
import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { readPlainNumber } from '../format/number.ts';
import { readCsvRecords } from '../imports/csv-records.ts';
import { checkLimit } from '../imports/limits.ts';
import type { RawValueRow } from '../values/validate.ts';
import { type KeyedWriteCount, writeKeyedValues } from '../values/keyed-write.ts';
import { fromSdmxId, fromSdmxPeriod } from './sdmx-model.ts';

/** One observation read from an SDMX data message, before validation. */
interface SdmxRow {
  indicator: string;
  area: string;
  period: string;
  value: string | number | null;
  status?: string | undefined;
  comment?: string | undefined;
  action?: string | undefined;
}

const invalid = (vi: string, en: string) => new BaocaoError('INVALID_FILE', vi, en);

/** SDMX-CSV (2.0, and 1.0's DATAFLOW column): one observation per row, our dimensions by name. */
export async function readSdmxCsv(data: Buffer): Promise<SdmxRow[]> {
  const [header = [], ...records] = await readCsvRecords(data, {
    bom: true,
    skip_empty_lines: true,
    trim: true,
  });
  const at = new Map(header.map((h, i) => [h, i]));
  for (const c of ['INDICATOR', 'REF_AREA', 'TIME_PERIOD', 'OBS_VALUE'])
    if (!at.has(c)) throw invalid(`Thiếu cột ${c}`, `Missing column ${c}`);
  const cell = (r: string[], c: string) => {
    const i = at.get(c);
    return i === undefined ? '' : (r[i] ?? '');
  };
  return records.map((r) => ({
    indicator: cell(r, 'INDICATOR'),
    area: cell(r, 'REF_AREA'),
    period: cell(r, 'TIME_PERIOD'),
    value: cell(r, 'OBS_VALUE'),
    status: cell(r, 'OBS_STATUS') || undefined,
    comment: cell(r, 'COMMENT') || undefined,
    action: cell(r, 'ACTION') || undefined,
  }));
}

const Component = z.object({
  id: z.string(),
  keyPosition: z.number().int().optional(),
  values: z.array(z.looseObject({ id: z.string().optional(), value: z.string().optional() })).default([]),
});
const SdmxJson = z.object({
  data: z.object({
    structures: z
      .array(
        z.object({
          dimensions: z.object({
            dataSet: z.array(Component).default([]),
            series: z.array(Component).default([]),
            observation: z.array(Component).default([]),
          }),
          attributes: z
            .object({ observation: z.array(Component).default([]) })
            .loose()
            .default({ observation: [] }),
        }),
      )
      .min(1),
    dataSets: z
      .array(
        z.looseObject({
          action: z.string().optional(),
          series: z
            .record(
              z.string(),
              z.object({ observations: z.record(z.string(), z.array(z.unknown())).default({}) }).loose(),
            )
            .optional(),
          observations: z.record(z.string(), z.array(z.unknown())).optional(),
        }),
      )
      .min(1),
  }),
});

/** SDMX-JSON 2.0 data: series keys and observation keys indexed into the structure's values. */
export function readSdmxJson(body: unknown): SdmxRow[] {
  const msg = SdmxJson.parse(body);
  const st = msg.data.structures[0]!;
  const dims = [...st.dimensions.series, ...st.dimensions.observation];
  const seriesDims = st.dimensions.series;
  const valueOf = (c: z.infer<typeof Component>, i: number) => c.values[i]?.id ?? c.values[i]?.value ?? '';
  const attr = (id: string) => st.attributes.observation.findIndex((a) => a.id === id);
  const [statusAt, commentAt] = [attr('OBS_STATUS'), attr('COMMENT')];
  const out: SdmxRow[] = [];
  const push = (key: number[], dimsOfKey: z.infer<typeof Component>[], obs: unknown[], action?: string) => {
    const by: Record<string, string> = {};
    dimsOfKey.forEach((d, i) => (by[d.id] = valueOf(d, key[i] ?? -1)));
    const a = (at: number) => {
      const idx = at >= 0 ? obs[at + 1] : null;
      return typeof idx === 'number' ? valueOf(st.attributes.observation[at]!, idx) : undefined;
    };
    const v = obs[0];
    out.push({
      indicator: by.INDICATOR ?? '',
      area: by.REF_AREA ?? '',
      period: by.TIME_PERIOD ?? '',
      value: typeof v === 'number' || typeof v === 'string' ? v : null,
      status: a(statusAt),
      comment: a(commentAt),
      action,
    });
  };
  for (const ds of msg.data.dataSets) {
    for (const [sk, s] of Object.entries(ds.series ?? {}))
      for (const [ok, obs] of Object.entries(s.observations))
        push([...sk.split(':'), ...ok.split(':')].map(Number), dims, obs, ds.action);
    for (const [k, obs] of Object.entries(ds.observations ?? {}))
      push(k.split(':').map(Number), dims, obs, ds.action);
  }
  if (seriesDims.length === 0 && out.length === 0) throw invalid('Không có quan sát nào', 'No observations');
  checkLimit('rows', out.length);
  return out;
}

const STATUS: Record<string, string> = { A: 'official', E: 'estimate' };

/**
 * Imports an SDMX data message (SDMX-CSV or SDMX-JSON) through the same validated, all-or-nothing
 * path as every write. Observation status A is official, E an estimate; partial and derived
 * figures (PA, DV) are computed by baocao and refused as input. Deletions (action D) come alone.
 */
export async function importSdmxData(
  ctx: Ctx,
  input: { body: unknown; format: 'csv' | 'json'; dryRun?: boolean },
): Promise<KeyedWriteCount> {
  requireAccess(ctx, 'value.write');
  const obs =
    input.format === 'csv'
      ? await readSdmxCsv(Buffer.isBuffer(input.body) ? input.body : Buffer.from(String(input.body)))
      : readSdmxJson(input.body);
  const deletes = obs.filter((o) => /^d/i.test(o.action ?? ''));
  if (deletes.length && deletes.length < obs.length)
    throw invalid(
      'Không trộn xóa (D) với ghi trong một tệp',
      'Deletions (D) cannot be mixed with writes in one message',
    );
  const errors: { row: number; field: string; code: string; message: string; messageEn: string }[] = [];
  const rows: RawValueRow[] = obs.map((o, i) => {
    let period: string | null = null;
    try {
      period = fromSdmxPeriod(o.period).id;
    } catch (e) {
      if (!(e instanceof BaocaoError)) throw e;
      errors.push({
        row: i + 1,
        field: 'period',
        code: e.code,
        message: `Dòng ${i + 1}: ${e.message}`,
        messageEn: `Row ${i + 1}: ${e.messageEn}`,
      });
    }
    const status = o.status ? STATUS[o.status.toUpperCase()] : undefined;
    if (o.status && !status)
      errors.push({
        row: i + 1,
        field: 'status',
        code: 'INVALID_STATUS',
        message: `Dòng ${i + 1}: trạng thái "${o.status}" không nhận; dùng A (chính thức) hoặc E (ước tính)`,
        messageEn: `Row ${i + 1}: status "${o.status}" is not accepted; use A (official) or E (estimate)`,
      });
    // SDMX writes numbers with a decimal point and no grouping: "1.234" is one point two three four.
    const value = readPlainNumber(o.value);
    if (value === null && !deletes.length)
      errors.push({
        row: i + 1,
        field: 'value',
        code: 'INVALID_NUMBER',
        message: `Dòng ${i + 1}: OBS_VALUE "${String(o.value ?? '')}" không phải số viết kiểu SDMX (dấu chấm thập phân)`,
        messageEn: `Row ${i + 1}: OBS_VALUE "${String(o.value ?? '')}" is not a number as SDMX writes them (decimal point)`,
      });
    return {
      row: i + 1,
      indicator: fromSdmxId(o.indicator),
      unit: fromSdmxId(o.area),
      period,
      value,
      status: status ?? null,
      note: o.comment ?? null,
    };
  });
  if (errors.length)
    throw new BaocaoError(
      'VALIDATION_FAILED',
      `Có ${errors.length} lỗi trong dữ liệu; không dòng nào được ghi`,
      `${errors.length} error(s) in the data; nothing was written`,
      { details: errors },
    );
  return writeKeyedValues(ctx, {
    rows,
    strategy: deletes.length ? 'DELETE' : 'CREATE_AND_UPDATE',
    dryRun: input.dryRun ?? false,
    source: 'sdmx',
  });
}
