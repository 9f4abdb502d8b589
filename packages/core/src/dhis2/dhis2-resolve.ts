import { BaocaoError } from '../errors.ts';
import { DEFAULT_COMBO } from './dhis2-ids.ts';
import type { Dhis2Names } from './dhis2-mapping.ts';
import { IdScheme } from './dhis2-schemas.ts';

/** Reads an id scheme parameter; `ATTRIBUTE:…` and anything unknown are refused by name. */
export function idScheme(value: string | undefined, fallback: IdScheme = 'UID'): IdScheme {
  if (value === undefined || value.trim() === '') return fallback;
  const r = IdScheme.safeParse(value);
  if (r.success) return r.data;
  throw new BaocaoError(
    'ID_SCHEME_NOT_SUPPORTED',
    `Cách định danh "${value}" không được hỗ trợ; dùng UID, CODE hoặc NAME (baocao không lưu thuộc tính – ATTRIBUTE)`,
    `Id scheme "${value}" is not supported; use UID, CODE or NAME (baocao keeps no attributes for ATTRIBUTE:…)`,
  );
}

/** Identifiers of indicators and units both ways, in the chosen schemes. */
export interface Dhis2Resolver {
  /** A DHIS2 identifier → our indicator code. */
  indicator(id: string): string | undefined;
  /** A DHIS2 identifier → our unit code. */
  unit(id: string): string | undefined;
  /** Our indicator code → its DHIS2 identifier. */
  indicatorId(code: string): string;
  /** Our unit code → its DHIS2 identifier. */
  unitId(code: string): string;
  /** The default category option combo, as the scheme writes it. */
  defaultCombo: string;
}

/** Resolves identifiers in `schemes` (data elements and org units apart, as DHIS2 allows). */
export function dhis2Resolver(
  names: Dhis2Names,
  schemes: { dataElement: IdScheme; orgUnit: IdScheme },
): Dhis2Resolver {
  const name = (vi: string, en: string | null | undefined) => [vi, ...(en ? [en] : [])];
  const idOf = (scheme: IdScheme, id: { uid: string; dhis2Code: string }, nameVi: string) =>
    scheme === 'UID' ? id.uid : scheme === 'CODE' ? id.dhis2Code : nameVi;
  const inbound = (
    kind: 'indicator' | 'unit',
    scheme: IdScheme,
    items: { code: string; nameVi: string; nameEn?: string | null }[],
  ) => {
    const m = new Map<string, string>();
    for (const it of items) {
      const id = names.ours[kind].get(it.code)!;
      const keys =
        scheme === 'UID' ? [id.uid] : scheme === 'CODE' ? [id.dhis2Code] : name(it.nameVi, it.nameEn);
      for (const k of keys) m.set(k, it.code);
    }
    return m;
  };
  const inds = inbound('indicator', schemes.dataElement, names.indicators);
  const units = inbound('unit', schemes.orgUnit, names.units);
  const indName = new Map(names.indicators.map((i) => [i.code, i.nameVi]));
  const unitName = new Map(names.units.map((u) => [u.code, u.nameVi]));
  return {
    indicator: (id) => inds.get(id.trim()),
    unit: (id) => units.get(id.trim()),
    indicatorId: (code) =>
      idOf(schemes.dataElement, names.ours.indicator.get(code)!, indName.get(code) ?? code),
    unitId: (code) => idOf(schemes.orgUnit, names.ours.unit.get(code)!, unitName.get(code) ?? code),
    defaultCombo: schemes.dataElement === 'UID' ? DEFAULT_COMBO.uid : DEFAULT_COMBO.code,
  };
}

/** Whether a category (or attribute) option combo is the default one, in any scheme, or absent. */
export const isDefaultCombo = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  v === DEFAULT_COMBO.uid ||
  v === DEFAULT_COMBO.code ||
  v === DEFAULT_COMBO.name;
