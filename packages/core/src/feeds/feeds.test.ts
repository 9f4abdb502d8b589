import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicator } from '../compare/compare.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { countValues, getValueHistory } from '../values/values.ts';
import { botnetCounts } from './botnet-counts.ts';
import { importBotnetFeed } from './feeds.ts';
import { incidentCounts, importIncidents } from './incidents.ts';
import { canonicalIPv6, ipv4At, parseCidr } from './ip.ts';
import { loadIpPrefixes } from './prefixes.ts';
import { placeAddresses } from './prefix-index.ts';
import { U32Set } from './u32set.ts';

let db: Database;
let sys: Ctx;

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
  await loadIpPrefixes(sys, {
    filename: 'prefixes.csv',
    data: Buffer.from(
      'prefix,operator,province\n14.160.0.0/11,VNPT,\n14.160.0.0/16,VNPT,P01\n27.64.0.0/12,Viettel,P79\n2001:ee0::/32,VNPT,P48\n',
    ),
  });
});
afterAll(() => db.close());

const feed = (text: string, filename = 'feed.csv') =>
  importBotnetFeed(sys, { source: [Buffer.from(text)], filename });
const botnet = (period: string, unit = 'VN') =>
  compareIndicator(sys, { indicator: 'ATTT.IP_BOTNET', unit, period }).then((c) => c.value);

const AUGUST = [
  'ip,seen_at,source,malware',
  '14.160.1.1,2024-08-01T03:00:00Z,vncert,mirai',
  '14.160.1.1,2024-08-02T03:00:00Z,shadowserver,mirai',
  '14.161.0.9,2024-08-03,shadowserver,',
  '27.70.0.1,2024-08-03,vncert,',
  '2001:0EE0:0000::0001,2024-08-04,vncert,',
  '2001:ee0::1,2024-08-05,shadowserver,',
  '8.8.8.8,2024-08-05,shadowserver,',
  '14.160.1.1,2024-09-01,vncert,',
].join('\n');

describe('botnet feeds', () => {
  it('counts each address once per month, across sources and IPv4/IPv6 spellings', async () => {
    const r = await feed(AUGUST);
    expect(r).toMatchObject({
      observations: 8,
      malformed: 0,
      alreadyImported: false,
      sources: ['shadowserver', 'vncert'],
    });
    expect(r.months).toEqual([
      { period: '2024M08', distinct: 5 },
      { period: '2024M09', distinct: 1 },
    ]);
    expect(await botnet('2024M08')).toBe(5);
    expect(await botnet('2024M09')).toBe(1);
  });

  it('places addresses by their longest prefix: province and operator', async () => {
    expect(await botnet('2024M08', 'P01')).toBe(1);
    // Đà Nẵng's prefix maps to the province formed in 2025: August 2024 gets no value it never had.
    expect(await botnet('2024M08', 'P48')).toBeNull();
    const c = await botnetCounts(sys, { period: '2024M08' });
    expect(c).toEqual({
      period: '2024M08',
      national: 5,
      byProvince: [
        { code: 'P01', count: 1 },
        { code: 'P48', count: 1 },
        { code: 'P79', count: 1 },
      ],
      byOperator: [
        { code: 'VNPT', count: 3 },
        { code: 'Viettel', count: 1 },
      ],
      unmapped: 1,
    });
  });

  it('counts a quarter as distinct addresses over its months, never their sum', async () => {
    expect(await botnet('2024Q3')).toBe(5);
    expect(await botnet('2024')).toBe(5);
  });

  it('changes nothing when the same feed comes again, plain or gzipped', async () => {
    const before = await countValues(sys);
    expect((await feed(AUGUST)).alreadyImported).toBe(true);
    const gz = await importBotnetFeed(sys, {
      source: [gzipSync(Buffer.from(AUGUST))],
      filename: 'feed.csv.gz',
    });
    expect(gz).toMatchObject({ alreadyImported: false, newAddresses: 0, observations: 8 });
    expect(await botnet('2024M08')).toBe(5);
    expect((await countValues(sys)).values).toBe(before.values);
  });

  it('adds a second source’s new addresses to the month', async () => {
    const r = await feed(
      '{"ip":"1.2.3.4","seen_at":"2024-08-20","source":"cert-x"}\n{"ip":"14.160.1.1","seen_at":"2024-08-21","source":"cert-x"}\n',
      'x.ndjson',
    );
    expect(r).toMatchObject({ format: 'ndjson', observations: 2, newAddresses: 1 });
    expect(await botnet('2024M08')).toBe(6);
  });

  it('reports malformed lines by number and imports the rest', async () => {
    const text = [
      'ip,seen_at,source',
      '1.1.1.1,2024-07-01,a',
      '999.1.1.1,2024-07-01,a',
      '1.1.1.2,yesterday,a',
      '1.1.1.3,2024-07-02',
      '1.1.1.4,2024-07-02,a',
      '1.1.1.5,2024-07-02,a',
      '1.1.1.6,2024-07-02,a',
    ].join('\n');
    const r = await feed(text, 'july.csv');
    expect(r.malformed).toBe(3);
    expect(r.malformedLines.map((m) => m.line)).toEqual([3, 4, 5]);
    expect(await botnet('2024M07')).toBe(4);
  });

  it('refuses a feed that is mostly garbage, writing nothing', async () => {
    const before = await countValues(sys);
    const garbage = [
      'ip,seen_at,source',
      'hello',
      'x,y,z',
      '1.1.1.9,2024-06-01,a',
      'not an ip,2024-06-01,a',
    ].join('\n');
    await expect(feed(garbage, 'junk.csv')).rejects.toMatchObject({
      code: 'FEED_REFUSED',
      details: expect.arrayContaining([expect.objectContaining({ row: 2, code: 'MALFORMED_LINE' })]),
    });
    expect(await botnet('2024M06')).toBeNull();
    expect(await countValues(sys)).toEqual(before);
  });

  it('refuses a binary file and a prefix table with errors', async () => {
    await expect(
      importBotnetFeed(sys, { source: [Buffer.from([0, 1, 2, 3, 255, 10, 0])], filename: 'x.bin' }),
    ).rejects.toMatchObject({ code: 'FEED_REFUSED' });
    await expect(
      loadIpPrefixes(sys, {
        filename: 'bad.csv',
        data: Buffer.from('prefix,operator,province\n14.160.0.1/11,VNPT,\n1.0.0.0/8,,P99\n'),
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        expect.objectContaining({ row: 2, field: 'prefix', code: 'INVALID_PREFIX' }),
        expect.objectContaining({ row: 3, field: 'operator' }),
        expect.objectContaining({ row: 3, field: 'province', code: 'UNKNOWN_UNIT' }),
      ],
    });
    expect((await botnetCounts(sys, { period: '2024M08' })).byOperator).toHaveLength(2);
  });

  it('moves province figures when a new prefix table places addresses elsewhere', async () => {
    expect(await botnet('2024Q3', 'P01')).toBe(1);
    const moved = await loadIpPrefixes(sys, {
      filename: 'prefixes-2.csv',
      data: Buffer.from('prefix,operator,province\n14.160.0.0/11,VNPT,P04\n'),
    });
    // Hà Nội's values for August, September, the quarter and the year go; Cao Bằng gets the addresses.
    expect(moved).toMatchObject({ prefixes: 1, valuesRemoved: 4 });
    for (const period of ['2024M08', '2024M09', '2024Q3', '2024'])
      expect(await botnet(period, 'P01')).toBeNull();
    expect(await botnet('2024M08', 'P04')).toBe(2); // 14.160.1.1 and 14.161.0.9
    expect(await botnet('2024M09', 'P04')).toBe(1);
    expect(await botnet('2024Q3', 'P04')).toBe(2);
    expect(await botnet('2024M08')).toBe(6); // the national count does not depend on the table
    const history = await getValueHistory(sys, {
      indicator: 'ATTT.IP_BOTNET',
      unit: 'P01',
      period: '2024M08',
    });
    expect(history[0]).toMatchObject({ old_value: '1', new_value: null });
    expect(history[0]!.reason).toMatch(/prefixes-2\.csv/);
  });
});

describe('incidents', () => {
  const CSV =
    'ref,date,type,sector,province,status\nA1,2024-08-02,phishing,banking,P01,resolved\nA2,2024-08-10,mã độc,energy,,open\nA3,2024-07-30,defacement,government,P48,resolved\n';
  it('imports records and writes the monthly count', async () => {
    expect(await importIncidents(sys, { data: Buffer.from(CSV), filename: 'inc.csv' })).toMatchObject({
      records: 3,
    });
    expect(await incidentCounts(sys, { period: '2024M08' })).toEqual({
      period: '2024M08',
      total: 2,
      byType: { phishing: 1, defacement: 0, malware: 1, other: 0 },
    });
    expect(
      (await compareIndicator(sys, { indicator: 'ATTT.TAN_CONG_MANG', unit: 'VN', period: '2024M08' })).value,
    ).toBe(2);
  });

  it('updates rather than duplicates on re-import, and refuses bad rows', async () => {
    await importIncidents(sys, { data: Buffer.from(CSV), filename: 'inc.csv' });
    expect((await incidentCounts(sys, { period: '2024M08' })).total).toBe(2);
    await expect(
      importIncidents(sys, {
        data: Buffer.from('ref,date,type\nB1,2024-13-01,phishing\nB2,2024-08-01,ddos\n'),
        filename: 'bad.csv',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        expect.objectContaining({ row: 2, field: 'date' }),
        expect.objectContaining({ row: 3, field: 'type', code: 'UNKNOWN_TYPE' }),
      ],
    });
  });
});

describe('addresses', () => {
  it('reads IPv4 addresses exactly, refusing near misses', () => {
    const v4 = (t: string) => ipv4At(Buffer.from(t), 0, t.length);
    expect(v4('0.0.0.0')).toBe(0);
    expect(v4('255.255.255.255')).toBe(4294967295);
    expect(v4('14.160.1.1')).toBe(((14 * 256 + 160) * 256 + 1) * 256 + 1);
    expect(v4('1.22.133.4')).toBe(((1 * 256 + 22) * 256 + 133) * 256 + 4);
    for (const bad of [
      '256.1.1.1',
      '1.2.3.256',
      '1.2.3',
      '1.2.3.4.5',
      '01.2.3.4',
      '1.2.3.04',
      '1..3.4',
      '1.2.3.4 ',
      ' 1.2.3.4',
      '1.2.3.1000',
      '1.2.3.',
      '.1.2.3',
      '',
      'a.b.c.d',
      '1.2.3.4x',
      '1234.1.1.1',
    ])
      expect(v4(bad), bad).toBe(-1);
  });

  it('writes IPv6 canonically and checks prefixes', () => {
    expect(canonicalIPv6('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(canonicalIPv6('::ffff:1.2.3.4')).toBe('::ffff:102:304');
    expect(canonicalIPv6('1.2.3.4')).toBeNull();
    expect(parseCidr('10.0.0.0/8')).toEqual({ cidr: '10.0.0.0/8' });
    expect(parseCidr('10.0.0.1/8')).toHaveProperty('error');
  });
  it('places each address by its most specific prefix, however nested', () => {
    const rows = [
      '10.0.0.0/8',
      '10.1.0.0/16',
      '10.1.2.0/24',
      '10.2.0.0/16',
      '11.0.0.0/8',
      '2001:db8::/32',
      '2001:db8:1::/48',
    ].map((cidr, i) => ({ cidr, operator: `op${i}`, province_code: null }));
    const ip = (s: string) => s.split('.').reduce((a, x) => a * 256 + Number(x), 0);
    const v4 = Uint32Array.from(
      [
        '9.9.9.9',
        '10.0.0.1',
        '10.1.1.1',
        '10.1.2.3',
        '10.1.3.0',
        '10.2.0.0',
        '10.3.0.0',
        '11.255.255.255',
        '12.0.0.0',
      ].map(ip),
    );
    const r = placeAddresses(rows, v4, ['2001:db8::1', '2001:db8:1::5', '2002::1']);
    expect(r.perRow).toEqual([2, 2, 1, 1, 1, 1, 1]);
    expect(r.unmapped).toBe(3);
  });

  it('keeps a set of millions of numbers exactly', () => {
    const s = new U32Set(4);
    for (let i = 0; i < 300_000; i++) s.add((i * 2654435761) >>> 0);
    for (let i = 0; i < 300_000; i++) s.add((i * 2654435761) >>> 0);
    s.add(0);
    expect(s.size).toBe(300_000);
    expect([...s.values()].length).toBe(300_000);
  });
});
