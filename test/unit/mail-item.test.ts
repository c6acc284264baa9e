import { describe, expect, it } from 'vitest';
import {
  isItemDocumentName,
  markedTitles,
  parseMailDate,
  parsePublicity,
  readMailItem,
  type MailItem,
} from '../../src/domain/mail-item.js';

function read(subject: string, text: string): MailItem {
  const item = readMailItem({ subject, text });
  if ('refusal' in item) throw new Error(item.refusal);
  return item;
}

describe('reading an item out of a mail message', () => {
  it('reads every element and keeps only the text in the 正文', () => {
    const item = read(
      '沙湾镇推进古镇保护（政务信息）',
      [
        '沙湾镇近日召开古镇保护工作会议，部署下一阶段工作。',
        '',
        '会议要求各村加强巡查。',
        '单位：沙湾镇',
        '签发人：王某',
        '报送人：陈信息',
        '公开属性：公开',
        '联系电话：020-84730000',
        '日期：2010年4月7日',
      ].join('\n')
    );
    expect(item).toEqual({
      title: '沙湾镇推进古镇保护（政务信息）',
      titleMarked: true,
      body: '沙湾镇近日召开古镇保护工作会议，部署下一阶段工作。\n\n会议要求各村加强巡查。',
      unitName: '沙湾镇',
      signer: '王某',
      reporter: '陈信息',
      phone: '020-84730000',
      date: '2010-04-07',
      isPublic: true,
      isMajor: false,
      missing: [],
    });
  });

  it.each([
    ['标题(政务信息)'],
    ['标题 （ 政务信息 ）'],
    ['标题【政务信息】'],
    ['标题[政务信息]'],
    ['【政务信息】标题'],
    ['Re: 标题（政 务 信 息）'],
    ['转发：标题〔政务信息〕'],
  ])('normalises the mark in %s to （政务信息）', (subject) => {
    const item = read(subject, '正文');
    expect(item.title).toBe('标题（政务信息）');
    expect(item.titleMarked).toBe(true);
  });

  it('adds the mark to an unmarked title and says it was missing', () => {
    const item = read('标题', '正文');
    expect(item.title).toBe('标题（政务信息）');
    expect(item.titleMarked).toBe(false);
  });

  it('reads the usual label variants, several on one line, and flags what is missing', () => {
    const item = read(
      '标题',
      ['正文一段。', '签 发 人： 王某　报送人:李四', '电话：13800138000', '报送日期：2010.4.7'].join('\n')
    );
    expect([item.signer, item.reporter, item.phone, item.date]).toEqual(['王某', '李四', '13800138000', '2010-04-07']);
    expect(item.body).toBe('正文一段。');
    expect(item.missing).toEqual(['公开属性']);
    expect(read('标题', '签发：张三').signer).toBe('张三');
  });

  it('flags every element a bare message leaves out, and an unreadable date', () => {
    expect(read('标题', '只有正文').missing).toEqual(['签发人', '报送人', '公开属性', '联系电话', '日期']);
    expect(read('标题', '日期：上周五').missing).toContain('日期');
  });

  it.each([
    ['公开', true],
    ['主动公开', true],
    ['不予公开', false],
    ['不公开', false],
    ['依申请公开', false],
    ['待定', undefined],
  ])('公开属性 %s reads as %s', (text, expected) => {
    expect(parsePublicity(text)).toBe(expected);
  });

  it('sets the item non-public from a line or a title mark', () => {
    expect(read('标题', '正文\n公开属性：不予公开').isPublic).toBe(false);
    expect(read('标题（不予公开）（政务信息）', '正文').isPublic).toBe(false);
    const marked = read('标题', '正文\n（不公开）');
    expect(marked.isPublic).toBe(false);
    expect(marked.missing).not.toContain('公开属性');
    expect(marked.body).toBe('正文');
  });

  it('sets the major flag from a 重大 / 敏感 mark in the title or on a line of its own', () => {
    const titled = read('【重大】某地发生险情（政务信息）', '正文');
    expect(titled.isMajor).toBe(true);
    expect(titled.title).toBe('某地发生险情（政务信息）');
    const line = read('标题', '重大敏感信息\n正文提到重大项目。');
    expect(line.isMajor).toBe(true);
    expect(line.body).toBe('正文提到重大项目。');
    expect(read('标题', '正文提到重大项目和敏感问题。').isMajor).toBe(false);
  });

  it('drops a body line that repeats the title', () => {
    expect(read('标题（政务信息）', '标题（政务信息）\n正文').body).toBe('正文');
  });

  it('refuses a message carrying several titled items, and one without a title', () => {
    const several = readMailItem({
      subject: '本周信息两则',
      text: '第一则（政务信息）\n正文一\n第二则（政务信息）\n正文二',
    });
    expect(several).toEqual({ refusal: '一封邮件只能报送1条信息：正文中有 2 个标注（政务信息）的标题' });
    expect(readMailItem({ subject: ' （政务信息） ', text: '正文' })).toEqual({ refusal: '邮件没有主题（标题）' });
    expect(markedTitles('甲（政务信息）\n甲 (政务信息)')).toEqual(['甲']);
  });

  it.each([
    ['2010-04-07', '2010-04-07'],
    ['2010年4月7日', '2010-04-07'],
    ['2010.4.7', '2010-04-07'],
    ['2010/04/07', '2010-04-07'],
    ['2010年2月30日', undefined],
    ['四月七日', undefined],
  ])('日期 %s reads as %s', (text, expected) => {
    expect(parseMailDate(text)).toBe(expected);
  });

  it('recognises an item document by the mark in its file name', () => {
    expect(isItemDocumentName('沙湾镇古镇保护【政务信息】.docx')).toBe(true);
    expect(isItemDocumentName('详细材料.docx')).toBe(false);
  });
});
