import { createHash } from 'node:crypto';
import {
  bulletinIssueLine,
  bulletinOverview,
  bulletinTitle,
  type BulletinDocument,
  type BulletinRow,
  type BulletinSeries,
} from '../../domain/bulletin.js';
import type { DocumentBlock, OfficialDocument } from '../../files/document-model.js';
import { renderOfficialDocx } from '../../files/official-docx.js';
import { officeIdentity } from '../office-identity.js';
import { convertDocxToPdf } from '../../files/pdf-conversion.js';
import { writeWorkbook, type SheetTable } from '../../files/xlsx-workbook.js';
import type { DocumentFormat } from '../../shared/api/documents.js';

const RENDERED_KEPT = 16;
const rendered = new Map<string, Promise<Buffer>>();

/**
 * The bulletin as a file: `.docx` (GB/T 9704), `.pdf` through LibreOffice, or `.xlsx` one sheet per
 * series. The last few files are kept by their content: a published bulletin is the same document
 * for every unit that downloads it, and a PDF costs seconds of LibreOffice.
 */
export function renderBulletin(bulletin: BulletinDocument, format: DocumentFormat): Promise<Buffer> {
  const key = `${format}:${createHash('sha256').update(JSON.stringify(bulletin)).digest('hex')}`;
  const kept = rendered.get(key);
  if (kept) return kept;
  const file = renderBulletinFile(bulletin, format);
  rendered.set(key, file);
  if (rendered.size > RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  file.catch(() => rendered.delete(key));
  return file;
}

async function renderBulletinFile(bulletin: BulletinDocument, format: DocumentFormat): Promise<Buffer> {
  if (format === 'xlsx')
    return writeWorkbook(bulletinSheets(bulletin), {
      title: bulletinTitle(bulletin.year, bulletin.quarter),
      description: `统计截至 ${bulletin.asOf}`,
    });
  const docx = await renderOfficialDocx(bulletinOfficialDocument(bulletin));
  return format === 'pdf' ? convertDocxToPdf(docx) : docx;
}

/** 达标 / 未达标; empty for a series without a quarterly target (直报点). */
export function metLabel(met: boolean | null): string {
  return met === null ? '' : met ? '达标' : '未达标';
}

/** Column headers of a series table, in order; the outlets' names come from the policy. */
export function seriesColumns(bulletin: Pick<BulletinDocument, 'outlets'>): string[] {
  return [
    '单位',
    '报送信息数',
    ...bulletin.outlets.map((o) => `${o.name}采用`),
    '区领导批示',
    '上报省市采用',
    '完成约稿',
    '未报约稿',
    '扣分',
    '本季度得分',
    '季度指标',
    '是否达标',
    '排名',
    '全年累计得分',
    '年度指标',
  ];
}

function seriesCells(bulletin: Pick<BulletinDocument, 'outlets'>, row: BulletinRow): (string | number | null)[] {
  return [
    row.unit,
    row.submitted,
    ...bulletin.outlets.map((o) => row.adopted[o.code] ?? 0),
    row.instructions,
    row.upward,
    row.answered,
    row.missed,
    row.deductions,
    row.points,
    row.target,
    metLabel(row.met) || null,
    row.rank,
    row.cumulative,
    row.annualTarget,
  ];
}

export function bulletinSheets(bulletin: BulletinDocument): SheetTable[] {
  const columns = seriesColumns(bulletin).map((header) => ({ header }));
  return bulletin.series.map((s) => ({
    name: s.name,
    columns,
    rows: s.rows.map((row) => seriesCells(bulletin, row)),
  }));
}

function targetLine(s: BulletinSeries): string {
  return `${s.name}（${s.quarterlyTarget === null ? '' : `季度指标${s.quarterlyTarget}分，`}年度指标${s.annualTarget}分）`;
}

/** Paragraphs of an editor's text: one per non-empty line. */
function textParagraphs(text: string): DocumentBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph', text: line }));
}

function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

export function bulletinOfficialDocument(bulletin: BulletinDocument): OfficialDocument {
  const blocks: DocumentBlock[] = [...textParagraphs(bulletin.textBefore)];
  const sections: { heading: string; blocks: DocumentBlock[] }[] = [];
  sections.push({
    heading: '总体情况',
    blocks: bulletinOverview(bulletin).map((text): DocumentBlock => ({ kind: 'paragraph', text })),
  });
  sections.push({
    heading: '各单位信息报送及得分情况',
    blocks: [
      { kind: 'paragraph', text: `统计截至${chineseDate(bulletin.asOf)}。` },
      ...bulletin.series.map((s): DocumentBlock => ({
        kind: 'table',
        caption: targetLine(s),
        columns: seriesColumns(bulletin),
        rows: s.rows.map((row) => seriesCells(bulletin, row)),
      })),
    ],
  });
  sections.push({
    heading: '通报批评',
    blocks: [
      {
        kind: 'paragraph',
        text:
          bulletin.criticised.length > 0
            ? `以下单位未能完成本季度信息报送工作任务，以书面形式予以通报批评：${bulletin.criticised.join('、')}。`
            : '本季度各单位均完成信息报送工作任务。',
      },
    ],
  });
  if (bulletin.failedStreak.length > 0)
    sections.push({
      heading: `连续${bulletin.failedStreakThreshold}个考核季度未完成任务的单位`,
      blocks: [
        {
          kind: 'paragraph',
          text: `以下单位连续${bulletin.failedStreakThreshold}个考核季度没有完成信息报送工作任务，对其单位分管领导和信息员给予通报批评，并建议该单位更换信息员。`,
        },
        {
          kind: 'table',
          columns: ['单位', '连续未完成季度', '分管领导', '信息员', '处理意见'],
          rows: bulletin.failedStreak.map((f) => [
            f.unit,
            f.streak,
            f.leaders.join('、') || '未登记',
            f.officers.join('、') || '未登记',
            '通报批评，建议更换信息员',
          ]),
        },
      ],
    });
  if (bulletin.adjustments.length > 0)
    sections.push({
      heading: '前期得分调整',
      blocks: [
        { kind: 'paragraph', text: '因记录更正，以下单位此前已通报季度的得分调整如下：' },
        {
          kind: 'table',
          columns: ['单位', '季度', '原得分', '调整后', '原因'],
          rows: bulletin.adjustments.map((a) => [
            a.unit,
            a.year !== undefined && a.year !== bulletin.year ? `${a.year}年第${a.quarter}季度` : `第${a.quarter}季度`,
            a.before,
            a.after,
            a.reasons.join('；'),
          ]),
        },
      ],
    });
  sections.forEach((section, index) => {
    blocks.push({ kind: 'heading', text: `${NUMERALS[index]}、${section.heading}` }, ...section.blocks);
  });
  blocks.push(...textParagraphs(bulletin.textAfter));
  blocks.push(
    { kind: 'pageBreak' },
    { kind: 'heading', text: '附件：本季度采用信息目录' },
    bulletin.annex.length > 0
      ? {
          kind: 'table',
          columns: ['序号', '标题', '单位', '采用载体', '得分'],
          rows: bulletin.annex.map((a, index) => [index + 1, a.title, a.unit, a.outlet, a.points]),
        }
      : { kind: 'paragraph', text: '本季度无采用信息。' }
  );
  return {
    masthead: {
      ...officeIdentity().bulletin,
      issueLine: bulletinIssueLine(bulletin.year, bulletin.quarter),
      issuer: bulletin.issuer,
      date: chineseDate(bulletin.issuedOn),
    },
    title: bulletinTitle(bulletin.year, bulletin.quarter),
    blocks,
    closing: [`${bulletin.issuer}${'\u3000'.repeat(2)}${chineseDate(bulletin.issuedOn)}印发`],
  };
}
