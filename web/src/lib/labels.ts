/**
 * Chinese names of the codes the API returns. Outlet, kind and upward-level names come from the
 * policy in force (lib/policy.ts); these are the fixed vocabularies.
 */
export { ITEM_STATUSES, ITEM_CATEGORIES, TITLE_MARK, ATTACHMENT_TYPES, CLASSIFIED_LEVELS } from '@shared/item-fields';
export { ROLES } from '@shared/roles';
export { BODY_GUIDELINE_CHARACTERS } from '@shared/limits';

/** 批示 levels: the district's own leaders, the city's, the province's. */
export const INSTRUCTION_LEVELS: Record<string, string> = {
  district: '区领导批示',
  city: '市领导批示',
  province: '省领导批示',
};

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  unit_review: 'processing',
  awaiting_signature: 'warning',
  submitted: 'blue',
  received: 'cyan',
  adopted: 'success',
  not_adopted: 'default',
  returned: 'error',
};
