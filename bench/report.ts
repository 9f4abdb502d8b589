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
  /** The parts of tFull: data (every query, the text, the chart SVG), Markdown, Word without its charts, Word. */
  tData: number;
  tMarkdown: number;
  tWordNoCharts: number;
  tWord: number;
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
 * report, its comparisons alone (one `compareMany` batch), the whole report (data, text, Markdown and
 * Word) and each of those parts, so the page can say where the time goes.
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
    const { doc } = await getReport(ctx, { template: code, period });
    const noCharts = {
      ...doc,
      sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.type !== 'chart') })),
    };
    out.push({
      template: `${code} ${period}`,
      comparisons: asks.length,
      tCompare,
      tFull,
      tData: await median(7, () => getReport(ctx, { template: code, period })),
      tMarkdown: await median(7, () => renderReport(doc, 'md')),
      tWordNoCharts: await median(7, () => renderReport(noCharts, 'docx')),
      tWord: await median(7, () => renderReport(doc, 'docx')),
    });
  }
  return out;
}
