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

/** What an incoming identifier names: one of ours, several (a name shared), or nothing. */
export type Resolved = { code: string } | { ambiguous: string[] } | null;

/** Identifiers of indicators and units both ways, in the chosen schemes. */
export interface Dhis2Resolver {
  /** A DHIS2 identifier → our indicator code (or the candidates when a name is shared). */
  indicator(id: string): Resolved;
  /** A DHIS2 identifier → our unit code (or the candidates when a name is shared). */
  unit(id: string): Resolved;
  /** Our indicator code → its DHIS2 identifier. */
  indicatorId(code: string): string;
  /** Our unit code → its DHIS2 identifier. */
  unitId(code: string): string;
  /** The default category option combo, as the scheme writes it. */
  defaultCombo: string;
}

/**
 * Resolves identifiers: incoming ones in `input` schemes, outgoing ones in `output` schemes (DHIS2's
 * `inputIdScheme` and `idScheme`; by default the same). Names are not unique (a merged province
 * keeps its name under a new code): a name held by several is answered with all of them.
 */
export function dhis2Resolver(
  names: Dhis2Names,
  input: { dataElement: IdScheme; orgUnit: IdScheme },
  output: { dataElement: IdScheme; orgUnit: IdScheme } = input,
): Dhis2Resolver {
  const name = (vi: string, en: string | null | undefined) => [vi, ...(en && en !== vi ? [en] : [])];
  const idOf = (scheme: IdScheme, id: { uid: string; dhis2Code: string }, nameVi: string) =>
    scheme === 'UID' ? id.uid : scheme === 'CODE' ? id.dhis2Code : nameVi;
  const inbound = (
    kind: 'indicator' | 'unit',
    scheme: IdScheme,
    items: { code: string; nameVi: string; nameEn?: string | null }[],
  ) => {
    const m = new Map<string, string[]>();
    for (const it of items) {
      const id = names.ours[kind].get(it.code)!;
      const keys =
        scheme === 'UID' ? [id.uid] : scheme === 'CODE' ? [id.dhis2Code] : name(it.nameVi, it.nameEn);
      for (const k of keys) m.set(k, [...(m.get(k) ?? []), it.code]);
    }
    return (id: string): Resolved => {
      const found = m.get(id.trim());
      if (!found) return null;
      return found.length === 1 ? { code: found[0]! } : { ambiguous: found };
    };
  };
  const indName = new Map(names.indicators.map((i) => [i.code, i.nameVi]));
  const unitName = new Map(names.units.map((u) => [u.code, u.nameVi]));
  return {
    indicator: inbound('indicator', input.dataElement, names.indicators),
    unit: inbound('unit', input.orgUnit, names.units),
    indicatorId: (code) =>
      idOf(output.dataElement, names.ours.indicator.get(code)!, indName.get(code) ?? code),
    unitId: (code) => idOf(output.orgUnit, names.ours.unit.get(code)!, unitName.get(code) ?? code),
    defaultCombo: output.dataElement === 'UID' ? DEFAULT_COMBO.uid : DEFAULT_COMBO.code,
  };
}

/** Our code, or a refusal that names what was not found or every candidate of a shared name. */
export function resolvedCode(r: Resolved, what: { vi: string; en: string }, id: string): string {
  if (r && 'code' in r) return r.code;
  if (r)
    throw new BaocaoError(
      'AMBIGUOUS_NAME',
      `Tên ${what.vi} "${id}" thuộc về ${r.ambiguous.length} đối tượng (${r.ambiguous.join(', ')}); dùng UID hoặc mã`,
      `The ${what.en} name "${id}" belongs to ${r.ambiguous.length} objects (${r.ambiguous.join(', ')}); use the UID or code`,
      { status: 409 },
    );
  throw new BaocaoError('UNKNOWN_CODE', `Không có ${what.vi} "${id}"`, `No ${what.en} "${id}"`, {
    status: 404,
  });
}

/** Whether a category (or attribute) option combo is the default one, in any scheme, or absent. */
export const isDefaultCombo = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  v === DEFAULT_COMBO.uid ||
  v === DEFAULT_COMBO.code ||
  v === DEFAULT_COMBO.name;
