import * as echarts from 'echarts';
import { formatNumberVi, roundHalfUp } from '../format/number.ts';

const FONT = 'Times New Roman, Liberation Serif, serif';

/**
 * A horizontal bar chart of changes on the same period last year, rendered on the server as SVG
 * (ECharts' server-side renderer: no browser, no canvas). Decreases are drawn in red.
 */
export function growthChartSvg(
  series: { label: string; pct: number }[],
  opts: { width?: number } = {},
): string {
  const width = opts.width ?? 640;
  const height = 70 + series.length * 36;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const values = series.map((s) => roundHalfUp(s.pct, 1));
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#222' },
    grid: { left: 10, right: 60, top: 20, bottom: 30, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${formatNumberVi(v, 0)}%` } },
    yAxis: { type: 'category', inverse: true, data: series.map((s) => s.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: values.map((v) => ({ value: v, itemStyle: { color: v < 0 ? '#c0392b' : '#1f5fa8' } })),
        label: {
          show: true,
          position: 'right',
          color: '#222',
          textBorderWidth: 0,
          formatter: (p: { value: unknown }) => `${formatNumberVi(Number(p.value), 1, { trimZeros: true })}%`,
        },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
