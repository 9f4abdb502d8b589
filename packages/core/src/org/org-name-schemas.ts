/**
 * The organisation's names and titles as documents print them, each valid from a date (Node-free:
 * the web app reads the same shapes and labels). The merger of 1 March 2025 is the reason: the
 * Ministry of Information and Communications became part of the Ministry of Science and
 * Technology, and the provincial departments followed, so a document's names depend on its date.
 */
import { z } from 'zod';

export const ORG_NAME_KEYS = [
  'issuer.name',
  'issuer.short',
  'issuer.symbol',
  'department.name',
  'department.short',
  'sector.name',
  'sector.short',
  'signer.authority',
  'signer.title',
] as const;
export const OrgNameKey = z.enum(ORG_NAME_KEYS);
export type OrgNameKey = z.infer<typeof OrgNameKey>;

/** One name from a date on (until the next row of the same key). */
export const OrgName = z.object({
  key: OrgNameKey,
  validFrom: z.iso.date(),
  value: z.string().trim().min(1).max(300),
});
export type OrgName = z.infer<typeof OrgName>;

/** Every name as of one date (every key present). */
export const OrgNames = z.record(OrgNameKey, z.string());
export type OrgNames = z.infer<typeof OrgNames>;

/** What each name is, for the administrator's table and the template placeholders. */
export const ORG_NAME_LABELS: Record<OrgNameKey, { vi: string; en: string; placeholder: string | null }> = {
  'issuer.name': { vi: 'Tên cơ quan ban hành', en: 'Issuing body', placeholder: 'issuer' },
  'issuer.short': { vi: 'Tên viết tắt của cơ quan', en: 'Issuing body, short', placeholder: 'issuerShort' },
  'issuer.symbol': {
    vi: 'Chữ viết tắt trong số, ký hiệu văn bản',
    en: 'Symbol in document numbers',
    placeholder: null,
  },
  'department.name': { vi: 'Tên sở ở địa phương', en: 'Provincial department', placeholder: 'department' },
  'department.short': {
    vi: 'Tên sở viết tắt',
    en: 'Provincial department, short',
    placeholder: 'departmentShort',
  },
  'sector.name': { vi: 'Tên ngành', en: 'Sector', placeholder: 'sector' },
  'sector.short': { vi: 'Tên ngành viết tắt', en: 'Sector, short', placeholder: 'sectorShort' },
  'signer.authority': { vi: 'Thẩm quyền ký', en: 'Signing authority', placeholder: null },
  'signer.title': { vi: 'Chức vụ người ký', en: 'Signatory title', placeholder: null },
};

/**
 * The names in force on a date (ISO): per key, the row with the latest start on or before it. A
 * date before a key's first row takes that first row (history before it was not recorded).
 */
export function namesOn(rows: readonly OrgName[], date: string): OrgNames {
  const out: Record<string, string> = {};
  for (const key of ORG_NAME_KEYS) {
    const mine = rows.filter((r) => r.key === key).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    const row = mine.filter((r) => r.validFrom <= date).at(-1) ?? mine[0];
    out[key] = row?.value ?? '';
  }
  return OrgNames.parse(out);
}
