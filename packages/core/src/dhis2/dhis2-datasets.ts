import type { Dhis2DataSet, Dhis2Names } from './dhis2-mapping.ts';
import type { IdScheme } from './dhis2-schemas.ts';

/**
 * Finds a data set by its identifier in `scheme` (with `codeFallback`, a UID not found is tried as
 * a code, as DHIS2's `inputUseCodeFallback`).
 */
export function dataSetLookup(
  names: Dhis2Names,
  scheme: IdScheme,
  codeFallback: boolean,
): (id: string) => Dhis2DataSet | undefined {
  const by = (key: (ds: Dhis2DataSet) => string) => new Map(names.dataSets.map((ds) => [key(ds), ds]));
  const uid = by((ds) => names.ours.dataset.get(ds.code)!.uid);
  const code = by((ds) => names.ours.dataset.get(ds.code)!.dhis2Code);
  const name = by((ds) => ds.name);
  return (id) => {
    const k = id.trim();
    if (scheme === 'CODE') return code.get(k);
    if (scheme === 'NAME') return name.get(k);
    return uid.get(k) ?? (codeFallback ? code.get(k) : undefined);
  };
}
