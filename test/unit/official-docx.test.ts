import { describe, expect, it } from 'vitest';
import { renderChartImage } from '../../src/files/chart-image.js';
import type { OfficialDocument } from '../../src/files/document-model.js';
import { renderOfficialDocx } from '../../src/files/official-docx.js';
import { readDocxLayout, readPackageParts, runsContaining } from '../helpers/office-files.js';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

const sample: OfficialDocument = {
  masthead: {
    name: '番府信息',
    subtitle: '工作通讯',
    issueLine: '2011年第1期',
    issuer: '番禺区人民政府办公室',
    date: '2011年4月8日',
  },
  title: '2011年第一季度政务信息工作通报',
  blocks: [
    { kind: 'heading', text: '一、总体情况' },
    { kind: 'paragraph', text: '第一季度，各单位共报送信息 312 条。' },
    {
      kind: 'table',
      caption: '镇(街)序列',
      columns: ['单位', '本季度得分'],
      rows: [
        ['沙湾镇', 12.5],
        ['大石街', null],
      ],
    },
    { kind: 'article', title: '沙湾镇推进古镇保护', paragraphs: ['第一段。', '第二段。'], source: '沙湾镇' },
  ],
  closing: ['番禺区人民政府办公室 2011年4月8日印发'],
};

describe('a document laid out after GB/T 9704-2012', () => {
  it('is A4 with the standard margins and 22 lines a page', async () => {
    const layout = await readDocxLayout(await renderOfficialDocx(sample));
    expect(layout.page).toEqual({ width: 11906, height: 16838 });
    expect(layout.margin).toEqual({ top: twips(37), left: twips(28), bottom: twips(35), right: twips(26) });
    expect(Math.floor((16838 - twips(37) - twips(35)) / layout.linePitch!)).toBe(22);
    // Every paragraph keeps that pitch as its exact height (no line grid, which LibreOffice snaps tables to).
    expect(layout.exactLineHeight).toBe(layout.linePitch);
  });

  it('sets the body in 仿宋_GB2312 三号 with the East Asian font named, and the title in 方正小标宋简体 二号', async () => {
    const docx = await renderOfficialDocx(sample);
    const layout = await readDocxLayout(docx);
    expect(layout.defaultEastAsiaFont).toBe('仿宋_GB2312');
    // Simplified Chinese, so a CJK font shows its Chinese glyph shapes rather than its Japanese ones.
    expect(layout.defaultEastAsiaLanguage).toBe('zh-CN');
    expect(layout.defaultSize).toBe(32);
    const [body] = await runsContaining(docx, '各单位共报送信息');
    expect(body).toMatchObject({ eastAsia: '仿宋_GB2312', size: 32 });
    const [title] = await runsContaining(docx, '政务信息工作通报');
    expect(title).toMatchObject({ eastAsia: '方正小标宋简体', size: 44 });
  });

  it('prints the masthead in red and numbers the pages "— N —" in 宋体 四号', async () => {
    const docx = await renderOfficialDocx(sample);
    const [name] = await runsContaining(docx, '番府信息');
    expect(name.color).toBe('FF0000');
    const layout = await readDocxLayout(docx);
    expect(layout.text).toContain('2011年第1期');
    expect(layout.footerText).toBe('— {PAGE} —');
  });

  it('keeps tables as rows of cells with numbers written out and empty cells empty', async () => {
    const layout = await readDocxLayout(await renderOfficialDocx(sample));
    expect(layout.tables).toEqual([
      [
        ['单位', '本季度得分'],
        ['沙湾镇', '12.5'],
        ['大石街', ''],
      ],
    ]);
    expect(layout.text).toContain('沙湾镇推进古镇保护');
    expect(layout.text).toContain('（沙湾镇）');
  });

  it('embeds a chart as a PNG picture', async () => {
    const chart = renderChartImage({
      categories: ['镇(街)序列', '直报点序列'],
      series: [{ name: '第一季度', type: 'bar', data: [3, 1] }],
    });
    const docx = await renderOfficialDocx({
      blocks: [{ kind: 'image', png: chart.png, widthPx: chart.widthPx, heightPx: chart.heightPx, widthMm: 150 }],
    });
    const layout = await readDocxLayout(docx);
    expect(layout.media).toHaveLength(1);
    expect(layout.media[0]).toMatch(/\.png$/);
    // Its paragraph is not held to the body's exact line height, which would cut the picture to one line.
    const document = (await readPackageParts(docx)).get('word/document.xml')!;
    const picture = /<w:p>(?:(?!<\/w:p>)[\s\S])*<w:drawing>/.exec(document)![0];
    expect(picture).toContain('w:lineRule="auto"');
  });
});

describe('a table too wide for a portrait page', () => {
  const sections = async (columns: string[], row: (string | number)[]) => {
    const docx = await renderOfficialDocx({
      title: '横排表格',
      blocks: [
        { kind: 'paragraph', text: '前文。' },
        { kind: 'table', columns, rows: [row] },
        { kind: 'paragraph', text: '后文。' },
      ],
    });
    const document = (await readPackageParts(docx)).get('word/document.xml')!;
    return [...document.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="(\w+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
      m[3],
    ]);
  };

  it('gets a landscape section of its own, and the document ends on a portrait page', async () => {
    // A bulletin's row: the unit and sixteen figures under headers of up to six characters.
    const columns = ['单位', ...Array.from({ length: 16 }, (_, i) => `第${i + 1}项得分`)];
    expect(await sections(columns, ['区人力资源和社会保障局', ...columns.slice(1).map((_, i) => i * 10)])).toEqual([
      [11906, 16838, 'portrait'],
      [16838, 11906, 'landscape'],
      [11906, 16838, 'portrait'],
    ]);
  });

  it('stays on the portrait page where its columns fit, a dozen short figures among them', async () => {
    const columns = Array.from({ length: 12 }, (_, i) => `第${i + 1}列`);
    expect(await sections(columns, ['沙湾镇', ...columns.slice(1).map((_, i) => i)])).toEqual([
      [11906, 16838, 'portrait'],
    ]);
  });
});

describe('a chart rendered on the server', () => {
  it('draws the categories and series of its data as SVG and a PNG twice the size', () => {
    const chart = renderChartImage(
      { categories: ['镇(街)序列', '工作部门序列A类'], series: [{ name: '上半年', type: 'bar', data: [12, 8] }] },
      400,
      200
    );
    expect(chart.svg).toContain('镇(街)序列');
    expect(chart.svg).toContain('上半年');
    expect(chart.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(chart.png.readUInt32BE(16)).toBe(800);
    expect(chart.png.readUInt32BE(20)).toBe(400);
  });
});
