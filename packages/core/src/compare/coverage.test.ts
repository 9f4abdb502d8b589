import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators, saveIndicators } from '../catalog/indicators.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { parsePeriod } from '../periods/period.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph, unitCovers } from '../units/unit-graph.ts';
import { createUnits } from '../units/units.ts';
import { compactRollups } from '../values/rollups.ts';
import { deleteValues, submitValues } from '../values/values.ts';
import { expectedReporters } from './coverage.ts';
import { loadResolveEnv } from './env.ts';
import { coverageOf } from './resolve.ts';

let db: Database;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
});
afterAll(() => db.close());

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['2025M04', '2025M05', '2025M06', '2025M07', '2025M08', '2025M09'];
const INDICATORS = [
  { code: 'TEST.E_SUM', kind: 'flow', acrossUnits: 'sum', reportingKind: 'enterprise' },
  { code: 'TEST.P_SUM', kind: 'flow', acrossUnits: 'sum', reportingKind: 'province' },
  { code: 'TEST.P_STOCK', kind: 'stock', acrossUnits: 'sum', reportingKind: 'province' },
  { code: 'TEST.E_NONE', kind: 'stock', acrossUnits: 'none', reportingKind: 'enterprise' },
] as const;

describe('coverage read from the stored counts', () => {
  it('equals coverage counted from the raw values, across the 2025 merger, after writes, deletes and compaction', async () => {
    const rnd = random(20251);
    await saveIndicators(
      ctx,
      INDICATORS.map((i) => ({
        ...i,
        nameVi: i.code,
        nameEn: i.code,
        unitVi: 'đơn vị',
        precision: 0,
        domain: 'Test',
      })),
    );
    // Enterprises under old provinces (ended 2025-06-30) and new ones (from 2025-07-01), some of
    // them opening or closing inside the months, one inside another.
    const old = ['P08_CU', 'P02_CU'];
    const fresh = ['P08', 'P01'];
    const spans: [string | null, string | null][] = [
      [null, null],
      [null, '2025-05-31'],
      ['2025-06-01', null],
      [null, null],
      ['2025-08-01', null],
      [null, null],
    ];
    await createUnits(ctx, [
      ...[...old, ...fresh].flatMap((p) =>
        spans.map(([validFrom, validTo], i) => ({
          code: `E_${p}_${i}`,
          nameVi: `Doanh nghiệp ${p} ${i}`,
          kind: 'enterprise' as const,
          parentCode: p,
          validFrom,
          validTo,
        })),
      ),
      { code: 'E_P08_0_SUB', nameVi: 'Chi nhánh', kind: 'enterprise', parentCode: 'E_P08_0' },
    ]);
    const graph = await loadUnitGraph(db.k);
    const byCode = new Map((await listIndicators(ctx)).map((i) => [i.code, i]));
    const inds = INDICATORS.map((i) => byCode.get(i.code)!);
    const units = [...graph.byId.values()].filter(
      (u) => u.code === 'VN' || [...old, ...fresh].includes(u.code) || u.code.startsWith('E_'),
    );

    // Random values wherever validation allows them (a unit in force for the month), written in a
    // large batch (indicators locked whole) and in small ones (cells and reporters locked).
    const writable = (m: string) =>
      units.filter((u) => unitCovers(u, parsePeriod(m)) && (u.code !== 'VN' || rnd() < 0.5));
    const rows = INDICATORS.flatMap((ind) =>
      MONTHS.flatMap((m) =>
        writable(m)
          .filter(() => rnd() < 0.6)
          .map((u) => ({ indicator: ind.code, unit: u.code, period: m, value: Math.round(rnd() * 1000) })),
      ),
    ).map((r, i) => ({ ...r, row: i + 1, status: 'official' }));
    expect(rows.length).toBeGreaterThan(256);
    const big = rows.slice(0, Math.floor(rows.length * 0.7));
    await submitValues(ctx, { rows: big, source: 'test' });
    await compactRollups(db.k);
    for (let i = big.length; i < rows.length; i += 20)
      await submitValues(ctx, { rows: rows.slice(i, i + 20) });
    // Remove a fifth, change some, in small writes, with pending changes left unfolded.
    const gone = rows.filter(() => rnd() < 0.2);
    for (let i = 0; i < gone.length; i += 15)
      await deleteValues(ctx, {
        keys: gone.slice(i, i + 15).map(({ indicator, unit, period }) => ({ indicator, unit, period })),
      });
    const kept = rows.filter((r) => !gone.includes(r) && rnd() < 0.2);
    await submitValues(ctx, { rows: kept.map((r) => ({ ...r, value: r.value + 1 })) });

    const periods = MONTHS.map(parsePeriod);
    const env = await loadResolveEnv(db.k, graph, byCode, { inds, units, periods });
    const raw = (
      await db.k.selectFrom('data_value').select(['indicator_id', 'unit_id', 'period']).execute()
    ).map((r) => `${r.indicator_id}|${r.unit_id}|${r.period}`);
    // Coverage from the raw values: an expected reporter reported when it holds a value, or, for a
    // summed indicator, when any unit below it does.
    const reportedRaw = new Set<string>();
    for (const key of raw) {
      const [i, u, p] = key.split('|');
      const ind = inds.find((x) => x.id === Number(i));
      if (!ind) continue;
      const up = graph.ancestorsOf(Number(u));
      for (const a of ind.acrossUnits === 'sum' ? up : up.slice(0, 1)) reportedRaw.add(`${i}|${a}|${p}`);
    }
    let partial = 0;
    let staleHolding = 0;
    for (const ind of inds)
      for (const unit of units)
        for (const p of periods) {
          const expected = expectedReporters(graph, ind, unit, p);
          const want = {
            expected: expected.length,
            reported: expected.filter((u) => reportedRaw.has(`${ind.id}|${u.id}|${p.id}`)).length,
          };
          expect({ cell: `${ind.code} ${unit.code} ${p.id}`, ...coverageOf(env, ind, unit, p) }).toEqual({
            cell: `${ind.code} ${unit.code} ${p.id}`,
            ...want,
          });
          if (want.reported > 0 && want.reported < want.expected) partial++;
        }
    // The draw exercised what matters: partial cells, and units not expected that still hold values
    // below them (an old province after the merger, an enterprise after it closed).
    for (const ind of inds)
      for (const p of periods)
        for (const u of units)
          if (
            u.kind === ind.reportingKind &&
            !unitCovers(u, p) &&
            reportedRaw.has(`${ind.id}|${u.id}|${p.id}`)
          )
            staleHolding++;
    expect(partial).toBeGreaterThan(20);
    expect(staleHolding).toBeGreaterThan(0);
  });
});
