import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the app's charts use, drawn as SVG: the bundle stays small, and only pages that import this module
// (loaded lazily with their route) pay for it.
use([BarChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/**
 * An ECharts chart that fills its container's width and follows its size (390 px phones too). The chart is an
 * image named by `label` (ECharts' aria); the table next to it on the page is the accessible alternative with the
 * exact numbers.
 */
export function Chart({ option, label, height = 320 }: { option: ChartOption; label: string; height?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // The chart's name is its description (ECharts writes it into aria-label; its own generated one is English
    // and reads the data poorly — the table beside the chart has the numbers). Decal patterns tell the series
    // apart without colour.
    // The page's own font, named: ECharts measures labels with it (an `inherit` would measure another font).
    const fontFamily = container.current === null ? undefined : getComputedStyle(container.current).fontFamily;
    chart.current?.setOption(
      { aria: { enabled: true, label: { description: label }, decal: { show: true } }, textStyle: { fontFamily }, animation: false, ...option },
      true,
    );
  }, [option, label]);
  return <div ref={container} role="img" aria-label={label} className="w-full" style={{ height }} data-chart />;
}
