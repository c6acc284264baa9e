import { describe, expect, it } from 'vitest';
import {
  ITEM_ACTIONS,
  PAPER_COPY_MISSING,
  PAPER_COPY_STATUSES,
  bodyLength,
  checkItemDraft,
  isPaperCopyOpen,
  nextStatus,
  type ItemAction,
  type ItemDraft,
  type TransitionSubject,
} from '../../src/domain/item-workflow.js';
import { ITEM_CATEGORIES, ITEM_STATUSES, type ItemStatus } from '../../src/shared/item-fields.js';
import { BODY_GUIDELINE_CHARACTERS } from '../../src/shared/limits.js';

const ALL_STATUSES = Object.keys(ITEM_STATUSES) as ItemStatus[];
const subject = (status: ItemStatus, extra: Partial<TransitionSubject> = {}): TransitionSubject => ({
  status,
  isMajor: false,
  paperCopyOn: null,
  ...extra,
});

describe('nextStatus', () => {
  it('takes each action from exactly the states it lists, and refuses it from every other', () => {
    for (const action of Object.keys(ITEM_ACTIONS) as ItemAction[]) {
      const rule = ITEM_ACTIONS[action];
      for (const status of ALL_STATUSES) {
        const result = nextStatus(action, subject(status, { paperCopyOn: '2026-03-01' }), '理由');
        if ((rule.from as readonly ItemStatus[]).includes(status))
          expect(result, `${action} from ${status}`).toHaveProperty('status');
        else expect(result, `${action} from ${status}`).toEqual({ refusal: `稿件当前状态不能执行“${rule.label}”` });
      }
    }
  });

  it('sends an approved ordinary item to the district, a major one to the principal', () => {
    expect(nextStatus('approve', subject('unit_review'), undefined)).toEqual({ status: 'submitted' });
    expect(nextStatus('approve', subject('unit_review', { isMajor: true }), undefined)).toEqual({
      status: 'awaiting_signature',
    });
  });

  it('signs only once the paper copy is recorded', () => {
    expect(nextStatus('sign', subject('awaiting_signature', { isMajor: true }), undefined)).toEqual({
      refusal: PAPER_COPY_MISSING,
    });
    expect(
      nextStatus('sign', subject('awaiting_signature', { isMajor: true, paperCopyOn: '2026-03-01' }), undefined)
    ).toEqual({ status: 'submitted' });
  });

  it('needs a reason that is more than white space where the action asks for one', () => {
    for (const comment of [undefined, '', '   ', '\n\t']) {
      expect(nextStatus('reject', subject('received'), comment)).toEqual({ refusal: '“不予采用”须填写理由' });
    }
    expect(nextStatus('reject', subject('received'), '重复')).toEqual({ status: 'not_adopted' });
    expect(nextStatus('return_for_revision', subject('received'), '补充数据')).toEqual({ status: 'returned' });
    expect(nextStatus('receive', subject('submitted'), undefined)).toEqual({ status: 'received' });
  });
});

describe('the paper-copy states', () => {
  it('are open until the item leaves the unit', () => {
    expect(ALL_STATUSES.filter(isPaperCopyOpen)).toEqual(['draft', 'unit_review', 'awaiting_signature', 'returned']);
    expect(PAPER_COPY_STATUSES).toHaveLength(4);
    for (const status of ['submitted', 'received', 'adopted', 'not_adopted'] as const)
      expect(isPaperCopyOpen(status)).toBe(false);
  });
});

describe('checkItemDraft', () => {
  const draft = (overrides: Partial<ItemDraft> = {}): ItemDraft => ({
    title: '沙湾镇推进古镇保护',
    body: '正文',
    category: ITEM_CATEGORIES[0],
    reporter: '陈信息',
    phone: '13812345678',
    isPublic: true,
    isOutsideRemit: false,
    isMajor: false,
    ...overrides,
  });
  const fields = (overrides: Partial<ItemDraft>) => checkItemDraft(draft(overrides)).problems.map((p) => p.field);

  it('accepts a complete draft without warnings', () => {
    expect(checkItemDraft(draft())).toEqual({ problems: [], warnings: [] });
  });

  it('warns from one character over the body guideline, not at it; white space does not count', () => {
    expect(checkItemDraft(draft({ body: '字'.repeat(BODY_GUIDELINE_CHARACTERS) })).warnings).toEqual([]);
    expect(checkItemDraft(draft({ body: `${'字'.repeat(BODY_GUIDELINE_CHARACTERS)} \n\t` })).warnings).toEqual([]);
    expect(checkItemDraft(draft({ body: '字'.repeat(BODY_GUIDELINE_CHARACTERS + 1) })).warnings).toEqual([
      `正文 ${BODY_GUIDELINE_CHARACTERS + 1} 字，超过一般 ${BODY_GUIDELINE_CHARACTERS} 字的要求；详细材料请作为 Word 附件报送`,
    ]);
    expect(bodyLength('')).toBe(0);
    expect(bodyLength('𠀀a b')).toBe(3);
  });

  it('refuses classified matter, whatever the spacing, but not an unclassified 密级 or an empty one', () => {
    expect(fields({ secrecy: ' 秘密 ' })).toEqual(['secrecy']);
    expect(fields({ secrecy: '绝密' })).toEqual(['secrecy']);
    expect(fields({ secrecy: '' })).toEqual([]);
    expect(fields({ secrecy: null })).toEqual([]);
    expect(fields({ secrecy: '内部' })).toEqual([]);
  });

  it('takes only the eleven categories', () => {
    expect(fields({ category: ITEM_CATEGORIES[ITEM_CATEGORIES.length - 1] })).toEqual([]);
    expect(fields({ category: '' })).toEqual(['category']);
    expect(fields({ category: '其他' })).toEqual(['category']);
  });

  it('takes mobile and landline numbers at their exact lengths only', () => {
    for (const phone of [
      '13812345678',
      '138 1234 5678',
      '020-84731234',
      '02084731234',
      '84731234',
      '8473123',
      '020-84731234-123456',
    ])
      expect(fields({ phone }), phone).toEqual([]);
    for (const phone of ['', '1381234567', '138123456789', '12812345678', '020-84731234-1234567', '0473123', 'abc'])
      expect(fields({ phone }), phone).toEqual(['phone']);
  });

  it("asks for a source only outside the unit's remit, and then not a blank one", () => {
    expect(fields({ isOutsideRemit: true, source: '区发改局' })).toEqual([]);
    expect(fields({ isOutsideRemit: true, source: '  ' })).toEqual(['source']);
    expect(fields({ isOutsideRemit: true })).toEqual(['source']);
    expect(fields({ isOutsideRemit: false, source: null })).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(fields({ secrecy: '机密', category: 'x', phone: '1', isOutsideRemit: true })).toEqual([
      'secrecy',
      'category',
      'phone',
      'source',
    ]);
  });
});
