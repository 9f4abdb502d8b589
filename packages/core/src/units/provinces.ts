import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { coreFile } from '../files.ts';
import type { UnitInput } from '../schemas.ts';

/** The day the 34 provinces replaced the 63 (Resolution 202/2025/QH15). */
export const MERGER_DATE = '2025-07-01';
const LAST_DAY_BEFORE = '2025-06-30';

interface Row {
  new_code: string;
  new_name: string;
  type: string;
  'old_codes(QĐ124/2004)': string;
  old_names: string;
  status: 'merged' | 'unchanged';
}

/**
 * Province codes: `P` + the statistical code. A province that ended on 30 June 2025 keeps its old
 * code with the suffix `_CU` ("cũ"), because several new provinces reuse an old one's number.
 */
export const provinceCode = (code: string, ended = false) => `P${code}${ended ? '_CU' : ''}`;

/** Units and successions for the 34 provinces in force since 1 July 2025 and the 63 before. */
export function provinceUnits(parentCode = 'VN'): {
  units: UnitInput[];
  successions: { predecessor: string; successor: string; effective: string }[];
} {
  const rows: Row[] = parse(readFileSync(coreFile('data/provinces-2025.csv')), {
    columns: true,
    trim: true,
  });
  const units: UnitInput[] = [];
  const successions: { predecessor: string; successor: string; effective: string }[] = [];
  for (const r of rows) {
    const label = (name: string, type: string) =>
      type === 'thành phố' ? `Thành phố ${name}` : `Tỉnh ${name}`;
    if (r.status === 'unchanged') {
      units.push({
        code: provinceCode(r.new_code),
        nameVi: label(r.new_name, r.type),
        kind: 'province',
        parentCode,
      });
      continue;
    }
    units.push({
      code: provinceCode(r.new_code),
      nameVi: label(r.new_name, r.type),
      kind: 'province',
      parentCode,
      validFrom: MERGER_DATE,
    });
    const oldCodes = r['old_codes(QĐ124/2004)'].split('|');
    const oldNames = r.old_names.split('|');
    oldCodes.forEach((code, i) => {
      const name = oldNames[i]!;
      units.push({
        code: provinceCode(code, true),
        nameVi:
          r.type === 'thành phố' && (name === r.new_name || name.startsWith('TP '))
            ? `Thành phố ${name.replace(/^TP /, '')}`
            : `Tỉnh ${name}`,
        kind: 'province',
        parentCode,
        validTo: LAST_DAY_BEFORE,
      });
      successions.push({
        predecessor: provinceCode(code, true),
        successor: provinceCode(r.new_code),
        effective: MERGER_DATE,
      });
    });
  }
  return { units, successions };
}
