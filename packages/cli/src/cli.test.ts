import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_MS, STARTS_WITHIN_MS } from './test-limits.ts';

const BIN = fileURLToPath(new URL('../bin/baocao.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'baocao-cli-'));
const data = join(dir, 'store');
const baocao = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, '--data', data], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });

// The command line always runs on the embedded store here; core's own tests cover both engines.
describe.skipIf(!!process.env.BAOCAO_TEST_PG)('the baocao command', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [BIN, 'demo', '--data', data], {
      stdio: 'ignore',
      env: { ...process.env, DATABASE_URL: '' },
    });
  }, CLI_TEST_MS);

  it(
    'writes the monthly press brief as Markdown, with its checks on stderr',
    () => {
      const r = baocao('report', '--template', 'hop-bao-thang', '--period', '2024M08', '--format', 'md');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(
        'Doanh thu ước đạt 2.820.865 tỷ đồng, tăng 23,7% so với cùng kỳ năm 2023 và đạt 66,4% so với kế hoạch năm (4.245.382 tỷ đồng).',
      );
      expect(r.stdout).toContain('Thông tư số 09/2024/TT-BTTTT ngày 30/8/2024');
      expect(r.stderr).toContain('[DUPLICATE_ITEM]');
    },
    CLI_TEST_MS,
  );

  it(
    'writes the quarterly briefing as a Word file',
    () => {
      const out = join(dir, 'giao-ban-quy.docx');
      const r = baocao('report', '--template', 'giao-ban-quy', '--period', '2024Q1', '--out', out);
      expect(r.status).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    },
    CLI_TEST_MS,
  );

  it(
    'explains a wrong template or period and exits non-zero',
    () => {
      const r = baocao('report', '--template', 'giao-ban-quy', '--period', '2024M08');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('PERIOD_TYPE_MISMATCH');
      const missing = baocao('report', '--period', '2024M08');
      expect(missing.stderr).toContain('--template');
    },
    CLI_TEST_MS,
  );

  it(
    'refuses to start on a bad setting, naming it, before touching anything',
    () => {
      const r = spawnSync(process.execPath, [BIN, 'serve', '--data', data], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '', PORT: '80a', LOG_LEVEL: 'verbose' },
        timeout: 30_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('INVALID_CONFIG');
      expect(r.stderr).toContain('PORT="80a"');
      expect(r.stderr).toContain('LOG_LEVEL="verbose"');
    },
    CLI_TEST_MS,
  );

  it(
    'fact-checks a seed and prints the findings as JSON',
    () => {
      const seed = fileURLToPath(new URL('../../core/data/seeds/000_b409b39f4fa24542.txt', import.meta.url));
      const r = baocao('check', seed, '--json');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.statements).toBe(10);
      expect(out.findings.map((f: { code: string; expected: string }) => [f.code, f.expected])).toEqual([
        ['RATE_MISMATCH', '29,7'],
        ['WRONG_COMPARISON_YEAR', '2023'],
      ]);
      // Per statement: what was read and whether it was checked.
      expect(out.read.length).toBeGreaterThanOrEqual(10);
      expect(out.read[0]).toMatchObject({ checked: expect.any(Boolean), kind: expect.any(String) });
      expect(
        out.read.some((x: { checked: boolean; rate: number | null }) => x.checked && x.rate !== null),
      ).toBe(true);
    },
    CLI_TEST_MS,
  );

  it(
    'says which comparison years it did not judge, and why',
    () => {
      // The half-year's own year is only in the plan clause after it, so "cùng kỳ năm 2023" is read,
      // its rate checked, but its year left unjudged — and the reader is told so.
      const file = join(dir, 'nua-nam.txt');
      writeFileSync(
        file,
        'Chương trình 5 năm 2021 – 2025 đặt mục tiêu tăng trưởng bình quân 9%/năm.\n' +
          'Trong 6 tháng đầu năm, sản lượng bưu gửi ước đạt 640 triệu, tăng 15% so với cùng kỳ năm 2023 (556 triệu).\n',
      );
      const r = baocao('check', file);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('1 năm so sánh chưa đối chiếu / comparison years not judged');
      expect(r.stdout).toMatch(
        /\[năm chưa đối chiếu \/ year not judged\] «[^»]*15%[^»]*»: câu không nêu kỳ của số liệu; không đối chiếu năm so sánh/,
      );
      expect(r.stdout).toContain('comparison year not judged');
      expect(r.stdout).not.toContain('WRONG_COMPARISON_YEAR');
    },
    CLI_TEST_MS,
  );

  it(
    'refuses to open a store another process holds, and takes over the lock of one that died',
    async () => {
      const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', data], {
        env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      server.stdout.on('data', (b: Buffer) => (out += b.toString()));
      const t0 = Date.now();
      while (!out.includes('baocao is up') && Date.now() - t0 < STARTS_WITHIN_MS)
        await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('baocao is up');
      const file = join(dir, 'one.csv');
      writeFileSync(file, 'indicator,unit,period,value\nVT.DOANH_THU,P01,2024M02,777\n');
      const refused = baocao('import', file);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('STORE_IN_USE');
      expect(refused.stderr).toContain(`tiến trình ${server.pid}`);
      // Killed without a chance to clean up: its lock is stale and the next process takes it over.
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      const imported = baocao('import', file);
      expect(imported.status).toBe(0);
      const kept = baocao(
        'compare',
        '--indicator',
        'VT.DOANH_THU',
        '--unit',
        'P01',
        '--period',
        '2024M02',
        '--json',
      );
      expect(JSON.parse(kept.stdout)).toMatchObject({ value: 777 });
    },
    CLI_TEST_MS,
  );

  it(
    'runs its worker threads from the compiled bundle: a large file parsed, a large feed read',
    () => {
      // Past 256 kB a value file is parsed in a worker; its error still names the line.
      const rows = Array.from({ length: 12_000 }, (_, i) => `VT.DOANH_THU,P01,${2000 + (i % 20)}M01,${i}`);
      const big = join(dir, 'big.csv');
      writeFileSync(big, `indicator,unit,period,value\n${rows.join('\n')}\nVT.DOANH_THU,P01,2024M02,"12\n`);
      const refused = baocao('import', big);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('INVALID_FILE');
      expect(refused.stderr).toContain('line 12002');
      // Past 8 MB a feed's chunks go to worker threads (one per core).
      const lines = Array.from(
        { length: 300_000 },
        (_, i) =>
          `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255},2024-07-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z,test`,
      );
      const feed = join(dir, 'feed.csv');
      writeFileSync(feed, `ip,seen_at,source\n${lines.join('\n')}\n`);
      const read = baocao('feed', feed);
      expect(read.status).toBe(0);
      expect(JSON.parse(read.stdout)).toMatchObject({ months: [{ period: '2024M07', distinct: 300_000 }] });
    },
    CLI_TEST_MS,
  );

  it(
    'imports and exports DHIS2 data value sets',
    () => {
      const file = join(dir, 'dhis2.json');
      writeFileSync(
        file,
        JSON.stringify({
          dataValues: [
            { dataElement: 'VT.DOANH_THU', period: '202509', orgUnit: 'P01', value: '4410.5' },
            { dataElement: 'VT.DOANH_THU', period: '202509', orgUnit: 'P79', value: '5120' },
          ],
        }),
      );
      const imported = baocao('import', file, '--format', 'dhis2', '--id-scheme', 'CODE');
      expect(imported.status).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2 } });
      const out = join(dir, 'dhis2-out.csv');
      const exported = baocao(
        'export',
        '--format',
        'dhis2',
        '--indicator',
        'VT.DOANH_THU',
        '--period',
        '2025M09',
        '--out',
        out,
      );
      expect(exported.status).toBe(0);
      const lines = readFileSync(out, 'utf8').trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(
        lines
          .slice(1)
          .map((l) => l.split(',')[5])
          .sort(),
      ).toEqual(['4410.5', '5120']);
      const again = baocao('import', out, '--format', 'dhis2');
      expect(JSON.parse(again.stdout)).toMatchObject({ status: 'SUCCESS', importCount: { ignored: 2 } });
      writeFileSync(
        file,
        JSON.stringify({
          dataValues: [{ dataElement: 'KHONG.CO', period: '202509', orgUnit: 'P01', value: '1' }],
        }),
      );
      const bad = baocao('import', file, '--format', 'dhis2', '--id-scheme', 'CODE');
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('IMPORT_CONFLICTS');
      expect(JSON.parse(bad.stdout).conflicts[0]).toMatchObject({
        object: 'KHONG.CO',
        errorCode: 'E8103',
      });
    },
    CLI_TEST_MS,
  );

  it(
    'backs the store up to one file and restores it into an empty folder',
    () => {
      const file = join(dir, 'kho.baocao.gz');
      const backup = baocao('backup', file);
      expect(backup.status).toBe(0);
      expect(JSON.parse(backup.stdout).tables.data_value).toBeGreaterThan(0);
      const restored = spawnSync(process.execPath, [BIN, 'restore', file, '--data', join(dir, 'restored')], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
      expect(restored.status).toBe(0);
      expect(JSON.parse(restored.stdout).tables).toEqual(JSON.parse(backup.stdout).tables);
      const args = ['compare', '--indicator', 'NGANH.DOANH_THU', '--period', '2024M01-M08', '--json'];
      const there = spawnSync(process.execPath, [BIN, ...args, '--data', join(dir, 'restored')], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
      expect(JSON.parse(there.stdout)).toEqual(JSON.parse(baocao(...args).stdout));
      const again = spawnSync(process.execPath, [BIN, 'restore', file, '--data', join(dir, 'restored')], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('STORE_NOT_EMPTY');
    },
    CLI_TEST_MS,
  );
});
