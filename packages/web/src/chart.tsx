// Only the parts drawn here (bars, lines, axes, tooltips, SVG), not the whole library: the charts'
// chunk is what a phone on a provincial link waits for.
import type { EChartsOption } from 'echarts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);
import { useEffect, useRef } from 'react';

/** An ECharts chart (SVG renderer, resized with its box); `label` names it for screen readers. */
export function EChart({ option, height, label }: { option: EChartsOption; height: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    // The page's font, so chart text has the Vietnamese glyphs the page has.
    chart.setOption({ textStyle: { fontFamily: getComputedStyle(ref.current).fontFamily }, ...option });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} />;
}
