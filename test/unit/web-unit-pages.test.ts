import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  blockedReason,
  canRecordPaperCopy,
  chinaTime,
  historyActionName,
} from '../../web/src/pages/items/detail/service';
import {
  bodyCount,
  draftBody,
  isAcceptedFile,
  isClassified,
  isPhoneNumber,
  reviewerNotice,
  titlePreview,
} from '../../web/src/pages/unit/item-form/service';
import { deadlineText } from '../../web/src/lib/todo';
import { statusFromUrl } from '../../web/src/pages/unit/items/service';
import { gapToTarget, quarterState } from '../../web/src/pages/unit/progress/service';
import { queueStatuses } from '../../web/src/pages/unit/review/service';
import { countdown, deadlineEnd } from '../../web/src/pages/unit/solicitations/service';

describe('the item form', () => {
  it('previews the title with the （政务信息） mark appended once', () => {
    expect(titlePreview('沙湾镇推进防汛工作')).toBe('沙湾镇推进防汛工作（政务信息）');
    expect(titlePreview('沙湾镇推进防汛工作（政务信息）')).toBe('沙湾镇推进防汛工作（政务信息）');
    expect(titlePreview(' 沙湾镇推进防汛工作(政务信息) ')).toBe('沙湾镇推进防汛工作(政务信息)');
    expect(titlePreview('   ')).toBe('');
    expect(titlePreview(undefined)).toBe('');
  });

  it('counts the body as the server does, and warns beyond 450 characters', () => {
    expect(bodyCount('防汛 防风\n工作')).toEqual({ length: 6, over: false, text: '6 / 450 字' });
    expect(bodyCount('字'.repeat(450)).over).toBe(false);
    const long = bodyCount('字'.repeat(451));
    expect(long.over).toBe(true);
    expect(long.text).toBe('451 字，超出一般 450 字要求 1 字');
    expect(bodyCount(undefined).length).toBe(0);
  });

  it('refuses classified levels and checks phone numbers like the server', () => {
    expect(isClassified('秘密')).toBe(true);
    expect(isClassified(' 绝密 ')).toBe(true);
    expect(isClassified('')).toBe(false);
    expect(isClassified('内部')).toBe(false);
    expect(isPhoneNumber('13800138000')).toBe(true);
    expect(isPhoneNumber('020-84888888')).toBe(true);
    expect(isPhoneNumber('12345')).toBe(false);
  });

  it('accepts Word, PDF and image attachments by name', () => {
    expect(['a.docx', 'b.DOC', 'c.pdf', 'd.JPG', 'e.jpeg', 'f.png'].every(isAcceptedFile)).toBe(true);
    expect(isAcceptedFile('g.exe')).toBe(false);
    expect(isAcceptedFile('docx')).toBe(false);
  });

  it('sends a source only when the item is outside the unit remit, and no empty optional text', () => {
    const values = {
      title: ' 标题 ',
      body: '正文',
      category: '应急信息',
      reporter: ' 张三 ',
      signer: ' ',
      phone: '13800138000',
      isPublic: false,
      isOutsideRemit: false,
      source: '区水务局',
      isMajor: true,
      secrecy: '',
    };
    expect(draftBody(values)).toEqual({
      title: '标题',
      body: '正文',
      category: '应急信息',
      reporter: '张三',
      signer: null,
      phone: '13800138000',
      isPublic: false,
      isOutsideRemit: false,
      source: null,
      isMajor: true,
      secrecy: null,
    });
    expect(draftBody({ ...values, isOutsideRemit: true }).source).toBe('区水务局');
  });
});

describe('the item page', () => {
  it('offers each role the actions of the current state', () => {
    expect(allowedActions('officer', 'draft')).toEqual(['submit_for_review']);
    expect(allowedActions('officer', 'unit_review')).toEqual(['withdraw']);
    expect(allowedActions('reviewer', 'unit_review')).toEqual(['approve', 'return_to_officer']);
    expect(allowedActions('principal', 'unit_review')).toEqual(['approve', 'return_to_officer']);
    expect(allowedActions('principal', 'awaiting_signature')).toEqual(['sign', 'return_to_officer']);
    expect(allowedActions('editor', 'received')).toEqual(['reject', 'return_for_revision']);
    expect(allowedActions('office_leader', 'submitted')).toEqual([]);
  });

  it('blocks signing a major item until its paper copy is recorded', () => {
    expect(blockedReason('sign', { isMajor: true, paperCopyOn: null })).toMatch(/书面稿件/);
    expect(blockedReason('sign', { isMajor: true, paperCopyOn: '2026-03-02' })).toBeUndefined();
    expect(blockedReason('approve', { isMajor: true, paperCopyOn: null })).toBeUndefined();
    expect(canRecordPaperCopy('principal', { isMajor: true, status: 'awaiting_signature' })).toBe(true);
    expect(canRecordPaperCopy('reviewer', { isMajor: true, status: 'awaiting_signature' })).toBe(false);
    expect(canRecordPaperCopy('officer', { isMajor: true, status: 'submitted' })).toBe(false);
    expect(canRecordPaperCopy('officer', { isMajor: false, status: 'draft' })).toBe(false);
  });

  it('names history actions in Chinese and shows times in China time', () => {
    expect(historyActionName('approve')).toBe('审核通过');
    expect(historyActionName('paper_copy')).toBe('登记书面稿件');
    expect(historyActionName('something_new')).toBe('something_new');
    expect(chinaTime('2026-03-20T17:30:00.000Z')).toBe('2026-03-21 01:30');
  });
});

describe('lists, queues, countdowns and targets', () => {
  it('reads a state from a dashboard link and ignores anything else', () => {
    expect(statusFromUrl('returned')).toBe('returned');
    expect(statusFromUrl('nonsense')).toBeUndefined();
    expect(statusFromUrl(null)).toBeUndefined();
  });

  it('queues unit_review for the reviewer, signatures first for the principal', () => {
    expect(queueStatuses('reviewer')).toEqual(['unit_review']);
    expect(queueStatuses('principal')).toEqual(['awaiting_signature', 'unit_review']);
  });

  it('counts down to the end of the deadline day in China time, red within three days', () => {
    expect(deadlineEnd('2026-03-31')).toBe(Date.parse('2026-03-31T16:00:00Z'));
    const at = (iso: string) => Date.parse(iso);
    expect(countdown('2026-03-31', at('2026-03-20T16:00:00Z'))).toEqual({
      text: '还剩 11 天 0 小时',
      urgent: false,
      over: false,
    });
    expect(countdown('2026-03-31', at('2026-03-28T11:00:00Z'))).toEqual({
      text: '还剩 3 天 5 小时',
      urgent: false,
      over: false,
    });
    expect(countdown('2026-03-31', at('2026-03-28T17:00:00Z'))).toEqual({
      text: '还剩 2 天 23 小时',
      urgent: true,
      over: false,
    });
    expect(countdown('2026-03-31', at('2026-03-31T13:30:00Z'))).toEqual({
      text: '还剩 2 小时 30 分',
      urgent: true,
      over: false,
    });
    expect(countdown('2026-03-31', at('2026-03-31T15:59:30Z'))).toEqual({
      text: '还剩 1 分钟',
      urgent: true,
      over: false,
    });
    expect(countdown('2026-03-31', at('2026-03-31T16:00:00Z'))).toEqual({ text: '已截止', urgent: false, over: true });
  });

  it('says what is still missing to reach a target', () => {
    expect(gapToTarget(13, 18)).toEqual({ text: '还差 5 分', done: false, percent: 72 });
    expect(gapToTarget(18, 18)).toEqual({ text: '已完成', done: true, percent: 100 });
    expect(gapToTarget(-5, 18)).toEqual({ text: '还差 23 分', done: false, percent: 0 });
  });

  it('tells past, running and future quarters apart', () => {
    expect(quarterState(2026, 1, '2026-05-01')).toBe('past');
    expect(quarterState(2026, 2, '2026-05-01')).toBe('current');
    expect(quarterState(2026, 3, '2026-05-01')).toBe('future');
    expect(quarterState(2025, 4, '2026-01-01')).toBe('past');
  });
});

describe('who reviews, and deadlines in words', () => {
  it('tells the officer who reviews: the reviewer, else the principal, else warns that nobody can', () => {
    expect(reviewerNotice({ reviewers: ['王分管'], principals: ['李主要'], reviewedBy: 'reviewer' })).toEqual({
      text: '提交后由分管领导 王分管 审核',
      missing: false,
    });
    expect(reviewerNotice({ reviewers: [], principals: ['李主要'], reviewedBy: 'principal' })).toEqual({
      text: '本单位未登记分管领导账号，提交后由主要领导 李主要 审核',
      missing: false,
    });
    expect(reviewerNotice({ reviewers: [], principals: [], reviewedBy: null }).missing).toBe(true);
  });

  it('counts down a solicitation on the dashboard', () => {
    expect(deadlineText(0)).toBe('今天截止');
    expect(deadlineText(10)).toBe('还有 10 天截止');
  });
});
