import { z } from 'zod';
import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { readPlainNumber } from '../format/number.ts';
import { readCsvRecords } from '../imports/csv-records.ts';
import { checkLimit } from '../imports/limits.ts';
import { type KeyedRow, type KeyedWriteCount, writeKeyedValues } from '../values/keyed-write.ts';
import { fromSdmxId, fromSdmxPeriod, readObsStatus } from './sdmx-model.ts';

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
  // An index must name one of the component's values: anything else is a malformed message.
  const valueOf = (c: z.infer<typeof Component>, i: number, where: string) => {
    const v = Number.isInteger(i) ? c.values[i] : undefined;
    const text = v?.id ?? v?.value;
    if (text === undefined)
      throw invalid(
        `${where}: chỉ số ${i} của ${c.id} nằm ngoài danh sách giá trị (${c.values.length})`,
        `${where}: index ${i} of ${c.id} is outside its list of values (${c.values.length})`,
      );
    return String(text);
  };
  const attr = (id: string) => st.attributes.observation.findIndex((a) => a.id === id);
  const [statusAt, commentAt] = [attr('OBS_STATUS'), attr('COMMENT')];
  const out: SdmxRow[] = [];
  const push = (key: number[], dimsOfKey: z.infer<typeof Component>[], obs: unknown[], action?: string) => {
    const where = `Quan sát ${out.length + 1} / observation ${out.length + 1}`;
    const by: Record<string, string> = {};
    dimsOfKey.forEach((d, i) => (by[d.id] = valueOf(d, key[i] ?? -1, where)));
    const a = (at: number) => {
      const idx = at >= 0 ? obs[at + 1] : null;
      if (idx === null || idx === undefined) return undefined;
      if (typeof idx !== 'number')
        throw invalid(
          `${where}: chỉ số thuộc tính phải là số`,
          `${where}: an attribute index must be a number`,
        );
      return valueOf(st.attributes.observation[at]!, idx, where);
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

/**
 * SDMX's actions (SDMX-CSV's ACTION column, SDMX-JSON's dataSet action): information, append,
 * replace and merge write the observation; delete removes it. Anything else is refused.
 */
const ACTIONS = new Map<string, 'write' | 'delete'>([
  ['I', 'write'],
  ['A', 'write'],
  ['R', 'write'],
  ['M', 'write'],
  ['D', 'delete'],
  ['INFORMATION', 'write'],
  ['APPEND', 'write'],
  ['REPLACE', 'write'],
  ['MERGE', 'write'],
  ['DELETE', 'delete'],
]);

/**
 * Imports an SDMX data message (SDMX-CSV or SDMX-JSON) through the same validated, all-or-nothing
 * path as every write. Observation status A is official, E an estimate; partial and derived
 * figures (PA, DV) are computed by baocao and refused as input. Action D deletes (with writes in
 * the same message, if need be); I, A, R, M write; any other action is refused row by row.
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
  const errors: { row: number; field: string; code: string; message: string; messageEn: string }[] = [];
  const rows: KeyedRow[] = obs.map((o, i) => {
    const action = ACTIONS.get((o.action ?? 'I').trim().toUpperCase() || 'I');
    if (!action)
      errors.push({
        row: i + 1,
        field: 'action',
        code: 'INVALID_ACTION',
        message: `Dòng ${i + 1}: ACTION "${String(o.action).slice(0, 40)}" không có trong SDMX; dùng I, A, R, M (ghi) hoặc D (xóa)`,
        messageEn: `Row ${i + 1}: ACTION "${String(o.action).slice(0, 40)}" is not an SDMX action; use I, A, R, M (write) or D (delete)`,
      });
    const deleting = action === 'delete';
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
    const status = o.status ? readObsStatus(o.status) : undefined;
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
    if (value === null && !deleting)
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
      ...(deleting ? { delete: true } : {}),
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
    strategy: 'CREATE_AND_UPDATE',
    dryRun: input.dryRun ?? false,
    source: 'sdmx',
  });
}
