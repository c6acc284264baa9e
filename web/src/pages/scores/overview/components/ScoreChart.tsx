/**
 * A bar/line chart drawn with ECharts. Only the charts and components used here are registered,
 * and this file is loaded lazily (React.lazy), so ECharts reaches only the pages that draw charts.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type EChartsType } from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { scoreChartOption } from '@shared/score-chart';
import type { ChartData } from '../types';

// echarts' own `use` (what to bundle), not a React hook: renamed so the hooks rules do not mistake it.
registerChartParts([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  LegacyGridContainLabel,
  SVGRenderer,
]);

export interface ScoreChartProps {
  data: ChartData;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
}

export default function ScoreChart({ data, label, height = 280 }: ScoreChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  const [width, setWidth] = useState(0);

  useEffect(() => {
    if (!element.current) return;
    // SVG: a few bars draw as sharply as canvas, and their text can be found and measured.
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    setWidth(element.current.clientWidth);
    // Follows the card's width (phone, sidebar folding) rather than only the window's.
    const observer = new ResizeObserver(() => {
      instance.resize();
      setWidth(element.current?.clientWidth ?? 0);
    });
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (width === 0) return;
    chart.current?.setOption(scoreChartOption(data, width), { notMerge: true });
  }, [data, width]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
