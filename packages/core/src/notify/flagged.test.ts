import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { type Ctx, systemCtx } from '../context.ts';
import { initStore } from '../demo/init.ts';
import { getForm, importFormFile, saveForm } from '../forms/forms.ts';
import { importValues } from '../imports/imports.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { type TestDatabase, createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { writeKeyedValues } from '../values/keyed-write.ts';
import { createMailer, runQueue } from './deliver.ts';
import { listNotifications, setNotifyPreferences } from './inbox.ts';
import { selectJobs } from './notify.queries.ts';
import { type NotifySettings, notifySettings } from './settings.ts';
import { type SmtpInbox, addPerson, startSmtpInbox } from './smtp-inbox.ts';

/**
 * "A value flagged for explanation": the unit's reporters are told when a value they must explain
 * was written by someone else (an officer, a file import, DHIS2) or marked for follow-up — once per
 * form and value, in their language, with the link to the form; not when they typed it themselves.
 */
let db: TestDatabase;
let sys: Ctx;
let inbox: SmtpInbox;
let settings: NotifySettings;
let officer: Ctx;
let reporter: Ctx;
let colleague: Ctx;
const URL_BASE = 'https://baocao.example.vn';
const AUG = { unit: 'P48', period: '2025M08' };
const MOBILE = 'VT.THUE_BAO_DI_DONG';
const csv = (lines: string[]) => Buffer.from(['indicator,unit,period,value,status', ...lines].join('\n'));

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
  inbox = await startSmtpInbox();
  settings = notifySettings(loadConfig({}), { smtpUrl: inbox.url, publicUrl: URL_BASE });
  const graph = await loadUnitGraph(db.k);
  const p48 = graph.byCode.get('P48')!.id;
  officer = { ...sys, actor: { username: 'tonghop', role: 'officer', unitId: null } };
  reporter = { ...sys, actor: { username: 'nhap-danang', role: 'reporter', unitId: p48 } };
  colleague = { ...sys, actor: { username: 'reporter-danang', role: 'reporter', unitId: p48 } };
  await addPerson(db.k, { username: 'nhap-danang', role: 'reporter', unit: 'P48' });
  await addPerson(db.k, { username: 'reporter-danang', role: 'reporter', unit: 'P48', language: 'en' });
  await addPerson(db.k, { username: 'nhap-hanoi', role: 'reporter', unit: 'P01' });
  await addPerson(db.k, { username: 'nhap-hcm', role: 'reporter', unit: 'P79' });
  await addPerson(db.k, { username: 'nhap-hcm-2', role: 'reporter', unit: 'P79' });
  await addPerson(db.k, { username: 'tonghop', role: 'officer' });
  await openReportingPeriod(officer, { period: AUG.period });
  // July's 3 million subscriptions: 1.5 million in August is a fall the warning rule questions.
  await importValues(sys, {
    data: csv([
      `${MOBILE},P48,2025M07,3000000,official`,
      `${MOBILE},P01,2025M07,9000000,official`,
      `${MOBILE},P79,2025M07,12000000,official`,
    ]),
    filename: 'm7.csv',
  });
}, 180_000);
afterAll(async () => {
  await inbox.close();
  await db.close();
});

const deliver = () => runQueue(db.k, { settings, mailer: createMailer(inbox.url) });
const mailsTo = (user: string) =>
  inbox.received.filter((m) => m.to === `${user}@example.vn` && m.kind === 'flagged');
const flaggedJobs = async () => (await selectJobs(db.k, 'flagged:')).length;

describe('a value flagged for explanation reaches the unit’s reporters', () => {
  it('nothing when the reporter types the value in the form: they see its flag there', async () => {
    const form = await saveForm(reporter, { ...AUG, values: [{ indicator: MOBILE, value: 1_500_000 }] });
    expect(form.rows.find((r) => r.indicator === MOBILE)!.flags).toMatchObject([{ severity: 'warning' }]);
    expect(await flaggedJobs()).toBe(0);
  });

  it('an officer’s value with a warning: each reporter is told, in their language, with the why and the link', async () => {
    await saveForm(officer, { ...AUG, values: [{ indicator: MOBILE, value: 1_400_000 }] });
    expect(await deliver()).toMatchObject({ sent: 4, failed: 0 });
    const warning = (await getForm(officer, AUG)).rows.find((r) => r.indicator === MOBILE)!.flags[0]!;
    const [vi] = mailsTo('nhap-danang');
    expect(vi!.subject).toMatch(/^Số liệu cần giải trình: .+, tháng 8\/2025$/);
    expect(vi!.text).toContain(`(${MOBILE}) = 1.400.000`);
    expect(vi!.text).toContain(`Lý do: ${warning.vi}`);
    expect(vi!.text).toContain('Ghi bởi: tonghop.');
    expect(vi!.text).toContain(`${URL_BASE}/forms/P48/2025M08`);
    const [en] = mailsTo('reporter-danang');
    expect(en!.subject).toMatch(/^A value to explain: .+, August 2025$/);
    expect(en!.text).toContain(`(${MOBILE}) = 1,400,000`);
    expect(en!.text).toContain(`Why: ${warning.en}`);
    // In the app too, linking to the form; another province's reporter hears nothing.
    const list = await listNotifications(reporter);
    expect(list.items.filter((i) => i.kind === 'flagged')).toMatchObject([
      { link: '/forms/P48/2025M08', read: false },
    ]);
    expect(mailsTo('nhap-hanoi')).toEqual([]);
  });

  it('once per form and value: saving again, or another value of the same cell, tells nobody twice', async () => {
    await saveForm(officer, { ...AUG, values: [{ indicator: MOBILE, value: 1_400_000 }] });
    await saveForm(officer, { ...AUG, values: [{ indicator: MOBILE, value: 1_300_000 }] });
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(mailsTo('nhap-danang')).toHaveLength(1);
  });

  it('a value explained needs nothing from the reporters; the same value unexplained does', async () => {
    const hanoi = { unit: 'P01', period: AUG.period };
    const fall = { indicator: MOBILE, value: 4_000_000 };
    const why = 'Thu hồi thuê bao SIM rác theo đợt rà soát';
    await saveForm(officer, { ...hanoi, values: [{ ...fall, explanation: why }] });
    expect(await selectJobs(db.k, 'flagged:P01/')).toHaveLength(0);
    await saveForm(officer, { ...hanoi, values: [fall] });
    expect(await selectJobs(db.k, 'flagged:P01/')).toHaveLength(2);
  });

  it('a file a colleague imports: the other reporter is told, the importer (who sees the form) is not', async () => {
    const hcm: Ctx = { ...sys, actor: { username: 'nhap-hcm', role: 'reporter', unitId: null } };
    hcm.actor.unitId = (await loadUnitGraph(db.k)).byCode.get('P79')!.id;
    const file = Buffer.from(['indicator,unit,period,value', `${MOBILE},P79,2025M08,5000000`].join('\n'));
    const form = await importFormFile(hcm, {
      unit: 'P79',
      period: AUG.period,
      data: file,
      filename: 'bieu-t8.csv',
    });
    expect(form.rows.find((r) => r.indicator === MOBILE)!.flags).toMatchObject([{ severity: 'warning' }]);
    await deliver();
    const [told] = mailsTo('nhap-hcm-2');
    expect(told!.text).toContain('Ghi bởi: nhap-hcm, nhập từ tệp bieu-t8.csv.');
    expect(told!.text).toContain(`${URL_BASE}/forms/P79/2025M08`);
    expect(mailsTo('nhap-hcm')).toEqual([]);
  });

  it('DHIS2: a warning on a value written and an officer’s follow-up mark; muted by one who turned it off', async () => {
    await setNotifyPreferences(colleague, { muted: ['flagged'] });
    const dryRun = await writeKeyedValues(officer, {
      rows: [
        { row: 1, indicator: MOBILE, unit: 'P48', period: '2025M09', value: 3_000_000, status: 'official' },
      ],
      strategy: 'CREATE_AND_UPDATE',
      dryRun: true,
      source: 'dhis2',
    });
    expect(dryRun.imported).toBe(1);
    const before = await flaggedJobs();
    await writeKeyedValues(officer, {
      rows: [
        { row: 1, indicator: MOBILE, unit: 'P48', period: '2025M09', value: 3_000_000, status: 'official' },
        { row: 2, indicator: MOBILE, unit: 'P48', period: '2025M10', value: 1_000_000, status: 'official' },
        {
          row: 3,
          indicator: 'VT.THUE_BAO_BRDD',
          unit: 'P48',
          period: '2025M10',
          value: 790_000,
          status: 'official',
          followUp: true,
        },
        { row: 3, indicator: MOBILE, unit: 'P01', period: '2025M10', value: 7_000_000, status: 'official' },
      ],
      strategy: 'CREATE_AND_UPDATE',
      dryRun: false,
      source: 'dhis2',
    });
    // September is not questioned; October's fall is; the follow-up mark is; Hà Nội's October has no September to fall from.
    expect(await flaggedJobs()).toBe(before + 2 * 2);
    await deliver();
    const october = mailsTo('nhap-danang').filter((m) => m.subject.endsWith('tháng 10/2025'));
    expect(october.map((m) => /\((VT\.[A-Z_]+)\)/.exec(m.text)?.[1]).sort()).toEqual([
      'VT.THUE_BAO_BRDD',
      MOBILE,
    ]);
    const mark = october.find((m) => m.text.includes('VT.THUE_BAO_BRDD'))!;
    expect(mark.text).toContain('Lý do: cán bộ tổng hợp đánh dấu giá trị này cần xem lại');
    expect(mark.text).toContain('Ghi bởi: tonghop, qua DHIS2.');
    expect(mailsTo('reporter-danang').filter((m) => m.subject.includes('October'))).toEqual([]);
    expect(mailsTo('nhap-hanoi').filter((m) => m.subject.endsWith('tháng 10/2025'))).toEqual([]);
  });
});
