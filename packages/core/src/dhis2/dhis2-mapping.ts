import { z } from 'zod';
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import type { Indicator, Unit } from '../schemas.ts';
import { type UnitGraph, loadUnitGraph } from '../units/unit-graph.ts';
import { UID, derivedUid } from './dhis2-ids.ts';
import { DHIS2_PERIOD_TYPES, type Dhis2PeriodType } from './dhis2-periods.ts';
import { type Dhis2Kind, selectDhis2Ids, upsertDhis2Id } from './dhis2.queries.ts';

/** One of ours as DHIS2 knows it. */
export const Dhis2Id = z.object({
  kind: z.enum(['indicator', 'unit', 'dataset']),
  code: z.string().min(1),
  uid: z
    .string()
    .regex(UID, 'UID DHIS2: 11 ký tự, chữ cái rồi chữ hoặc số / a letter then 10 letters or digits'),
  dhis2Code: z.string().trim().min(1).max(50),
});
export type Dhis2Id = z.infer<typeof Dhis2Id>;

/** A row of the identifier table as people read it: what the code names, in both languages. */
export const Dhis2IdRow = Dhis2Id.extend({ name: z.string(), nameEn: z.string() });
export type Dhis2IdRow = z.infer<typeof Dhis2IdRow>;

/** A domain of the catalog (the code's prefix: NGANH, ATTT…): DHIS2 data sets, an SDMX dataflow. */
export interface Domain {
  code: string;
  name: string;
  indicators: Indicator[];
}

/** A DHIS2 data set: a domain's indicators at one period type (code: the domain's, plus a suffix). */
export interface Dhis2DataSet {
  code: string;
  domain: Domain;
  periodType: Dhis2PeriodType;
  /** Its name: the domain's, with the period type in Vietnamese. */
  name: string;
}

/** The catalog's domains, by the prefix of their indicators' codes. */
export function domainsOf(indicators: Indicator[]): Domain[] {
  const out = new Map<string, Domain>();
  for (const i of indicators) {
    const code = i.code.split('.')[0]!;
    const d = out.get(code) ?? { code, name: i.domain, indicators: [] };
    d.indicators.push(i);
    out.set(code, d);
  }
  return [...out.values()];
}

/** What the DHIS2 exchange needs at hand: the catalog, the units and every identifier, both ways. */
export interface Dhis2Names {
  indicators: Indicator[];
  units: Unit[];
  /** The unit tree, for levels and parents. */
  graph: UnitGraph;
  domains: Domain[];
  /** The data sets: one per domain and period type. */
  dataSets: Dhis2DataSet[];
  /** Our code → DHIS2 identifiers, per kind. */
  ours: Record<Dhis2Kind, Map<string, { uid: string; dhis2Code: string }>>;
}

/**
 * Every indicator, unit and domain with its DHIS2 UID and code: the one an administrator set, else
 * a UID derived from the code ({@link derivedUid}) and the code itself. Reading writes nothing.
 */
export async function loadDhis2Names(ctx: Ctx): Promise<Dhis2Names> {
  const [indicators, graph, rows] = await Promise.all([
    listIndicators(ctx),
    loadUnitGraph(ctx.db.k),
    selectDhis2Ids(ctx.db.k),
  ]);
  const units = [...graph.byId.values()];
  const domains = domainsOf(indicators);
  const dataSets = domains.flatMap((domain) =>
    DHIS2_PERIOD_TYPES.map((t) => ({
      code: domain.code + t.suffix,
      domain,
      periodType: t.type,
      name: `${domain.name} (${t.vi})`,
    })),
  );
  const set = new Map(rows.map((r) => [`${r.kind}|${r.code}`, { uid: r.uid, dhis2Code: r.dhis2_code }]));
  const ours: Dhis2Names['ours'] = { indicator: new Map(), unit: new Map(), dataset: new Map() };
  const add = (kind: Dhis2Kind, code: string) =>
    ours[kind].set(code, set.get(`${kind}|${code}`) ?? { uid: derivedUid(kind, code), dhis2Code: code });
  for (const i of indicators) add('indicator', i.code);
  for (const u of units) add('unit', u.code);
  for (const d of dataSets) add('dataset', d.code);
  return { indicators, units, graph, domains, dataSets, ours };
}

/** The identifier table, for an administrator to read (and edit with {@link setDhis2Ids}). */
export async function listDhis2Ids(ctx: Ctx): Promise<Dhis2IdRow[]> {
  const names = await loadDhis2Names(ctx);
  // People read names ("Sở KH&CN Đà Nẵng", "An toàn thông tin (theo quý)"), the codes beside them.
  const named = new Map<string, { vi: string; en: string }>([
    ...names.indicators.map((i) => [`indicator|${i.code}`, { vi: i.nameVi, en: i.nameEn }] as const),
    ...names.units.map((u) => [`unit|${u.code}`, { vi: u.nameVi, en: u.nameEn ?? u.nameVi }] as const),
    ...names.dataSets.map(
      (d) => [`dataset|${d.code}`, { vi: d.name, en: `${d.domain.name} (${d.periodType})` }] as const,
    ),
  ]);
  return (['indicator', 'unit', 'dataset'] as const).flatMap((kind) =>
    [...names.ours[kind]].map(([code, id]) => {
      const name = named.get(`${kind}|${code}`) ?? { vi: code, en: code };
      return { kind, code, name: name.vi, nameEn: name.en, uid: id.uid, dhis2Code: id.dhis2Code };
    }),
  );
}

/**
 * Sets DHIS2 UIDs and codes (administrators): to match a DHIS2 instance whose metadata already
 * exists. All or none; a UID or code already given to another of ours is refused. Audited.
 */
export async function setDhis2Ids(ctx: Ctx, entries: Dhis2Id[]): Promise<Dhis2IdRow[]> {
  requireAccess(ctx, 'interop.manage');
  const parsed = z.array(Dhis2Id).parse(entries);
  const names = await loadDhis2Names(ctx);
  // The identifiers after the change, all of them, must stay unique: UIDs across kinds, codes per kind.
  const after = (['indicator', 'unit', 'dataset'] as const).flatMap((kind) =>
    [...names.ours[kind]].map(([code, id]) => ({ kind, code, ...id })),
  );
  for (const e of parsed) {
    const at = after.findIndex((x) => x.kind === e.kind && x.code === e.code);
    if (at < 0)
      throw new BaocaoError(
        'UNKNOWN_CODE',
        `Không có ${e.kind} mã "${e.code}"`,
        `No ${e.kind} with code "${e.code}"`,
        {
          status: 404,
        },
      );
    after[at] = { kind: e.kind, code: e.code, uid: e.uid, dhis2Code: e.dhis2Code };
  }
  const uids = new Set(after.map((x) => x.uid));
  const codes = new Set(after.map((x) => `${x.kind}|${x.dhis2Code}`));
  if (uids.size < after.length || codes.size < after.length)
    throw new BaocaoError(
      'DUPLICATE_DHIS2_ID',
      'UID hoặc mã DHIS2 này đã thuộc về một chỉ tiêu, đơn vị hay bộ dữ liệu khác',
      'That DHIS2 UID or code already belongs to another indicator, unit or data set',
      { status: 409 },
    );
  await ctx.db.k.transaction().execute(async (trx) => {
    for (const e of parsed) {
      await upsertDhis2Id(trx, { kind: e.kind, code: e.code, uid: e.uid, dhis2_code: e.dhis2Code });
      await writeAudit(trx, ctx.actor, {
        entity: 'dhis2_id',
        key: `${e.kind}:${e.code}`,
        action: 'update',
        new: e,
      });
    }
  });
  return listDhis2Ids(ctx);
}
