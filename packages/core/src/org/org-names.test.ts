import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { renderMarkdown } from '../reports/render-text.ts';
import { getReport, setReportDetails } from '../reports/reports.ts';
import { namesOn } from './org-name-schemas.ts';
import { deleteOrgName, listOrgNames, orgNamesOn, setOrgName } from './org-names.ts';

let db: Database;
const ctx = (): Ctx => systemCtx(db);
const as = (role: Ctx['actor']['role']): Ctx => ({ ...ctx(), actor: { username: role, role, unitId: null } });
beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(ctx());
});
afterAll(() => db.close());

describe("the organisation's names by date", () => {
  it('names the ministry of its day: before 1 March 2025 and after', async () => {
    const before = await orgNamesOn(ctx(), '2025-02-28');
    expect(before).toMatchObject({
      'issuer.name': 'Bộ Thông tin và Truyền thông',
      'issuer.symbol': 'BTTTT',
      'department.short': 'Sở TT&TT',
    });
    const after = await orgNamesOn(ctx(), '2025-03-01');
    expect(after).toMatchObject({
      'issuer.name': 'Bộ Khoa học và Công nghệ',
      'issuer.symbol': 'BKHCN',
      'department.name': 'Sở Khoa học và Công nghệ',
      'signer.title': 'THỨ TRƯỞNG',
    });
  });

  it('takes the first name for a date before any, and the latest start on or before the date', () => {
    const rows = [
      { key: 'issuer.short' as const, validFrom: '2020-01-01', value: 'A' },
      { key: 'issuer.short' as const, validFrom: '2022-06-15', value: 'B' },
    ];
    expect(namesOn(rows, '2019-05-01')['issuer.short']).toBe('A');
    expect(namesOn(rows, '2022-06-14')['issuer.short']).toBe('A');
    expect(namesOn(rows, '2022-06-15')['issuer.short']).toBe('B');
    expect(namesOn(rows, '2022-06-15')['issuer.name']).toBe('');
  });

  it('prints a 2024 report with the old names and a 2026 one with the new, in every part', async () => {
    const old = renderMarkdown((await getReport(ctx(), { template: 'giao-ban-quy', period: '2024Q3' })).doc);
    expect(old).toContain('**BỘ THÔNG TIN VÀ TRUYỀN THÔNG**');
    expect(old).toContain('/BC-BTTTT');
    expect(old).toContain('với các Sở Thông tin và Truyền thông');
    expect(old).toContain('- Sở TT&TT các tỉnh, thành phố');
    const key = { template: 'giao-ban-quy', period: '2026Q3' };
    const now = renderMarkdown((await getReport(ctx(), key)).doc);
    expect(now).toContain('**BỘ KHOA HỌC VÀ CÔNG NGHỆ**');
    expect(now).toContain('/BC-BKHCN');
    expect(now).toContain('với các Sở Khoa học và Công nghệ');
    expect(now).toContain('- Sở KH&CN các tỉnh, thành phố');
    expect(now).toContain('**THỨ TRƯỞNG**');
    expect(now).not.toMatch(/Thông tin và Truyền thông|TT&TT|BTTTT/);
    // The monthly press brief too: the sector's name in its subject, headings and opening.
    const brief = renderMarkdown(
      (await getReport(ctx(), { template: 'hop-bao-thang', period: '2026M06' })).doc,
    );
    expect(brief).toContain('của ngành Khoa học và Công nghệ tháng 6/2026');
    expect(brief).not.toMatch(/Thông tin và Truyền thông|TT&TT|BTTTT/);
    // The date of issue decides once it is set: a 2024 report issued in 2024 keeps its names.
    await setReportDetails(ctx(), { template: 'giao-ban-quy', period: '2025Q1', issuedOn: '2025-02-20' });
    const q1 = renderMarkdown((await getReport(ctx(), { template: 'giao-ban-quy', period: '2025Q1' })).doc);
    expect(q1).toContain('**BỘ THÔNG TIN VÀ TRUYỀN THÔNG**');
  });

  it('lets an administrator rename from a date on, audited; others may not', async () => {
    await expect(
      setOrgName(as('leader'), { key: 'issuer.short', validFrom: '2027-01-01', value: 'Bộ X' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      setOrgName(as('admin'), { key: 'issuer.short', validFrom: '2027-13-01', value: 'Bộ X' }),
    ).rejects.toMatchObject({ code: 'INVALID_ORG_NAME' });
    await expect(
      setOrgName(as('admin'), { key: 'khong.co', validFrom: '2027-01-01', value: 'Bộ X' }),
    ).rejects.toMatchObject({ code: 'INVALID_ORG_NAME' });
    await setOrgName(as('admin'), { key: 'issuer.short', validFrom: '2027-01-01', value: 'Bộ X' });
    expect((await orgNamesOn(ctx(), '2027-02-01'))['issuer.short']).toBe('Bộ X');
    expect((await orgNamesOn(ctx(), '2026-12-31'))['issuer.short']).toBe('Bộ KH&CN');
    const audit = await db.k.selectFrom('audit_log').selectAll().where('entity', '=', 'org_name').execute();
    expect(audit).toEqual([
      expect.objectContaining({ entity_key: 'issuer.short|2027-01-01', action: 'create', actor: 'admin' }),
    ]);
    await deleteOrgName(as('admin'), { key: 'issuer.short', validFrom: '2027-01-01' });
    expect((await listOrgNames(ctx())).filter((r) => r.key === 'issuer.short')).toHaveLength(2);
    await expect(
      deleteOrgName(as('admin'), { key: 'signer.title', validFrom: '2007-08-01' }),
    ).rejects.toMatchObject({ code: 'LAST_ORG_NAME' });
  });
});
