/**
 * The scores' bar/line charts as ECharts options: the pages draw them in the browser and the
 * documents render the same options on the server (`files/chart-image.ts`), so a chart in a
 * summary is the chart its reader saw on screen.
 */

export interface ChartData {
  categories: string[];
  series: { name: string; type: 'bar' | 'line'; data: (number | null)[]; stack?: string }[];
}

/** ECharts' category-axis label settings (the subset chosen here). */
export interface CategoryAxisLabel {
  interval: 0;
  width: number;
  overflow: 'break' | 'truncate';
  rotate: number;
}

/**
 * Category labels that never overlap at any chart width: each wraps within its share of the axis
 * while that holds three characters (12 px each); narrower, they stand upright and are cut short.
 */
export function categoryAxisLabel(chartWidth: number, count: number): CategoryAxisLabel {
  // The y axis' labels and the grid's margins take about 56 px.
  const slot = (chartWidth - 56) / Math.max(count, 1);
  if (slot >= 44) return { interval: 0, width: Math.floor(slot - 8), overflow: 'break', rotate: 0 };
  return { interval: 0, width: 84, overflow: 'truncate', rotate: 90 };
}

// eslint-disable-next-line @typescript-eslint/no-base-to-string -- a chart value is a number or a string.
const pointsLabel = (value: unknown) => (value === null || value === undefined ? '—' : `${String(value)} 分`);

/** The chart's ECharts option at `width` pixels. `still` leaves out what only a screen uses (tooltips, animation). */
export function scoreChartOption(data: ChartData, width: number, still = false): Record<string, unknown> {
  return {
    ...(still
      ? { animation: false }
      : { tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: pointsLabel } }),
    legend: { type: still ? 'plain' : 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    // Long outlet names wrap within their share of the axis, or stand upright, rather than overlap.
    xAxis: { type: 'category', data: data.categories, axisLabel: categoryAxisLabel(width, data.categories.length) },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.series.map((s) => ({
      ...s,
      barMaxWidth: 36,
      emphasis: { focus: 'series' },
      ...(s.type === 'line' ? { symbolSize: 8, connectNulls: true } : {}),
    })),
  };
}
