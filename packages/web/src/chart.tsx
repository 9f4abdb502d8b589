import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/** An ECharts chart (SVG renderer, resized with its box); `label` names it for screen readers. */
export function EChart({
  option,
  height,
  label,
}: {
  option: echarts.EChartsOption;
  height: number;
  label: string;
}) {
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
