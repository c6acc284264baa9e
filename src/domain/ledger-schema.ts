import type { IsoDate } from './dates.js';
import { recordDateProblem } from './record-date.js';
import { FORBIDDEN_CHARACTERS_PROBLEM, hasForbiddenCharacters } from './text-characters.js';
import { outletGradesByKind, type Policy } from './policy.js';
import { isEmailAddress, MAX_EMAIL_LENGTH } from './email-address.js';

/**
 * The ledger (台账) record schema of ledger-and-cli.md: one table of fields per record type,
 * with the Chinese column headers of the CSV/XLSX forms. The same table validates JSON
 * Lines, CSV and XLSX records and writes the spreadsheet template.
 */

export const RECORD_TYPES = [
  'item',
  'adoption',
  'instruction',
  'upward',
  'solicitation',
  'response',
  'penalty',
  'contact',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Chinese names of the record types: CSV `类型` values and XLSX sheet names. */
export const RECORD_TYPE_LABELS: Record<RecordType, string> = {
  item: '信息稿件',
  adoption: '采用',
  instruction: '批示',
  upward: '上级采用',
  solicitation: '约稿',
  response: '约稿回复',
  penalty: '扣分',
  contact: '信息员名册',
};

type FieldKind = 'string' | 'text' | 'date' | 'policyDate' | 'enum' | 'unit' | 'unitList' | 'ref' | 'email';

export interface FieldSpec {
  name: string;
  /** Column header in CSV and XLSX. */
  label: string;
  kind: FieldKind;
  /** Required always, or only when another field has one of some values (kind when the outlet grades by kind). */
  required: boolean | { field: string; equals: readonly string[] };
  /** Allowed codes with their Chinese labels; either is accepted on import. */
  values?: Record<string, string>;
  /** For kind `ref`: the record type referred to. */
  refType?: RecordType;
  maxLength?: number;
  /** The code an absent optional value stands for (a roster without 编制 records 其他). */
  absentMeans?: string;
}

/**
 * The policy's vocabulary as a ledger names it: the codes of outlets, item kinds and upward
 * levels, each with the Chinese label a spreadsheet may carry instead of the code.
 */
export interface LedgerVocabulary {
  outlets: Record<string, string>;
  kinds: Record<string, string>;
  upwardLevels: Record<string, string>;
  /** Outlets that grade items by kind (《番府信息上报》): an adoption there names its kind. */
  gradedOutlets: string[];
}

/**
 * The short labels the ledger template has always written for the first policy's (panyu-2010)
 * codes. Spreadsheets filled in with them must keep importing, so they win over the policy's
 * longer names; a code a later policy introduces is labelled with the policy's own name.
 */
const TEMPLATE_LABELS: LedgerVocabulary = {
  outlets: { portal: '区政府门户网站', dynamic: '番府信息(政务动态)', report: '番府信息上报' },
  kinds: { research: '综合调研', headline: '标题信息', brief: '短波信息' },
  upwardLevels: { city: '市级', province: '省级' },
  gradedOutlets: ['report'],
};

/**
 * The vocabulary of every stored policy version (oldest first), so a record dated under any
 * version validates: a ledger may carry an outlet or kind a later version introduced.
 */
export function ledgerVocabulary(policies: readonly Pick<Policy, 'outlets' | 'kinds' | 'upward'>[]): LedgerVocabulary {
  const vocabulary: LedgerVocabulary = { outlets: {}, kinds: {}, upwardLevels: {}, gradedOutlets: [] };
  const add = (table: Record<string, string>, labels: Record<string, string>, code: string, name: string) => {
    if (!(code in table)) table[code] = labels[code] ?? name;
  };
  for (const policy of policies) {
    for (const [code, outlet] of Object.entries(policy.outlets)) {
      add(vocabulary.outlets, TEMPLATE_LABELS.outlets, code, outlet.name);
      if (outletGradesByKind(outlet) && !vocabulary.gradedOutlets.includes(code)) vocabulary.gradedOutlets.push(code);
    }
    for (const [code, name] of Object.entries(policy.kinds)) add(vocabulary.kinds, TEMPLATE_LABELS.kinds, code, name);
    for (const [code, level] of Object.entries(policy.upward))
      add(vocabulary.upwardLevels, TEMPLATE_LABELS.upwardLevels, code, level.name);
  }
  return vocabulary;
}

const field = (
  name: string,
  label: string,
  kind: FieldKind,
  required: FieldSpec['required'],
  extra: Partial<FieldSpec> = {}
): FieldSpec => ({
  name,
  label,
  kind,
  required,
  ...extra,
});

/** Field tables by record type, in column order, under a policy vocabulary. `type` and `id` come first in every record. */
export function ledgerFields(vocabulary: LedgerVocabulary): Record<RecordType, FieldSpec[]> {
  const { outlets, kinds, upwardLevels, gradedOutlets } = vocabulary;
  return {
    item: [
      field('unit', '单位', 'unit', true),
      field('title', '标题', 'string', true, { maxLength: 200 }),
      field('submitted', '报送日期', 'date', true),
      field('body', '正文', 'text', false, { maxLength: 20000 }),
      field('category', '内容类别', 'string', false, { maxLength: 100 }),
    ],
    adoption: [
      field('item', '稿件编号', 'ref', true, { refType: 'item' }),
      field('outlet', '采用载体', 'enum', true, { values: outlets }),
      field('kind', '信息类型', 'enum', { field: 'outlet', equals: gradedOutlets }, { values: kinds }),
      field('date', '日期', 'policyDate', true),
      field('issue', '期号', 'string', false, { maxLength: 50 }),
    ],
    instruction: [
      field('item', '稿件编号', 'ref', true, { refType: 'item' }),
      field('level', '级别', 'enum', true, { values: { district: '区级', ...upwardLevels } }),
      field('date', '日期', 'policyDate', true),
      field('leader', '批示领导', 'string', false, { maxLength: 100 }),
      field('text', '批示内容', 'text', false, { maxLength: 5000 }),
    ],
    upward: [
      field('item', '稿件编号', 'ref', true, { refType: 'item' }),
      field('level', '级别', 'enum', true, { values: upwardLevels }),
      field('date', '日期', 'policyDate', true),
      field('kind', '信息类型', 'enum', false, { values: kinds }),
    ],
    solicitation: [
      field('issuer', '约稿方', 'enum', true, { values: { district: '区政府办公室', city: '市政府办公厅' } }),
      field('title', '标题', 'string', true, { maxLength: 200 }),
      field('deadline', '截止日期', 'policyDate', true),
      field('units', '约稿对象', 'unitList', false),
    ],
    response: [
      field('solicitation', '约稿编号', 'ref', true, { refType: 'solicitation' }),
      field('item', '稿件编号', 'ref', true, { refType: 'item' }),
    ],
    penalty: [
      field('unit', '单位', 'unit', true),
      field('reason', '扣分原因', 'enum', true, {
        values: { late_solicitation: '不按时间及要求上报约稿信息', criticism: '受到批评' },
      }),
      field('date', '日期', 'policyDate', true),
      field('note', '备注', 'text', false, { maxLength: 2000 }),
    ],
    contact: [
      field('unit', '单位', 'unit', true),
      field('duty', '职责', 'enum', true, {
        values: { leader: '分管领导', director: '直接责任人', officer: '信息员' },
      }),
      field('name', '姓名', 'string', true, { maxLength: 50 }),
      field('post', '职务', 'string', false, { maxLength: 100 }),
      field('phone', '联系电话', 'string', false, { maxLength: 40 }),
      field('email', '电子邮箱', 'email', false, { maxLength: MAX_EMAIL_LENGTH }),
      field('staffing', '编制', 'enum', false, {
        values: { civil_servant: '在编公务员', permanent: '正式编制人员', other: '其他' },
        absentMeans: 'other',
      }),
      field('from', '任职日期', 'date', true),
      field('to', '离任日期', 'date', false),
    ],
  };
}

/** The field tables under the template's vocabulary (the first policy's): the template and the column headers use them. */
export const RECORD_FIELDS: Record<RecordType, FieldSpec[]> = ledgerFields(TEMPLATE_LABELS);

export const TYPE_LABEL = '类型';
export const ID_LABEL = '编号';

/** A field value after validation: text, a list of unit names, or absent. */
export type FieldValue = string | string[] | null;

/** A validated ledger record: every field of its type present (null when absent), values normalized to codes. */
export interface LedgerRecord {
  type: RecordType;
  id: string;
  fields: Record<string, FieldValue>;
}

export interface ValidationContext {
  /** Records dated before the earliest policy are refused. */
  earliestPolicyDate: IsoDate;
  /** Whether a unit name is known (the annex units, or those stored). */
  hasUnit: (name: string) => boolean;
  /** The field tables of the stored policies' vocabulary (`ledgerFields(ledgerVocabulary(policies))`); the template's when absent. */
  fields?: Record<RecordType, FieldSpec[]>;
}

/** Separators accepted between unit names in a CSV/XLSX `约稿对象` cell. */
const UNIT_LIST_SEPARATOR = /[、,，;；\n]+/;

/** The record type named by a code or its Chinese label, if any. */
export function recordTypeOf(value: unknown): RecordType | undefined {
  return typeof value === 'string' ? (TYPE_BY_NAME.get(value) ?? TYPE_BY_NAME.get(value.trim())) : undefined;
}

const TYPE_BY_NAME = new Map<string, RecordType>(
  RECORD_TYPES.flatMap(
    (t) =>
      [
        [t, t],
        [RECORD_TYPE_LABELS[t], t],
      ] as [string, RecordType][]
  )
);

/** How a field is named in messages: `outlet（采用载体）`. */
export function fieldName(spec: Pick<FieldSpec, 'name' | 'label'>): string {
  return `${spec.name}（${spec.label}）`;
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * Validates one raw record (JSON object, or a spreadsheet row keyed by field name) against
 * its type's field table. Returns the normalized record, or every problem found, each
 * naming the field and the value. References to other records are checked later, against
 * the whole file and the database.
 */
export function validateLedgerRecord(
  raw: Record<string, unknown>,
  context: ValidationContext
): { record: LedgerRecord } | { problems: string[] } {
  const problems: string[] = [];
  const type = recordTypeOf(raw.type);
  if (type === undefined) {
    const shown =
      raw.type === undefined
        ? '缺少字段 type（类型）'
        : `type（类型）的值 ${describe(raw.type)} 无效，应为 ${RECORD_TYPES.join('、')} 之一`;
    return { problems: [shown] };
  }

  let id: string | undefined;
  if (typeof raw.id === 'string' && raw.id.trim() !== '') id = raw.id.trim();
  else if (typeof raw.id === 'number' && Number.isInteger(raw.id) && raw.id >= 0) id = String(raw.id);
  else
    problems.push(
      raw.id === undefined || raw.id === null || raw.id === ''
        ? '缺少字段 id（编号）'
        : `id（编号）的值 ${describe(raw.id)} 无效，应为非空字符串`
    );
  if (id !== undefined && id.length > 100) problems.push(`id（编号）过长（${id.length} 个字符，最多 100）`);
  if (id !== undefined && hasForbiddenCharacters(id))
    problems.push(`id（编号）的值 ${describe(raw.id)} ${FORBIDDEN_CHARACTERS_PROBLEM}`);

  const specs = (context.fields ?? RECORD_FIELDS)[type];
  const known = KNOWN_FIELDS[type];
  for (const key in raw) {
    if (!known.has(key) && raw[key] !== null && raw[key] !== undefined && raw[key] !== '') {
      problems.push(
        `${type} 记录没有字段 ${key}（值 ${describe(raw[key])}）；可用字段：${specs.map((s) => s.name).join('、')}`
      );
    }
  }

  const fields: Record<string, FieldValue> = {};
  for (const spec of specs) {
    const value = normalizeField(spec, raw[spec.name], context);
    if (value instanceof FieldProblem) problems.push(value.message);
    else fields[spec.name] = value;
  }
  for (const spec of specs) {
    const condition = spec.required;
    if (
      typeof condition === 'object' &&
      fields[spec.name] === null &&
      condition.equals.includes(fields[condition.field] as string)
    ) {
      problems.push(`缺少字段 ${fieldName(spec)}：${condition.field} 为 ${fields[condition.field] as string} 时必填`);
    }
  }
  // A kind only means something where the outlet grades items by kind (《番府信息上报》).
  const kindCondition = type === 'adoption' ? specs.find((s) => s.name === 'kind')?.required : undefined;
  if (
    typeof kindCondition === 'object' &&
    fields.outlet !== undefined &&
    !kindCondition.equals.includes(fields.outlet as string)
  )
    fields.kind = null;

  if (type === 'contact' && typeof fields.from === 'string' && typeof fields.to === 'string' && fields.to < fields.from)
    problems.push(`to（离任日期）的值 ${fields.to} 早于 from（任职日期）${fields.from}`);

  if (problems.length > 0 || id === undefined) return { problems };
  return { record: { type, id, fields } };
}

/** A field's problem, returned rather than thrown: a million-record import validates in a tight loop. */
class FieldProblem {
  constructor(readonly message: string) {}
}

/** Field names each record type may carry, `type` and `id` included. */
const KNOWN_FIELDS = Object.fromEntries(
  RECORD_TYPES.map((type) => [type, new Set(['type', 'id', ...RECORD_FIELDS[type].map((s) => s.name)])])
) as Record<RecordType, Set<string>>;

function normalizeField(spec: FieldSpec, raw: unknown, context: ValidationContext): FieldValue | FieldProblem {
  const isAbsent = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (isAbsent) {
    if (spec.required === true) return new FieldProblem(`缺少字段 ${fieldName(spec)}`);
    return spec.absentMeans ?? null;
  }

  if (spec.kind === 'unitList') return normalizeUnitList(spec, raw, context);
  if (typeof raw !== 'string') return new FieldProblem(`${fieldName(spec)} 的值 ${describe(raw)} 无效，应为字符串`);
  if (hasForbiddenCharacters(raw))
    return new FieldProblem(`${fieldName(spec)} 的值 ${describe(raw)} ${FORBIDDEN_CHARACTERS_PROBLEM}`);
  const text = raw.trim();
  if (spec.maxLength !== undefined && text.length > spec.maxLength) {
    return new FieldProblem(`${fieldName(spec)} 过长（${text.length} 个字符，最多 ${spec.maxLength}）`);
  }

  switch (spec.kind) {
    case 'date':
    case 'policyDate': {
      // A ledger records the past, but has no today of its own: only an item's submission may precede the policies.
      const problem = recordDateProblem(
        text,
        spec.kind === 'policyDate' ? { earliestPolicyDate: context.earliestPolicyDate } : {}
      );
      if (problem === 'not_a_date')
        return new FieldProblem(`${fieldName(spec)} 的值 ${describe(raw)} 不是有效日期，应为 YYYY-MM-DD`);
      if (problem === 'before_policy')
        return new FieldProblem(
          `${fieldName(spec)} 的值 ${text} 早于最早的考核政策生效日期 ${context.earliestPolicyDate}`
        );
      return text;
    }
    case 'enum': {
      const values = spec.values ?? {};
      const code = Object.keys(values).find((c) => c === text || values[c] === text);
      if (code === undefined) {
        const allowed = Object.entries(values)
          .map(([c, label]) => `${c}（${label}）`)
          .join('、');
        return new FieldProblem(`${fieldName(spec)} 的值 ${describe(raw)} 无效，应为 ${allowed} 之一`);
      }
      return code;
    }
    case 'email':
      return isEmailAddress(text)
        ? text
        : new FieldProblem(`${fieldName(spec)} 的值 ${describe(raw)} 不是有效的电子邮箱地址`);
    case 'unit':
      return context.hasUnit(text)
        ? text
        : new FieldProblem(`${fieldName(spec)} 的值 ${describe(raw)} 不是已登记的报送单位`);
    default:
      return text;
  }
}

function normalizeUnitList(spec: FieldSpec, raw: unknown, context: ValidationContext): FieldValue | FieldProblem {
  let names: unknown[];
  if (Array.isArray(raw)) names = raw;
  else if (typeof raw === 'string') names = raw.split(UNIT_LIST_SEPARATOR).filter((n) => n.trim() !== '');
  else return new FieldProblem(`${fieldName(spec)} 的值 ${describe(raw)} 无效，应为单位名称的数组`);
  if (names.length === 0) return new FieldProblem(`${fieldName(spec)} 不能为空列表；面向全部单位时请省略该字段`);
  const bad = names.filter((n) => typeof n !== 'string' || !context.hasUnit(n.trim()));
  if (bad.length > 0)
    return new FieldProblem(`${fieldName(spec)} 含有未登记的报送单位：${bad.map(describe).join('、')}`);
  return [...new Set(names.map((n) => (n as string).trim()))].sort();
}

/** Names of the fields whose values differ between two records of the same type. */
export function differingFields(a: LedgerRecord, b: LedgerRecord): string[] {
  return RECORD_FIELDS[a.type]
    .filter((spec) => JSON.stringify(a.fields[spec.name]) !== JSON.stringify(b.fields[spec.name]))
    .map((spec) => spec.name);
}
