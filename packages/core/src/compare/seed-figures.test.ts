import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { loadDemo, seedFigures } from '../demo/demo.ts';
import { roundHalfUp } from '../format/number.ts';
import { createTestDatabase } from '../testing.ts';
import { compareIndicator } from './compare.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(systemCtx(db));
});
afterAll(() => db.close());

const decimals = (s: string) => (s.includes('.') ? s.split('.')[1]!.length : 0);

/**
 * Where the seed's printed rate is not what its own printed figures give. Each entry is what the
 * stored figures give instead, and why the seed differs.
 */
const SEED_DIFFERS: Record<string, { ours: number; why: string }> = {
  'ATTT.DOANH_THU|same_period_last_year': {
    ours: 46.7,
    why: '804/548 = +46,72%; 46,8% needs unrounded inputs the seed does not give',
  },
  'ATTT.NOP_NSNN|same_period_last_year': {
    ours: 28.9,
    why: '41/31,8 = +28,93%; 28,7% needs unrounded inputs',
  },
  'ATTT.LOI_NHUAN|same_period_last_year': {
    ours: 22.73,
    why: '54/44 = +22,727%: the seed truncated instead of rounding',
  },
  'CKS.CHINH_PHU_DANG_HOAT_DONG|same_period_last_year': {
    ours: 29.7,
    why: '695.268/536.145 = +29,68%: the seed printed 29,6',
  },
};

describe('compare reproduces the seed figures', () => {
  const rows = seedFigures().filter((f) => f.compare_kind !== '');

  it('covers every seed row with a comparison base', () => {
    const raw = readFileSync(new URL('../../data/seed-figures.csv', import.meta.url), 'utf8');
    const withBase = raw
      .split('\n')
      .filter((l) => /,(same_period_last_year|previous_period|annual_plan),/.test(l));
    expect(withBase.length).toBe(23);
    expect(rows.length).toBe(withBase.length);
  });

  for (const f of rows) {
    it(`${f.seed} ${f.code} ${f.period} ${f.compare_kind}`, async () => {
      const r = await compareIndicator(systemCtx(db), { indicator: f.code, unit: 'VN', period: f.period });
      expect(r.value).toBe(Number(f.value));
      const stated = Number(f.reported_pct);
      const d = decimals(f.reported_pct);
      const base =
        f.compare_kind === 'annual_plan'
          ? r.plan
          : f.compare_kind === 'previous_period'
            ? r.previous!
            : r.lastYear;
      const pct = 'sharePct' in base ? base.sharePct : base.changePct;
      if ('period' in base) expect(base.period).toBe(f.compare_period);
      else expect(String(base.year)).toBe(f.compare_period);
      if (f.compare_value) expect(base.value).toBe(Number(f.compare_value));
      else expect('derived' in base && base.derived).toBe(true);
      const differs = SEED_DIFFERS[`${f.code}|${f.compare_kind}`];
      if (differs) {
        expect(roundHalfUp(pct!, decimals(String(differs.ours)))).toBe(differs.ours);
        expect(roundHalfUp(pct!, d)).not.toBe(stated);
      } else {
        expect(roundHalfUp(pct!, d)).toBe(stated);
      }
    });
  }

  it('writes the ministry sentence, with derived bases left unprinted', async () => {
    const r = await compareIndicator(systemCtx(db), {
      indicator: 'NGANH.DOANH_THU',
      unit: 'VN',
      period: '2024M01-M08',
    });
    expect(r.text).toBe(
      'Doanh thu ước đạt 2.820.865 tỷ đồng, tăng 23,7% so với cùng kỳ năm 2023 và đạt 66,4% so với kế hoạch năm (4.245.382 tỷ đồng).',
    );
    expect(r.previous).toBeNull();
    const attacks = await compareIndicator(systemCtx(db), {
      indicator: 'ATTT.TAN_CONG_MANG',
      unit: 'VN',
      period: '2024M08',
    });
    expect(attacks.text).toBe(
      'Số vụ tấn công mạng là 349 cuộc, tăng 15,6% so với tháng 7/2024 (302 cuộc) và giảm 75,1% so với cùng kỳ năm 2023 (1.402 cuộc).',
    );
    const gov = await compareIndicator(systemCtx(db), {
      indicator: 'CKS.CHINH_PHU_DANG_HOAT_DONG',
      unit: 'VN',
      period: '2024M02',
    });
    expect(gov.text).toContain('tăng 29,7% so với cùng kỳ năm 2023 (536.145 chứng thư số)');
  });

  it('says missing rather than zero', async () => {
    const r = await compareIndicator(systemCtx(db), {
      indicator: 'NGANH.DOANH_THU',
      unit: 'VN',
      period: '2022M03',
    });
    expect(r.value).toBeNull();
    expect(r.lastYear.changePct).toBeNull();
    expect(r.text).toBe('Doanh thu tháng 3/2022: chưa có số liệu.');
  });
});
