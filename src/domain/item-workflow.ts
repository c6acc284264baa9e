import type { Role } from '../shared/roles.js';
import { CLASSIFIED_LEVELS, ITEM_CATEGORIES, TITLE_MARK, type ItemStatus } from '../shared/item-fields.js';
import { BODY_GUIDELINE_CHARACTERS } from '../shared/limits.js';

/**
 * The item workflow (信息稿件审核制度): each action, the states it starts from, the roles that
 * may take it, and whether it needs a reason. Approval of a major or sensitive item goes to
 * the principal leader for signature instead of straight to the district.
 */
export const ITEM_ACTIONS = {
  submit_for_review: { label: '提交单位审核', from: ['draft', 'returned'], roles: ['officer'], needsComment: false },
  // 分管领导或主管科室领导审核: the principal may approve too, so a unit without a reviewer account is not stuck.
  approve: { label: '审核通过', from: ['unit_review'], roles: ['reviewer', 'principal'], needsComment: false },
  sign: { label: '主要领导签发', from: ['awaiting_signature'], roles: ['principal'], needsComment: false },
  return_to_officer: {
    label: '退回信息员修改',
    from: ['unit_review', 'awaiting_signature'],
    roles: ['reviewer', 'principal'],
    needsComment: true,
  },
  withdraw: {
    label: '撤回',
    from: ['unit_review', 'awaiting_signature', 'submitted'],
    roles: ['officer'],
    needsComment: false,
  },
  receive: { label: '接收', from: ['submitted'], roles: ['editor'], needsComment: false },
  reject: { label: '不予采用', from: ['received'], roles: ['editor'], needsComment: true },
  return_for_revision: { label: '退回单位修改', from: ['received'], roles: ['editor'], needsComment: true },
} as const satisfies Record<
  string,
  { label: string; from: readonly ItemStatus[]; roles: readonly Role[]; needsComment: boolean }
>;

export type ItemAction = keyof typeof ITEM_ACTIONS;

/** States in which the officer may still edit the item. */
export const EDITABLE_STATUSES: readonly ItemStatus[] = ['draft', 'returned'];

/** States in which a major item's paper copy may still be recorded or changed: until it is sent to the district. */
export const PAPER_COPY_STATUSES: readonly ItemStatus[] = ['draft', 'unit_review', 'awaiting_signature', 'returned'];

/** Why the principal may not sign a major item yet (重大问题和敏感类信息除报送电子邮件外，另附书面稿件报送). */
export const PAPER_COPY_MISSING = '重大或敏感信息须先登记书面稿件，才能签发报送';

/** Whether a major item's paper copy may still be recorded in this state. */
export function isPaperCopyOpen(status: ItemStatus): boolean {
  return PAPER_COPY_STATUSES.includes(status);
}

/** The facts a transition depends on. */
export interface TransitionSubject {
  status: ItemStatus;
  isMajor: boolean;
  /** The date the paper copy of a major item was recorded, if it was. */
  paperCopyOn: string | null;
}

/**
 * The state an action leads to, or why it may not be taken (in Chinese). Pure: roles and
 * unit membership are checked by the caller before asking.
 */
export function nextStatus(
  action: ItemAction,
  subject: TransitionSubject,
  comment: string | undefined
): { status: ItemStatus } | { refusal: string } {
  const rule = ITEM_ACTIONS[action];
  if (!(rule.from as readonly ItemStatus[]).includes(subject.status))
    return { refusal: `稿件当前状态不能执行“${rule.label}”` };
  if (rule.needsComment && !comment?.trim()) return { refusal: `“${rule.label}”须填写理由` };
  switch (action) {
    case 'submit_for_review':
      return { status: 'unit_review' };
    case 'approve':
      return { status: subject.isMajor ? 'awaiting_signature' : 'submitted' };
    case 'sign':
      if (!subject.paperCopyOn) return { refusal: PAPER_COPY_MISSING };
      return { status: 'submitted' };
    case 'return_to_officer':
      return { status: 'returned' };
    case 'withdraw':
      return { status: 'draft' };
    case 'receive':
      return { status: 'received' };
    case 'reject':
      return { status: 'not_adopted' };
    case 'return_for_revision':
      return { status: 'returned' };
  }
}

/** Counts the characters of a body as the 450-character guideline does: every character but white space. */
export function bodyLength(body: string): number {
  return [...body.replace(/\s+/g, '')].length;
}

/** The title with the （政务信息） mark appended when it is missing. */
export function markedTitle(title: string): string {
  const trimmed = title.trim();
  return /[（(]\s*政务信息\s*[)）]\s*$/.test(trimmed) ? trimmed : `${trimmed}${TITLE_MARK}`;
}

/** A Chinese mobile (1xx xxxx xxxx) or landline number (020-12345678, with an extension). */
export function isPhoneNumber(value: string): boolean {
  const compact = value.replace(/[\s()（）]/g, '');
  return /^1[3-9]\d{9}$/.test(compact) || /^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$/.test(compact);
}

/** The draft of an item as an officer fills it in. */
export interface ItemDraft {
  title: string;
  body: string;
  category: string;
  reporter: string;
  signer?: string | null;
  phone: string;
  isPublic: boolean;
  /** Whether the matter lies outside the unit's own remit (非本部门职能范围内信息), which needs a source. */
  isOutsideRemit: boolean;
  source?: string | null;
  isMajor: boolean;
  /** 密级: classified matter is refused. */
  secrecy?: string | null;
}

/** Problems with a draft (field and Chinese message), and warnings that do not stop it. */
export function checkItemDraft(draft: ItemDraft): {
  problems: { field: string; label: string; message: string }[];
  warnings: string[];
} {
  const problems: { field: string; label: string; message: string }[] = [];
  const warnings: string[] = [];
  const problem = (field: string, label: string, message: string) => problems.push({ field, label, message });
  if (draft.secrecy && (CLASSIFIED_LEVELS as readonly string[]).includes(draft.secrecy.trim())) {
    problem('secrecy', '密级', `涉密信息（${draft.secrecy.trim()}）不得通过本系统报送`);
  }
  if (!(ITEM_CATEGORIES as readonly string[]).includes(draft.category))
    problem('category', '内容类别', '内容类别应为方案第三部分所列的十一类之一');
  if (!isPhoneNumber(draft.phone)) problem('phone', '联系电话', '联系电话格式不正确，应为手机号或带区号的固定电话');
  if (draft.isOutsideRemit && !draft.source?.trim()) problem('source', '来源', '非本单位职能范围内的信息须注明来源');
  const length = bodyLength(draft.body);
  if (length > BODY_GUIDELINE_CHARACTERS)
    warnings.push(`正文 ${length} 字，超过一般 ${BODY_GUIDELINE_CHARACTERS} 字的要求；详细材料请作为 Word 附件报送`);
  return { problems, warnings };
}
