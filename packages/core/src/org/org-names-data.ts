import type { OrgName } from './org-name-schemas.ts';

/** The day the Ministry of Information and Communications merged into the Ministry of Science and Technology. */
export const MERGER_2025 = '2025-03-01';
// The Ministry of Information and Communications was formed in August 2007 (Resolution
// 01/2007/QH12); baocao's figures start long after, so its names are recorded from then.
const MIC = '2007-08-01';

/** The names seeded in a fresh store: before and after the merger of 1 March 2025. */
export const SEED_ORG_NAMES: OrgName[] = [
  { key: 'issuer.name', validFrom: MIC, value: 'Bộ Thông tin và Truyền thông' },
  { key: 'issuer.name', validFrom: MERGER_2025, value: 'Bộ Khoa học và Công nghệ' },
  { key: 'issuer.short', validFrom: MIC, value: 'Bộ TT&TT' },
  { key: 'issuer.short', validFrom: MERGER_2025, value: 'Bộ KH&CN' },
  { key: 'issuer.symbol', validFrom: MIC, value: 'BTTTT' },
  { key: 'issuer.symbol', validFrom: MERGER_2025, value: 'BKHCN' },
  { key: 'department.name', validFrom: MIC, value: 'Sở Thông tin và Truyền thông' },
  { key: 'department.name', validFrom: MERGER_2025, value: 'Sở Khoa học và Công nghệ' },
  { key: 'department.short', validFrom: MIC, value: 'Sở TT&TT' },
  { key: 'department.short', validFrom: MERGER_2025, value: 'Sở KH&CN' },
  { key: 'sector.name', validFrom: MIC, value: 'ngành Thông tin và Truyền thông' },
  { key: 'sector.name', validFrom: MERGER_2025, value: 'ngành Khoa học và Công nghệ' },
  { key: 'sector.short', validFrom: MIC, value: 'ngành TT&TT' },
  { key: 'sector.short', validFrom: MERGER_2025, value: 'ngành KH&CN' },
  { key: 'signer.authority', validFrom: MIC, value: 'KT. BỘ TRƯỞNG' },
  { key: 'signer.title', validFrom: MIC, value: 'THỨ TRƯỞNG' },
];
