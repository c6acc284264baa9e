/**
 * Lays an `OfficialDocument` out as a Word file after GB/T 9704-2012 (党政机关公文格式): A4, margins
 * 37 / 28 / 35 / 26 mm, body 仿宋_GB2312 三号 on 22 lines of 28 characters, title
 * 方正小标宋简体 二号, page numbers "— N —" in 宋体 四号 at the foot. Every run names its East Asian
 * font explicitly, since Word otherwise falls back to the theme's East Asian font for Chinese text.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { DocumentBlock, Masthead, OfficialDocument } from './document-model.js';

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), left: mm(28), bottom: mm(35), right: mm(26) },
} as const;

export const FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading: '黑体',
  pageNumber: '宋体',
} as const;

/** Half-points: 三号 16 pt, 二号 22 pt, 四号 14 pt; 小四 12 pt (五号 10.5 pt in wide tables) for table cells. */
const SIZE = { body: 32, title: 44, pageNumber: 28, table: 24, wideTable: 21, masthead: 72 } as const;

const RED = 'FF0000';
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/**
 * The body's line pitch, so 22 lines fill the text area. Every paragraph has it as its exact line
 * height unless it says otherwise, rather than a document line grid: LibreOffice, which makes our
 * PDFs, snaps even exact-height table lines to such a grid, so a table row took a body line and
 * a long bulletin table five rows a page.
 */
const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);
const ON_PITCH = { line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;
/** Lines of text larger than the body's (the masthead, titles) take the room they need. */
const AT_LEAST_PITCH = { line: LINE_PITCH, lineRule: LineRuleType.AT_LEAST } as const;
/**
 * 28 characters a line: each body character is narrowed by the difference between its width and
 * the text width's 28th, rounded up so the 28th still fits. A character grid (`linesAndChars` with a
 * negative `charSpace`) would say the same to Word, but LibreOffice, which makes our PDFs, spreads
 * such a grid to about half as many characters; a run's spacing both lay out alike.
 */
const BODY_CHAR_SPACING = -Math.ceil(SIZE.body * 10 - TEXT_WIDTH / CHARS_PER_LINE);

function font(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, font: font(FONTS.body), size: SIZE.body, ...options });
}

/** A run of body text on the 28-character line. */
function bodyRun(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return run(text, { characterSpacing: BODY_CHAR_SPACING, ...options });
}

function mastheadParagraphs(masthead: Masthead): Paragraph[] {
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...AT_LEAST_PITCH, before: 240, after: 120 },
      children: [run(masthead.name, { font: font(FONTS.title), size: SIZE.masthead, color: RED })],
    }),
  ];
  if (masthead.subtitle)
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(`（${masthead.subtitle}）`, { font: font(FONTS.title), size: SIZE.body, color: RED })],
      })
    );
  paragraphs.push(
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(masthead.issueLine)] }),
    // The issuer at the left and the date at the right, over the red rule (版头中的分隔线).
    new Paragraph({
      tabStops: [{ type: 'right', position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
      spacing: { after: 240 },
      children: [run(masthead.issuer), run(`\t${masthead.date}`)],
    })
  );
  return paragraphs;
}

function titleParagraph(title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...AT_LEAST_PITCH, after: LINE_PITCH },
    children: [run(title, { font: font(FONTS.title), size: SIZE.title })],
  });
}

function bodyParagraph(text: string, indent = true, align?: 'left' | 'center' | 'right'): Paragraph {
  return new Paragraph({
    alignment:
      align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: indent && !align ? { firstLine: SIZE.body * 20 } : undefined,
    children: [bodyRun(text)],
  });
}

function tableCell(value: string | number | null, header: boolean, size: number): TableCell {
  const numeric = typeof value === 'number';
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // Exact line height: cells keep their own small lines instead of the body's 22 a page.
        spacing: { line: Math.round(size * 12.5), lineRule: LineRuleType.EXACT },
        children: [
          run(value === null ? '' : String(value), {
            size,
            bold: header,
            font: font(header ? FONTS.heading : FONTS.body),
          }),
        ],
      }),
    ],
  });
}

/** A text's width in Chinese characters: Latin letters and figures take about half one. */
function textWidth(value: string | number | null): number {
  let width = 0;
  for (const character of value === null ? '' : String(value)) width += character.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return width;
}

const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 } as const;

/** Columns of at most this many characters (figures, most unit names) keep their width when space is short. */
const SHORT_COLUMN = 8;

/**
 * Column widths across the text width (twips). Each column asks for what it holds: all its cells
 * on one line where they are short (figures, most unit names), else four in five of them (up to 24
 * characters), its header on at most three lines, two characters at least. Where the asks exceed
 * the width, the short columns keep theirs and the long ones (titles) share the rest; where they
 * fit, every column grows alike. A 16-column bulletin table so keeps to one landscape page per
 * series, and an annex gives its titles the width.
 */
function columnWidths(columns: string[], rows: (string | number | null)[][], width: number, size: number): number[] {
  const { characters, wanted } = columnAsks(columns, rows, size);
  const share = (among: readonly boolean[], room: number) => {
    const base = wanted.reduce((sum, w, i) => (among[i] ? sum + w : sum), 0);
    return wanted.map((w, i) => (among[i] ? Math.floor((w * room) / base) : w));
  };
  const everyColumn = columns.map(() => true);
  if (wanted.reduce((a, b) => a + b, 0) <= width) return share(everyColumn, width);
  const long = characters.map((c) => c > SHORT_COLUMN);
  const kept = wanted.reduce((sum, w, i) => (long[i] ? sum : sum + w), 0);
  if (!long.some(Boolean) || kept >= width) return share(everyColumn, width);
  return share(long, width - kept);
}

/** What each column asks for, in characters and in twips at the table's type size. */
function columnAsks(columns: string[], rows: (string | number | null)[][], size: number) {
  const characters = columns.map((header, index) => {
    const cells = rows.map((row) => textWidth(row[index] ?? null)).sort((a, b) => a - b);
    const longest = cells.at(-1) ?? 0;
    const typical = longest <= SHORT_COLUMN ? longest : cells[Math.floor((cells.length - 1) * 0.8)];
    return Math.max(2, Math.ceil(textWidth(header) / 3), Math.min(Math.ceil(typical), 24));
  });
  // A little over the characters themselves: a line exactly as wide as its text wraps the last one.
  const wanted = characters.map((c) => Math.ceil((c + 0.3) * size * 10) + CELL_MARGIN.left + CELL_MARGIN.right);
  return { characters, wanted };
}

/** A table of many columns is set in 五号 so its headers stay readable. */
const tableSize = (columns: readonly string[]) => (columns.length > 8 ? SIZE.wideTable : SIZE.table);

function table(columns: string[], rows: (string | number | null)[][], width: number): Table {
  const size = tableSize(columns);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columnWidths(columns, rows, width, size),
    layout: TableLayoutType.FIXED,
    // A little air above and below each cell's text, so it does not touch the lines.
    margins: CELL_MARGIN,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => tableCell(c, true, size)) }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((value) => tableCell(value, false, size)) })
      ),
    ],
  });
}

function blockElements(block: DocumentBlock, width = TEXT_WIDTH): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ keepNext: true, children: [bodyRun(block.text, { font: font(FONTS.heading) })] })];
    case 'paragraph':
      return [bodyParagraph(block.text, block.indent ?? true, block.align)];
    case 'article':
      return [
        // An item's title is the title of its page (GB/T 9704: 方正小标宋简体 二号).
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: AT_LEAST_PITCH,
          children: [run(block.title, { font: font(FONTS.title), size: SIZE.title })],
        }),
        ...block.paragraphs.map((p) => bodyParagraph(p)),
        ...(block.source ? [bodyParagraph(`（${block.source}）`, false, 'right')] : []),
      ];
    case 'table':
      return [
        ...(block.caption
          ? [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(block.caption)] })]
          : []),
        table(block.columns, block.rows, width),
        new Paragraph({ children: [] }),
      ];
    case 'image': {
      // docx sizes pictures in pixels at 96 dpi.
      const width = Math.round((block.widthMm / 25.4) * 96);
      const height = Math.round((width * block.heightPx) / block.widthPx);
      return [
        ...(block.caption
          ? [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(block.caption)] })]
          : []),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          // Single spacing: on the body's exact pitch a picture would be cut to one line's height.
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: [new ImageRun({ type: 'png', data: block.png, transformation: { width, height } })],
        }),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The page number "— N —", 宋体 四号, centred (GB/T 9704 puts it outside; centred reads the same both sides). */
function pageNumberFooter(): Footer {
  const options = { font: font(FONTS.pageNumber), size: SIZE.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // Single spacing: on the body's pitch the footer outgrows the bottom margin and LibreOffice
        // takes the room from the text (20 lines a page instead of 22).
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ ...options, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** A table too wide for a portrait page (a bulletin's dozen figures per unit) gets a landscape page (横排表格). */
function isWideTable(block: DocumentBlock): boolean {
  if (block.kind !== 'table') return false;
  const { characters, wanted } = columnAsks(block.columns, block.rows, tableSize(block.columns));
  // Too wide even with its long columns (titles) wrapped to a few characters.
  const least = wanted.reduce((sum, w, i) => sum + (characters[i] > SHORT_COLUMN ? w / 3 : w), 0);
  return least > TEXT_WIDTH;
}

/** The landscape page: the portrait page turned, its top and bottom margins now at the sides. */
const LANDSCAPE = {
  width: PAGE.height,
  height: PAGE.width,
  margin: { top: PAGE.margin.left, bottom: PAGE.margin.right, left: PAGE.margin.top, right: PAGE.margin.bottom },
} as const;
const LANDSCAPE_TEXT_WIDTH = LANDSCAPE.width - LANDSCAPE.margin.left - LANDSCAPE.margin.right;

interface Part {
  landscape: boolean;
  children: (Paragraph | Table)[];
}

/** The body in sections: portrait, with a landscape one for each run of wide tables. */
function bodyParts(document: OfficialDocument): Part[] {
  const parts: Part[] = [
    {
      landscape: false,
      children: [
        ...(document.masthead ? mastheadParagraphs(document.masthead) : []),
        ...(document.title ? [titleParagraph(document.title)] : []),
      ],
    },
  ];
  for (const block of document.blocks) {
    const landscape = isWideTable(block);
    if (parts.at(-1)!.landscape !== landscape) parts.push({ landscape, children: [] });
    parts.at(-1)!.children.push(...blockElements(block, landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH));
  }
  // The document ends on a portrait page, where the closing lines (版记) go.
  if (parts.at(-1)!.landscape) parts.push({ landscape: false, children: [] });
  return parts;
}

function closingParagraphs(closing: readonly string[]): Paragraph[] {
  if (closing.length === 0) return [];
  return [
    new Paragraph({ children: [] }),
    ...closing.map(
      (line, index) =>
        new Paragraph({
          border: {
            ...(index === 0 ? { top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 } } : {}),
            bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
          },
          children: [run(line, { size: 28 })],
        })
    ),
  ];
}

/** The `.docx` bytes of a document. */
export async function renderOfficialDocx(document: OfficialDocument): Promise<Buffer> {
  const parts = bodyParts(document);
  parts.at(-1)!.children.push(...closingParagraphs(document.closing ?? []));
  const doc = new Document({
    creator: '政务信息报送与考核系统',
    title: document.title ?? document.masthead?.name,
    styles: {
      default: {
        // Chinese as the language of East Asian text: Word breaks its lines by it and LibreOffice picks
        // the simplified-Chinese face of a CJK font (else Japanese glyph shapes, e.g. 直 and 骨). Latin
        // text keeps its own language, or LibreOffice would break a figure such as 150 across lines.
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: { eastAsia: 'zh-CN' } },
          paragraph: { spacing: ON_PITCH },
        },
      },
    },
    sections: parts.map((part) => {
      const page = part.landscape ? LANDSCAPE : PAGE;
      return {
        properties: {
          page: {
            // docx turns the portrait size itself when told the orientation.
            size: {
              width: PAGE.width,
              height: PAGE.height,
              orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { ...page.margin, footer: part.landscape ? mm(14) : mm(28) },
          },
          // The pitch is stated for Word's 页面设置 (22 lines), with no grid type: a line grid would
          // have LibreOffice snap table lines to it (see LINE_PITCH); the paragraphs keep the pitch.
          grid: { linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter() },
        children: part.children,
      };
    }),
  });
  return Packer.toBuffer(doc);
}
