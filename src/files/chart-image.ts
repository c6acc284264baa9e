/**
 * The pages' charts as pictures for Word: ECharts' server-side SVG renderer draws the same option
 * the browser draws (`shared/score-chart.ts`), and resvg turns the SVG into a PNG at twice the
 * size, so it prints sharply. Text is set in the system's CJK font (Noto Sans CJK on Debian).
 */
import { Resvg } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use as registerChartParts } from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { scoreChartOption, type ChartData } from '../shared/score-chart.js';

// The pages' charts keep their labels inside the grid (`containLabel`), a legacy feature in ECharts 6.
registerChartParts([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  LegacyGridContainLabel,
  SVGRenderer,
]);

const CJK_FONT = 'Noto Sans CJK SC';
const SCALE = 2;

export interface ChartImage {
  svg: string;
  png: Buffer;
  widthPx: number;
  heightPx: number;
}

/** The chart's SVG as ECharts renders it on the server. */
export function renderChartSvg(data: ChartData, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      textStyle: { fontFamily: `${CJK_FONT}, sans-serif` },
      backgroundColor: '#ffffff',
      ...scoreChartOption(data, width, true),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as SVG and as a PNG of twice its size. */
export function renderChartImage(data: ChartData, width = 640, height = 320): ChartImage {
  const svg = renderChartSvg(data, width, height);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: CJK_FONT, sansSerifFamily: CJK_FONT },
  })
    .render()
    .asPng();
  return { svg, png: Buffer.from(png), widthPx: width * SCALE, heightPx: height * SCALE };
}
