import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUsers } from '../accounts/accounts.ts';
import { writeBackup } from '../backup/backup.ts';
import { saveIndicators } from '../catalog/indicators.ts';
import { type Ctx, ROLES, type Role, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { loadDemo } from '../demo/demo.ts';
import { setDhis2Ids } from '../dhis2/dhis2-mapping.ts';
import { saveForm } from '../forms/forms.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { approveForm } from '../forms/review.ts';
import { exportValues } from '../imports/export.ts';
import { setPlanTargets } from '../plans/plans.ts';
import { createRegistryItems } from '../registries/registries.ts';
import { releasePeriod } from '../releases/release-period.ts';
import { getReport, publishReport, setReportSection } from '../reports/reports.ts';
import { createTestDatabase } from '../testing.ts';
import { createUnits } from '../units/units.ts';
import { lockPeriod } from '../values/locks.ts';
import { getValueHistory, submitValues } from '../values/values.ts';
import { ACTIONS, type Action, abilitiesOf, can, entersForOthers } from './policy.ts';

let db: Database;
const dir = mkdtempSync(join(tmpdir(), 'baocao-policy-'));
const as = (role: Role): Ctx => ({
  ...systemCtx(db),
  actor: { username: `nguoi-${role}`, role, unitId: null },
});

/**
 * One real core call per action, asking for that permission first. What happens after the check
 * (success, or another refusal) does not matter here: only whether the answer is FORBIDDEN.
 */
const PROBES: Record<Action, (ctx: Ctx, n: number) => Promise<unknown>> = {
  'catalog.write': (ctx) =>
    saveIndicators(ctx, [
      {
        code: '',
        nameVi: '',
        nameEn: '',
        unitVi: '',
        precision: 0,
        kind: 'flow',
        acrossUnits: 'sum',
        domain: '',
      },
    ]),
  'unit.write': (ctx) => createUnits(ctx, [{ code: '', nameVi: '', kind: 'other' }]),
  'plan.write': (ctx) => setPlanTargets(ctx, [{ indicator: 'KHONG.CO', unit: 'VN', year: 2025, value: 1 }]),
  'period.open': (ctx) => openReportingPeriod(ctx, { period: '2019M01' }),
  'period.lock': (ctx, n) => lockPeriod(ctx, { period: `20${10 + n}M01`, reason: 'thử quyền' }),
  'value.read': (ctx) => exportValues(ctx, { format: 'json', period: '2019M01' }),
  'value.write': (ctx) => submitValues(ctx, { rows: [] }),
  'audit.read': (ctx) => getValueHistory(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: '2024M08' }),
  'registry.write': (ctx) => createRegistryItems(ctx, []),
  'report.read': (ctx) => getReport(ctx, { template: 'hop-bao-thang', period: '2025M09' }),
  'report.write': (ctx) =>
    setReportSection(ctx, { template: 'hop-bao-thang', period: '2025M09', section: 'khong-co', text: 'x' }),
  'report.publish': (ctx) => publishReport(ctx, { template: 'hop-bao-thang', period: '2025M09' }),
  'form.write': (ctx) => saveForm(ctx, { unit: 'P01', period: '2025M09', values: [] }),
  'form.review': (ctx) => approveForm(ctx, { unit: 'P01', period: '2025M09' }),
  'data.release': (ctx, n) => releasePeriod(ctx, { period: `20${10 + n}M02` }),
  'user.manage': (ctx) => listUsers(ctx),
  'store.backup': (ctx, n) => writeBackup(ctx, join(dir, `${n}.gz`)),
  'interop.manage': (ctx) => setDhis2Ids(ctx, []),
};

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(systemCtx(db));
  await openReportingPeriod(systemCtx(db), { period: '2025M09' });
}, 180_000);
afterAll(() => db.close());

describe('the policy: one module, every role × action exercised', () => {
  it.each(ROLES)(
    '%s is refused exactly what the policy denies, by core itself',
    async (role) => {
      const outcome: Record<string, boolean> = {};
      for (const [n, action] of ACTIONS.entries()) {
        const code = await PROBES[action](as(role), n + ROLES.indexOf(role) * 20).then(
          () => 'OK',
          (e: { code?: string }) => e.code ?? 'ERROR',
        );
        outcome[action] = code !== 'FORBIDDEN';
      }
      expect(outcome).toEqual(abilitiesOf(role));
    },
    60_000,
  );

  it('gives the browser the same answers (abilities) and leaders no editing', () => {
    expect(abilitiesOf('leader')).toMatchObject({
      'report.write': false,
      'report.publish': true,
      'value.write': false,
    });
    expect(Object.keys(abilitiesOf('public'))).toEqual([...ACTIONS]);
    expect(ACTIONS.filter((a) => can('admin', a))).toEqual([...ACTIONS]);
  });

  it("tells values a unit's own reporter enters from values entered for the unit by others", () => {
    expect(entersForOthers('reporter', 7, 7)).toBe(false);
    expect(entersForOthers('reporter', 1, 7)).toBe(true); // a parent unit's reporter
    expect(entersForOthers('officer', null, 7)).toBe(true);
    expect(entersForOthers('admin', 7, 7)).toBe(true); // an administrator bound to the unit
  });

  it('the store’s role constraint allows exactly the roles of the one list', async () => {
    const r = await sql<{ def: string }>`
      select pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.conrelid = 'app_user'::regclass and c.contype = 'c' and pg_get_constraintdef(c.oid) like '%role%'`.execute(
      db.k,
    );
    const allowed = [...r.rows[0]!.def.matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
    expect(allowed.sort()).toEqual([...ROLES].sort());
  });
});
