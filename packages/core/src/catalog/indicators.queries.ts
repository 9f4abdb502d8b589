import type { Kysely, Selectable } from 'kysely';
import type { IndicatorTable, Schema } from '../db/schema.ts';
import type { Indicator } from '../schemas.ts';

export function toIndicator(r: Selectable<IndicatorTable>): Indicator {
  return {
    id: r.id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    shortVi: r.short_vi,
    shortEn: r.short_en,
    unitVi: r.unit_vi,
    unitEn: r.unit_en,
    precision: r.precision,
    kind: r.kind,
    acrossUnits: r.across_units,
    domain: r.domain,
    reportingKind: r.reporting_kind,
    numeratorCode: r.numerator_code,
    denominatorCode: r.denominator_code,
    nonNegative: r.non_negative,
    valueDecimals: r.value_decimals,
    maxValue: r.max_value === null ? null : Number(r.max_value),
    maxPerCapita: r.max_per_capita === null ? null : Number(r.max_per_capita),
    note: r.note,
  };
}

export const selectIndicators = (db: Kysely<Schema>) =>
  db.selectFrom('indicator').selectAll().orderBy('code').execute();

export const selectIndicatorByCode = (db: Kysely<Schema>, code: string) =>
  db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();

export function upsertIndicatorRow(db: Kysely<Schema>, i: Indicator | Omit<Indicator, 'id'>) {
  const row = {
    code: i.code,
    name_vi: i.nameVi,
    name_en: i.nameEn,
    short_vi: i.shortVi ?? null,
    short_en: i.shortEn ?? null,
    unit_vi: i.unitVi,
    unit_en: i.unitEn ?? null,
    precision: i.precision,
    kind: i.kind,
    across_units: i.acrossUnits,
    domain: i.domain,
    reporting_kind: i.reportingKind ?? null,
    numerator_code: i.numeratorCode ?? null,
    denominator_code: i.denominatorCode ?? null,
    non_negative: i.nonNegative,
    value_decimals: i.valueDecimals,
    max_value: i.maxValue ?? null,
    max_per_capita: i.maxPerCapita ?? null,
    note: i.note ?? null,
  };
  const { code: _code, ...updates } = row;
  return db
    .insertInto('indicator')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet(updates))
    .returningAll()
    .executeTakeFirstOrThrow();
}
