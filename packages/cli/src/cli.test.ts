import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

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
  }, 120_000);

  it('writes the monthly press brief as Markdown, with its checks on stderr', () => {
    const r = baocao('report', '--template', 'hop-bao-thang', '--period', '2024M08', '--format', 'md');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Doanh thu ước đạt 2.820.865 tỷ đồng, tăng 23,7% so với cùng kỳ năm 2023 và đạt 66,4% so với kế hoạch năm (4.245.382 tỷ đồng).',
    );
    expect(r.stdout).toContain('Thông tư số 09/2024/TT-BTTTT ngày 30/8/2024');
    expect(r.stderr).toContain('[DUPLICATE_ITEM]');
  }, 60_000);

  it('writes the quarterly briefing as a Word file', () => {
    const out = join(dir, 'giao-ban-quy.docx');
    const r = baocao('report', '--template', 'giao-ban-quy', '--period', '2024Q1', '--out', out);
    expect(r.status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it('explains a wrong template or period and exits non-zero', () => {
    const r = baocao('report', '--template', 'giao-ban-quy', '--period', '2024M08');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PERIOD_TYPE_MISMATCH');
    const missing = baocao('report', '--period', '2024M08');
    expect(missing.stderr).toContain('--template');
  }, 60_000);

  it('fact-checks a seed and prints the findings as JSON', () => {
    const seed = fileURLToPath(new URL('../../core/data/seeds/000_b409b39f4fa24542.txt', import.meta.url));
    const r = baocao('check', seed, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.statements).toBe(10);
    expect(out.findings.map((f: { code: string; expected: string }) => [f.code, f.expected])).toEqual([
      ['RATE_MISMATCH', '29,7'],
      ['WRONG_COMPARISON_YEAR', '2023'],
    ]);
  }, 60_000);
});
