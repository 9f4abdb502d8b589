import { type Ctx, PUBLIC_ACTOR } from '../context.ts';
import { plainCsv } from '../format/table-file.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { calendarDates, periodFromMonths } from '../periods/period.ts';
import { OBS_STATUS, fromSdmxId, fromSdmxPeriod, statusWordOf } from '../sdmx/sdmx-model.ts';
import { lastReleasedAt } from '../releases/release.ts';
import { flowsOf, noResults, sdmxSeries } from '../sdmx/sdmx-data.ts';
import { type SdmxDataflow, sdmxStructures } from '../sdmx/sdmx-structures.ts';

/** Who publishes, under which licence: what every dataset of the catalog says of itself. */
export const PUBLISHER = {
  vi: 'Bộ Khoa học và Công nghệ (lĩnh vực thông tin và truyền thông, trước đây Bộ Thông tin và Truyền thông)',
  en: 'Ministry of Science and Technology (information and communications; formerly the Ministry of Information and Communications)',
  email: 'mailto:opendata@mst.gov.vn',
};
export const LICENSE = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
/** Viet Nam in the EU's country authority table, the usual DCAT-AP spatial reference. */
export const SPATIAL = 'http://publications.europa.eu/resource/authority/country/VNM';

/** The open data is what the public sees, whoever asks: released figures only. */
const asPublic = (ctx: Ctx): Ctx => ({ ...ctx, actor: PUBLIC_ACTOR });

/** One released figure, a row of a dataset's CSV. */
export interface OpenRow {
  indicator: string;
  indicator_name: string;
  area: string;
  area_name: string;
  period: string;
  period_label: string;
  value: number;
  unit: string;
  status: string;
  comment: string;
}

/** A dataset of the catalog: a domain's released figures, with its coverage in time. */
export interface OpenDataset {
  flow: SdmxDataflow;
  rows: OpenRow[];
  temporal: { start: string; end: string } | null;
  modified: string | null;
}

/** The released figures of one domain (dataflow), or of all. */
export async function openDatasets(ctx: Ctx, flowId = 'all'): Promise<OpenDataset[]> {
  const pub = asPublic(ctx);
  const s = await sdmxStructures(pub);
  const flows = flowsOf(s, flowId);
  const names = new Map(s.indicators.map((i) => [i.code, i]));
  const areas = new Map(s.units.map((u) => [u.code, u.nameVi]));
  const modified = await lastReleasedAt(pub);
  const out: OpenDataset[] = [];
  for (const flow of flows) {
    const series = await sdmxSeries(pub, { flow: flow.id, key: 'all' }, s).catch((e: unknown) => {
      if (e instanceof Error && 'code' in e && e.code === 'NO_RESULTS') return [];
      throw e;
    });
    let first = Infinity;
    let last = -Infinity;
    const rows: OpenRow[] = series.flatMap((sr) =>
      sr.obs.map((o) => {
        const p = fromSdmxPeriod(o.period);
        first = Math.min(first, p.first);
        last = Math.max(last, p.last);
        const ind = names.get(fromSdmxId(sr.indicator))!;
        return {
          indicator: ind.code,
          indicator_name: ind.nameVi,
          area: fromSdmxId(sr.area),
          area_name: areas.get(fromSdmxId(sr.area)) ?? '',
          period: p.id,
          period_label: periodLabelVi(p),
          value: o.value,
          unit: ind.unitVi,
          status: statusWordOf(o.status),
          comment: o.comment ?? '',
        };
      }),
    );
    const temporal = rows.length
      ? {
          start: calendarDates(periodFromMonths(first, first)).start,
          end: calendarDates(periodFromMonths(last, last)).end,
        }
      : null;
    out.push({ flow, rows, temporal, modified: rows.length ? modified : null });
  }
  return out;
}

/**
 * A dataset's CSV (UTF-8, no BOM, RFC 4180), the columns of {@link tableSchema}. The public opens
 * it in spreadsheets: text that would start a formula (`=`, `+`, `-`, `@`) gets an apostrophe in
 * front, as in every export of ours; numbers are unchanged.
 */
export async function openDatasetCsv(ctx: Ctx, flowId: string): Promise<Buffer> {
  const [d] = await openDatasets(ctx, flowId);
  if (!d) throw noResults(`Không có bộ dữ liệu ${flowId}`, `no dataset ${flowId}`);
  const cols = FIELDS.map((f) => f.name);
  return plainCsv(
    cols,
    d.rows.map((r) => cols.map((c) => r[c])),
    { guard: true },
  );
}

const FIELDS: {
  name: keyof OpenRow;
  type: 'string' | 'number';
  title: string;
  description: string;
  required?: true;
}[] = [
  {
    name: 'indicator',
    type: 'string',
    title: 'Mã chỉ tiêu / indicator code',
    description: 'Code of the indicator in baocao’s catalog (SDMX CL_INDICATOR with dots as hyphens)',
    required: true,
  },
  {
    name: 'indicator_name',
    type: 'string',
    title: 'Tên chỉ tiêu / indicator',
    description: 'Name of the indicator, in Vietnamese',
  },
  {
    name: 'area',
    type: 'string',
    title: 'Mã đơn vị / area code',
    description: 'The country (VN), a province (P01…) or a reporting body',
    required: true,
  },
  {
    name: 'area_name',
    type: 'string',
    title: 'Đơn vị / area',
    description: 'Name of the area or body, in Vietnamese',
  },
  {
    name: 'period',
    type: 'string',
    title: 'Kỳ / period',
    description:
      '2024M08 a month, 2024Q1 a quarter, 2024S1 a half, 2024 a year, 2024M01-M08 January to August',
    required: true,
  },
  {
    name: 'period_label',
    type: 'string',
    title: 'Kỳ (chữ) / period in words',
    description: 'The period as Vietnamese reports write it',
  },
  {
    name: 'value',
    type: 'number',
    title: 'Giá trị / value',
    description: 'The figure, decimal point, no grouping',
    required: true,
  },
  {
    name: 'unit',
    type: 'string',
    title: 'Đơn vị tính / unit of measure',
    description: 'Unit of measure, in Vietnamese (tỷ đồng = billion VND)',
  },
  {
    name: 'status',
    type: 'string',
    title: 'Trạng thái / status',
    description:
      'official; estimate; partial (summed from only some of the units expected, see comment); imputed (the units not yet reported estimated, see comment); derived',
  },
  {
    name: 'comment',
    type: 'string',
    title: 'Ghi chú / comment',
    description:
      'Source note of a reported figure; the coverage of a partial one; the estimated part of an imputed one',
  },
];

/** The Frictionless Table Schema of every dataset's CSV. */
export function tableSchema() {
  return {
    $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
    fields: FIELDS.map(({ required, ...f }) => ({
      ...f,
      ...(f.type === 'number' ? { decimalChar: '.', groupChar: '' } : {}),
      ...(f.name === 'status'
        ? { constraints: { required: true, enum: OBS_STATUS.map((x) => x.word) } }
        : {}),
      ...(required ? { constraints: { required: true } } : {}),
    })),
    primaryKey: ['indicator', 'area', 'period'],
    missingValues: [''],
  };
}
