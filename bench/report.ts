// (d) Report generation vs the comparisons it runs, in the same run on the same store.
import {
  compareMany,
  type Database,
  figureRequests,
  getReport,
  getReportTemplate,
  loadDemo,
  parsePeriod,
  renderReport,
  systemCtx,
  templateFigureSpecs,
} from '@baocao/core';

export interface ReportBench {
  template: string;
  comparisons: number;
  tCompare: number;
  tFull: number;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/**
 * Loads the demo (the seeds' figures and registries) into the store, then times, for each built-in
 * report, its comparisons alone (one `compareMany` batch) and the whole report: data, text, Markdown and Word.
 */
export async function reportBench(db: Database): Promise<ReportBench[]> {
  const ctx = systemCtx(db);
  await loadDemo(ctx);
  const out: ReportBench[] = [];
  for (const [code, period] of [
    ['hop-bao-thang', '2024M08'],
    ['giao-ban-quy', '2024Q1'],
  ] as const) {
    const t = await getReportTemplate(ctx, code);
    const asks = figureRequests(templateFigureSpecs(t.sections, 'VN'), parsePeriod(period));
    const tCompare = await median(7, () => compareMany(ctx, asks));
    const tFull = await median(7, async () => {
      const view = await getReport(ctx, { template: code, period });
      await renderReport(view.doc, 'md');
      await renderReport(view.doc, 'docx');
    });
    out.push({ template: `${code} ${period}`, comparisons: asks.length, tCompare, tFull });
  }
  return out;
}
