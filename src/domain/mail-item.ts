import { isIsoDate, type IsoDate } from './dates.js';
import { TITLE_MARK } from '../shared/item-fields.js';

/**
 * Reading an item out of a mail message (番府办〔2010〕12号 二(四): one message per item, the text in
 * the body, the title marked （政务信息）, the elements 标题、正文、单位、签发人、报送人、公开属性、联系电话、日期
 * stated). Pure: the caller has decoded the MIME already (subject and text body, HTML turned into text).
 */

/** The elements a unit is asked to state, by their Chinese names, in the order the policy lists them. */
export const MAIL_ELEMENTS = ['签发人', '报送人', '公开属性', '联系电话', '日期'] as const;
export type MailElement = (typeof MAIL_ELEMENTS)[number];

export interface MailItem {
  /** The subject without the mark's variants and reply/forward prefixes, ending in （政务信息）. */
  title: string;
  /** Whether the sender marked the title （政务信息） in any variant. */
  titleMarked: boolean;
  /** The text without the element lines. */
  body: string;
  unitName: string | null;
  signer: string | null;
  reporter: string | null;
  phone: string | null;
  /** 日期 as written, turned into YYYY-MM-DD; null when absent or not a date. */
  date: IsoDate | null;
  /** 公开属性: false for 不予公开 / 不公开 / 依申请公开 (not for the public portal), true otherwise. */
  isPublic: boolean;
  /** 重大问题和敏感类信息: a paper copy is due (二(四)4). */
  isMajor: boolean;
  /** Elements the message did not state (or stated unreadably), for the editor. */
  missing: MailElement[];
}

/** Why a message cannot become one item. */
export type MailItemRefusal = { refusal: string };

/** （政务信息） in its variants: half- or full-width round, square or lenticular brackets, spaces anywhere. */
const MARK = /[(（【[〔]\s*政\s*务\s*信\s*息\s*[)）】\]〕]/gu;
/** A bracketed 重大 / 敏感 mark in a title, such as （重大）, 【敏感】, [重大敏感]. */
const MAJOR_MARK =
  /[(（【[〔]\s*(?:重\s*大|敏\s*感)(?:\s*[、/和及]?\s*(?:重\s*大|敏\s*感))?\s*(?:信\s*息)?\s*[)）】\]〕]/gu;
/** A bracketed non-public mark in a title: （不予公开）, （不公开）, （依申请公开）. */
const PRIVATE_MARK = /[(（【[〔]\s*(不\s*予\s*公\s*开|不\s*公\s*开|依\s*申\s*请\s*公\s*开)\s*[)）】\]〕]/gu;
/** Reply and forward prefixes mail programs add: Re:, Fw:, Fwd:, 回复：, 转发：. */
const PREFIX = /^\s*(?:re|fw|fwd|回复|答复|转发)\s*[:：]\s*/iu;

/** Element labels with their usual variants, spaces allowed between the characters. */
const LABELS: readonly { element: MailElement | '单位'; pattern: string }[] = [
  { element: '签发人', pattern: '签\\s*发\\s*人|签\\s*发' },
  { element: '报送人', pattern: '报\\s*送\\s*人|撰\\s*稿\\s*人|撰\\s*稿' },
  { element: '联系电话', pattern: '联\\s*系\\s*电\\s*话|联\\s*系\\s*方\\s*式|电\\s*话' },
  { element: '日期', pattern: '报\\s*送\\s*日\\s*期|日\\s*期' },
  { element: '公开属性', pattern: '公\\s*开\\s*属\\s*性|公\\s*开\\s*类\\s*型' },
  { element: '单位', pattern: '报\\s*送\\s*单\\s*位|单\\s*位' },
];
const LABEL = new RegExp(`(${LABELS.map((l) => l.pattern).join('|')})\\s*[：:]`, 'gu');

function elementOf(label: string): MailElement | '单位' {
  const compact = label.replace(/\s/g, '');
  for (const { element, pattern } of LABELS) if (new RegExp(`^(?:${pattern})$`, 'u').test(compact)) return element;
  return '单位';
}

/** Element values found on one line (`签发人：王某  报送人：李某` counts both), or undefined for a text line. */
function elementLine(line: string): Map<MailElement | '单位', string> | undefined {
  const starts = [...line.matchAll(LABEL)];
  if (starts.length === 0 || line.slice(0, starts[0].index).trim() !== '') return undefined;
  const found = new Map<MailElement | '单位', string>();
  starts.forEach((match, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : line.length;
    const value = line
      .slice(match.index + match[0].length, end)
      .replace(/^[\s，,；;]+|[\s，,；;。]+$/gu, '')
      .trim();
    found.set(elementOf(match[1]), value);
  });
  return found;
}

/** 日期 as units write it: 2010-04-07, 2010年4月7日, 2010.4.7 or 2010/4/7; undefined when not a real date. */
export function parseMailDate(text: string): IsoDate | undefined {
  const match = /^(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})\s*日?$/u.exec(text.trim());
  if (!match) return undefined;
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isIsoDate(date) ? date : undefined;
}

/** 公开属性 as written: true 公开, false 不予公开 / 不公开 / 依申请公开, undefined when unreadable. */
export function parsePublicity(text: string): boolean | undefined {
  const compact = text.replace(/[\s（）()【】[\]]/gu, '');
  if (/^(?:不予公开|不公开|非公开|依申请公开)/u.test(compact)) return false;
  if (/^(?:主动)?公开(?:发布)?$/u.test(compact) || compact === '可公开') return true;
  return undefined;
}

/** A line that is only a 重大 / 敏感 mark, such as 重大敏感信息 or 【敏感】. */
const MAJOR_LINE =
  /^[(（【[〔]?\s*(?:重\s*大|敏\s*感)(?:\s*[、/和及]?\s*(?:重\s*大|敏\s*感))?\s*(?:类\s*)?(?:问\s*题|信\s*息)?\s*[)）】\]〕]?$/u;
/** A line that is only a non-public mark, such as （不予公开）. */
const PRIVATE_LINE =
  /^[(（【[〔]?\s*(?:不\s*予\s*公\s*开|不\s*公\s*开|依\s*申\s*请\s*公\s*开)\s*(?:信\s*息)?\s*[)）】\]〕]?$/u;

/** The distinct lines of a text marked （政务信息）: two or more are two or more items. */
export function markedTitles(text: string): string[] {
  const titles = text
    .split(/\r?\n/)
    .filter((line) => new RegExp(MARK.source, 'u').test(line))
    .map((line) => line.replace(MARK, '').replace(/\s/g, ''));
  return [...new Set(titles)];
}

/** Whether a file name is an item document in its own right (it carries the （政务信息） mark). */
export function isItemDocumentName(name: string): boolean {
  return new RegExp(MARK.source, 'u').test(name);
}

/**
 * Reads one item out of a message's subject and text body. Refuses a message without a title
 * and one that evidently carries several items (two or more lines of its body marked （政务信息）
 * other than the title repeated).
 */
export function readMailItem(message: { subject: string; text: string }): MailItem | MailItemRefusal {
  let subject = message.subject.replace(/\s+/gu, ' ').trim();
  while (PREFIX.test(subject)) subject = subject.replace(PREFIX, '');
  const titleMarked = new RegExp(MARK.source, 'u').test(subject);
  const titleMajor = new RegExp(MAJOR_MARK.source, 'u').test(subject);
  const titlePrivate = new RegExp(PRIVATE_MARK.source, 'u').test(subject);
  const bare = subject.replace(MARK, '').replace(MAJOR_MARK, '').replace(PRIVATE_MARK, '').trim();
  if (bare === '') return { refusal: '邮件没有主题（标题）' };
  const title = `${bare}${TITLE_MARK}`;

  const lines = message.text.replace(/\r\n?/g, '\n').split('\n');
  const compactTitle = bare.replace(/\s/g, '');
  const titles = markedTitles(message.text);
  if (titles.length >= 2)
    return { refusal: `一封邮件只能报送1条信息：正文中有 ${titles.length} 个标注（政务信息）的标题` };
  const found = new Map<MailElement | '单位', string>();
  let isMajor = titleMajor;
  let privateMark = titlePrivate;
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    const elements = elementLine(trimmed);
    if (elements) {
      for (const [element, value] of elements)
        if (!found.has(element) || found.get(element) === '') found.set(element, value);
    } else if (trimmed !== '' && MAJOR_LINE.test(trimmed)) isMajor = true;
    else if (trimmed !== '' && PRIVATE_LINE.test(trimmed)) privateMark = true;
    else if (isTitleRepeat(trimmed, compactTitle)) continue;
    else kept.push(line.trimEnd());
  }
  const body = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

  const value = (element: MailElement | '单位') => found.get(element)?.trim() || null;
  const date = value('日期') === null ? undefined : parseMailDate(value('日期')!);
  const stated = value('公开属性') === null ? undefined : parsePublicity(value('公开属性')!);
  const isPublic = privateMark ? false : (stated ?? true);
  const missing = MAIL_ELEMENTS.filter((element) => {
    if (element === '日期') return date === undefined;
    if (element === '公开属性') return stated === undefined && !privateMark;
    return value(element) === null;
  });
  return {
    title,
    titleMarked,
    body,
    unitName: value('单位'),
    signer: value('签发人'),
    reporter: value('报送人'),
    phone: value('联系电话'),
    date: date ?? null,
    isPublic,
    isMajor,
    missing,
  };
}

/** A body line that only repeats the title (with or without its mark): dropped from the 正文. */
function isTitleRepeat(line: string, compactTitle: string): boolean {
  return new RegExp(MARK.source, 'u').test(line) && line.replace(MARK, '').replace(/\s/g, '') === compactTitle;
}
