import { openDatabase, systemCtx, listIndicators, loadUnitGraph, parseValueFile } from '@baocao/core';
import { loadCells } from '../packages/core/src/compare/cells.queries.ts';
import { loadValidationContext } from '../packages/core/src/values/values.ts';
import { validateValueRows } from '../packages/core/src/values/validate.ts';
import { upsertValues } from '../packages/core/src/values/values.queries.ts';
const db = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/baocao_bench_200x700x72' });
const ctx = systemCtx(db);
const indicators = Array.from({ length: 20 }, (_, i) => `BENCH.I${String(i + 1).padStart(3, '0')}`);
const units = Array.from({ length: 34 }, (_, i) => `BP${String(i + 1).padStart(2, '0')}`);
const periods = Array.from({ length: 12 }, (_, i) => `2024M${String(i + 1).padStart(2, '0')}`);
const inds = await listIndicators(ctx);
const g = await loadUnitGraph(db.k);
const ids = inds.filter((i) => indicators.includes(i.code)).map((i) => i.id);
const uids = units.map((u) => g.byCode.get(u)!.id);
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  await loadCells(db.k, ids, uids, periods);
  console.log('cells', performance.now() - t);
}
const lines = ['indicator,unit,period,value,status'];
for (let i = 1; i <= 200; i++)
  for (let u = 1; u <= 100; u++)
    lines.push(
      `BENCH.I${String(i).padStart(3, '0')},BE${String(u).padStart(3, '0')},2025M07,${i * u}.5,official`,
    );
let t = performance.now();
const rows = await parseValueFile(Buffer.from(lines.join('\n')), 'x.csv');
console.log('parse 20k', performance.now() - t);
t = performance.now();
const vc = await loadValidationContext(ctx);
const v = validateValueRows(ctx, vc, rows);
console.log('validate 20k', performance.now() - t);
await db.k
  .transaction()
  .execute(async (trx) => {
    t = performance.now();
    await upsertValues(trx, v.valid, { actor: 'x', source: 'x', reason: null });
    console.log('upsert 20k', performance.now() - t);
    throw new Error('rollback');
  })
  .catch(() => {});
await db.close();
