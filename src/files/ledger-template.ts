import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  ID_LABEL,
  RECORD_FIELDS,
  RECORD_TYPES,
  RECORD_TYPE_LABELS,
  TYPE_LABEL,
  type FieldSpec,
  type RecordType,
} from '../domain/ledger-schema.js';
import { GUIDE_SHEET } from './read-ledger-file.js';

/**
 * One example per record type, referring to each other so the template itself imports
 * cleanly. Enumerations use their Chinese labels, as an office would type them.
 */
const EXAMPLES: Record<RecordType, Record<string, string>> = {
  item: {
    id: 'I-1',
    unit: '沙湾镇',
    title: '沙湾镇推进古镇保护（政务信息）',
    submitted: '2011-01-05',
    body: '沙湾镇以古镇保护为抓手……（一般450字内）',
    category: '本单位主要工作的进展情况',
  },
  adoption: {
    id: 'A-1',
    item: 'I-1',
    outlet: '番府信息上报',
    kind: '综合调研',
    date: '2011-01-07',
    issue: '2011年第3期',
  },
  instruction: { id: 'N-1', item: 'I-1', level: '区级', date: '2011-01-20', leader: '区长', text: '请认真总结推广。' },
  upward: { id: 'U-1', item: 'I-1', level: '市级', date: '2011-03-01', kind: '' },
  solicitation: {
    id: 'S-1',
    issuer: '区政府办公室',
    title: '关于报送防汛工作情况的约稿',
    deadline: '2011-06-30',
    units: '沙湾镇、石基镇',
  },
  response: { id: 'R-1', solicitation: 'S-1', item: 'I-1' },
  penalty: {
    id: 'P-1',
    unit: '区气象局',
    reason: '受到批评',
    date: '2011-05-20',
    note: '信息报送不及时，受区政府办公室通报批评',
  },
  contact: {
    id: 'C-1',
    unit: '沙湾镇',
    duty: '信息员',
    name: '陈某某',
    post: '党政办科员',
    phone: '13800138000',
    email: 'xinxi@shawan.example.gov.cn',
    staffing: '在编公务员',
    from: '2010-03-01',
    to: '',
  },
};

/** Writes the import template: `.xlsx` with one sheet per record type and a guide, or `.csv` as one table. */
export async function writeLedgerTemplate(file: string): Promise<void> {
  const directory = path.dirname(path.resolve(file));
  if (!fs.existsSync(directory)) throw new Error(`目录不存在：${directory}`);
  if (path.extname(file).toLowerCase() === '.csv') return writeCsvTemplate(file);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政务信息报送与考核系统';
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 12 }, { width: 12 }, { width: 14 }, { width: 8 }, { width: 70 }];
  guide.addRow(['工作表', '列', '字段', '必填', '说明']).font = { bold: true };
  for (const type of RECORD_TYPES) {
    guide.addRow([
      RECORD_TYPE_LABELS[type],
      ID_LABEL,
      'id',
      '是',
      '同一工作表内唯一；重复导入相同记录会被跳过，编号相同而内容不同会被拒绝',
    ]);
    for (const spec of RECORD_FIELDS[type])
      guide.addRow([RECORD_TYPE_LABELS[type], spec.label, spec.name, requiredText(spec), explain(spec)]);
  }
  guide.addRow([]);
  guide.addRow([
    '',
    '',
    '',
    '',
    '日期一律写作 YYYY-MM-DD；单位名称须与《番禺区政务信息报送单位名单》完全一致；本“说明”工作表导入时忽略。',
  ]);

  for (const type of RECORD_TYPES) {
    const sheet = workbook.addWorksheet(RECORD_TYPE_LABELS[type]);
    const specs = RECORD_FIELDS[type];
    sheet.columns = [
      { header: ID_LABEL, width: 10 },
      ...specs.map((s) => ({ header: s.label, width: Math.max(12, s.kind === 'text' ? 40 : 16) })),
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.addRow([EXAMPLES[type].id, ...specs.map((s) => EXAMPLES[type][s.name] ?? '')]);
    specs.forEach((spec, i) => {
      if (!spec.values) return;
      const column = sheet.getColumn(i + 2).letter;
      for (let row = 2; row <= 1000; row++) {
        sheet.getCell(`${column}${row}`).dataValidation = {
          type: 'list',
          allowBlank: spec.required !== true,
          formulae: [`"${Object.values(spec.values).join(',')}"`],
        };
      }
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  await workbook.xlsx.writeFile(file);
}

function requiredText(spec: FieldSpec): string {
  if (spec.required === true) return '是';
  if (spec.required === false) return '否';
  return `${spec.required.field} 为 ${spec.required.equals.join(' 或 ')} 时必填`;
}

function explain(spec: FieldSpec): string {
  if (spec.values)
    return `可选值：${Object.entries(spec.values)
      .map(([code, label]) => `${label}（${code}）`)
      .join('、')}${spec.absentMeans ? `；留空即${spec.values[spec.absentMeans]}` : ''}`;
  switch (spec.kind) {
    case 'date':
      return '日期 YYYY-MM-DD';
    case 'policyDate':
      return '日期 YYYY-MM-DD，不得早于考核政策生效日期';
    case 'unit':
      return '报送单位名称';
    case 'email':
      return '电子邮箱地址，如 xinxi@example.gov.cn（用于识别来信单位和发送通知）';
    case 'unitList':
      return '约稿对象单位名称，用顿号“、”分隔；留空表示全部单位';
    case 'ref':
      return `所引用的${RECORD_TYPE_LABELS[spec.refType!]}编号（本文件中或已导入）`;
    default:
      return spec.maxLength ? `文字，最多 ${spec.maxLength} 字` : '文字';
  }
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV form: one table, a `类型` column, and the union of every type's columns. */
async function writeCsvTemplate(file: string): Promise<void> {
  const columns: FieldSpec[] = [];
  for (const type of RECORD_TYPES) {
    for (const spec of RECORD_FIELDS[type]) if (!columns.some((c) => c.name === spec.name)) columns.push(spec);
  }
  const lines = [[TYPE_LABEL, ID_LABEL, ...columns.map((c) => c.label)].join(',')];
  for (const type of RECORD_TYPES) {
    const example = EXAMPLES[type];
    lines.push(
      [
        RECORD_TYPE_LABELS[type],
        example.id,
        ...columns.map((c) => (RECORD_FIELDS[type].some((s) => s.name === c.name) ? (example[c.name] ?? '') : '')),
      ]
        .map(csvCell)
        .join(',')
    );
  }
  // A BOM so that Excel opens the UTF-8 file with its Chinese intact.
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
