/**
 * A summary as a document: the official layout (`files/official-docx.ts`) with the charts the
 * pages draw rendered as PNG pictures, the same figures as workbook sheets, and the PDF of the
 * `.docx` through LibreOffice.
 */
import { CONTACT_DUTIES } from '../../domain/registry.js';
import { overviewParagraph, type SummaryFigures } from '../../domain/summary-figures.js';
import { changeRate } from '../../domain/summary-analysis.js';
import { renderChartImage, type ChartImage } from '../../files/chart-image.js';
import type { DocumentBlock, OfficialDocument } from '../../files/document-model.js';
import { renderOfficialDocx } from '../../files/official-docx.js';
import { convertDocxToPdf } from '../../files/pdf-conversion.js';
import { writeWorkbook, type SheetTable } from '../../files/xlsx-workbook.js';
import { QUARTER_NAMES } from '../../shared/score-chart-data.js';
import type { DocumentFormat } from '../../shared/api/documents.js';
import type { ChartData } from '../../shared/score-chart.js';
import { officeIdentity } from '../office-identity.js';

export interface SummaryDocumentInput {
  figures: SummaryFigures;
  /** Series code → analysis paragraph. */
  paragraphs: Record<string, string>;
  /** The date under the issuer, `YYYY-MM-DD`: the approval's, else today. */
  date: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CHART_WIDTH_MM = 150;

/** 2011-07-05 → 2011年7月5日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** +12 / −3 / 0, as the tables print a change. */
function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
}

function percent(rate: number | null): string {
  if (rate === null) return '—';
  return rate > 0 ? `+${rate}%` : rate < 0 ? `−${-rate}%` : '0%';
}

/**
 * Rendered charts by their data: a chart takes the renderer most of a second (resvg reads the
 * system's fonts each time), and the same summary is downloaded in several formats, often twice.
 */
const renderedCharts = new Map<string, ChartImage>();
const RENDERED_CHARTS_KEPT = 24;

function chartImage(data: ChartData): ChartImage {
  const key = JSON.stringify(data);
  let image = renderedCharts.get(key);
  if (image) {
    renderedCharts.delete(key);
  } else {
    image = renderChartImage(data, 640, 320);
    if (renderedCharts.size >= RENDERED_CHARTS_KEPT) renderedCharts.delete(renderedCharts.keys().next().value!);
  }
  // Most recently used last, so the oldest is the first dropped.
  renderedCharts.set(key, image);
  return image;
}

function chartBlock(caption: string, data: ChartData): DocumentBlock {
  const image = chartImage(data);
  return {
    kind: 'image',
    caption,
    png: image.png,
    widthPx: image.widthPx,
    heightPx: image.heightPx,
    widthMm: CHART_WIDTH_MM,
  };
}

const quarterHeaders = (figures: SummaryFigures) => figures.quarters.map((q) => QUARTER_NAMES[q - 1]);
const targetWord = (figures: SummaryFigures) => (figures.half === 1 ? '半年指标' : '年度指标');

/** One series' unit table: rank, quarters, total against target, and last year's same period. */
function seriesRows(figures: SummaryFigures, code: string): (string | number)[][] {
  return figures.units
    .filter((u) => u.series === code)
    .map((u) => [
      u.rank,
      u.unit,
      ...u.quarters,
      u.points,
      u.target,
      u.met ? '达标' : '未达标',
      u.previousPoints,
      signed(u.change),
    ]);
}

function seriesColumns(figures: SummaryFigures): string[] {
  return ['排名', '单位', ...quarterHeaders(figures), '合计得分', targetWord(figures), '是否达标', '去年同期', '增减'];
}

function overviewColumns(): string[] {
  return ['序列', '单位数', '每单位指标', '达标单位数', '合计得分', '去年同期', '增减幅度'];
}

function overviewRows(figures: SummaryFigures): (string | number)[][] {
  return [
    ...figures.series.map((s) => [s.name, s.units, s.target, s.met, s.points, s.previousPoints, percent(s.changeRate)]),
    [
      '合计',
      figures.units.length,
      '',
      figures.series.reduce((a, s) => a + s.met, 0),
      figures.totals.points,
      figures.totals.previousPoints,
      percent(figures.totals.changeRate),
    ],
  ];
}

function outletColumns(figures: SummaryFigures): string[] {
  return ['项目', ...figures.series.map((s) => `${s.name}（篇/次）`), '合计（篇/次）', '合计得分'];
}

function outletRows(figures: SummaryFigures): (string | number)[][] {
  return figures.outlets.map((o) => [
    o.group,
    ...figures.series.map((s) => o.bySeries[s.code]?.count ?? 0),
    o.count,
    o.points,
  ]);
}

const improvementColumns = ['单位', '序列', '本期得分', '去年同期', '增减'];

function improvementRows(figures: SummaryFigures, entries: SummaryFigures['mostImproved']): (string | number)[][] {
  const names = new Map(figures.series.map((s) => [s.code, s.name]));
  return entries.map((e) => [e.unit, names.get(e.series) ?? e.series, e.points, e.previousPoints, signed(e.change)]);
}

const commendedColumns = ['序列', '单位', '全年得分', '序列排名', CONTACT_DUTIES.director, CONTACT_DUTIES.officer];

function commendedRows(figures: SummaryFigures): (string | number)[][] {
  return (figures.commended ?? []).map((c) => [
    c.seriesName,
    c.unit,
    c.points,
    c.rank,
    c.directors.join('、') || '未登记',
    c.officers.join('、') || '未登记',
  ]);
}

/** The summary in the neutral document model, charts rendered. */
export function summaryOfficialDocument(input: SummaryDocumentInput): OfficialDocument {
  const { figures } = input;
  const previousYear = figures.year - 1;
  const blocks: DocumentBlock[] = [];
  let section = 0;
  const heading = (text: string) => blocks.push({ kind: 'heading', text: `${NUMERALS[section++]}、${text}` });

  blocks.push({ kind: 'paragraph', text: overviewParagraph(figures) });
  heading('总体情况');
  blocks.push({
    kind: 'table',
    caption: '表1 各序列完成情况',
    columns: overviewColumns(),
    rows: overviewRows(figures),
  });
  blocks.push(chartBlock('图1 各序列分季度得分', figures.charts.byQuarter));

  heading('各序列完成情况');
  figures.series.forEach((s, index) => {
    blocks.push({ kind: 'paragraph', text: `（${NUMERALS[index]}）${s.name}`, indent: false });
    blocks.push({ kind: 'paragraph', text: input.paragraphs[s.code] ?? s.drafted });
    blocks.push({
      kind: 'table',
      caption: `${s.name}得分情况（${targetWord(figures)} ${s.target} 分）`,
      columns: seriesColumns(figures),
      rows: seriesRows(figures, s.code),
    });
  });

  heading('信息采用情况');
  blocks.push({
    kind: 'paragraph',
    text: `${figures.periodLabel}各单位报送信息获区领导批示 ${figures.instructions} 次，上报省、市政府办公厅被采用或获批示加分 ${figures.upward} 次。各采用载体的采用篇数和得分如下。`,
  });
  blocks.push({
    kind: 'table',
    caption: '表2 按采用载体统计',
    columns: outletColumns(figures),
    rows: outletRows(figures),
  });
  blocks.push(chartBlock('图2 按采用载体得分', figures.charts.byOutlet));

  heading('与去年同期比较');
  blocks.push({
    kind: 'paragraph',
    text:
      figures.totals.changeRate === null
        ? `${previousYear}年同期没有得分记录，暂无可比数据。`
        : `全区合计得分 ${figures.totals.points} 分，${previousYear}年同期 ${figures.totals.previousPoints} 分，增减幅度 ${percent(changeRate(figures.totals.points, figures.totals.previousPoints))}。`,
  });
  blocks.push(chartBlock(`图3 ${figures.year}年与${previousYear}年同期得分走势`, figures.charts.trend));
  if (figures.mostImproved.length > 0)
    blocks.push({
      kind: 'table',
      caption: '表3 较去年同期进步较大的单位',
      columns: improvementColumns,
      rows: improvementRows(figures, figures.mostImproved),
    });
  if (figures.mostBehind.length > 0)
    blocks.push({
      kind: 'table',
      caption: '表4 较去年同期退步较大的单位',
      columns: improvementColumns,
      rows: improvementRows(figures, figures.mostBehind),
    });

  if (figures.commended) {
    heading('通报表扬');
    blocks.push({
      kind: 'paragraph',
      text:
        figures.commended.length === 0
          ? `${figures.year}年度没有四个考核季度全部达标的单位。`
          : `根据${figures.policyTitle ?? '政务信息工作考核办法'}，对全年四个考核季度全部达标的以下 ${figures.commended.length} 个单位（直报点序列为全年达标），对其单位直接责任人和信息员给予通报表扬（按序列排名）：`,
    });
    if (figures.commended.length > 0)
      blocks.push({
        kind: 'table',
        caption: '表5 通报表扬名单',
        columns: commendedColumns,
        rows: commendedRows(figures),
      });
  }

  const office = officeIdentity();
  blocks.push({ kind: 'paragraph', text: '' });
  blocks.push({ kind: 'paragraph', text: office.issuer, align: 'right' });
  blocks.push({ kind: 'paragraph', text: chineseDate(input.date), align: 'right' });
  return { title: figures.title, blocks };
}

/** The figures as workbook sheets: an overview, one sheet per series (named as the series), outlets, the comparison and 通报表扬. */
export function summarySheets(figures: SummaryFigures): SheetTable[] {
  const sheets: SheetTable[] = [
    { name: '总体情况', columns: overviewColumns().map((header) => ({ header })), rows: overviewRows(figures) },
    ...figures.series.map((s): SheetTable => ({
      name: s.name,
      columns: seriesColumns(figures).map((header) => ({ header })),
      // Numbers stay numbers in the workbook, the change included.
      rows: figures.units
        .filter((u) => u.series === s.code)
        .map((u) => [
          u.rank,
          u.unit,
          ...u.quarters,
          u.points,
          u.target,
          u.met ? '达标' : '未达标',
          u.previousPoints,
          u.change,
        ]),
    })),
    { name: '采用情况', columns: outletColumns(figures).map((header) => ({ header })), rows: outletRows(figures) },
    {
      name: '较去年同期',
      columns: improvementColumns.map((header) => ({ header })),
      rows: [...figures.units]
        .sort((a, b) => b.change - a.change || a.unit.localeCompare(b.unit, 'zh-CN'))
        .map((u) => [
          u.unit,
          figures.series.find((s) => s.code === u.series)?.name ?? u.series,
          u.points,
          u.previousPoints,
          u.change,
        ]),
    },
  ];
  if (figures.commended)
    sheets.push({
      name: '通报表扬',
      columns: commendedColumns.map((header) => ({ header })),
      rows: commendedRows(figures),
    });
  return sheets;
}

/** The summary's bytes in a format; a PDF needs LibreOffice (`PdfUnavailableError` otherwise). */
export async function renderSummary(input: SummaryDocumentInput, format: DocumentFormat): Promise<Buffer> {
  if (format === 'xlsx')
    return writeWorkbook(summarySheets(input.figures), {
      title: input.figures.title,
      description: input.figures.title,
    });
  const docx = await renderOfficialDocx(summaryOfficialDocument(input));
  return format === 'pdf' ? convertDocxToPdf(docx) : docx;
}
