/** The item's API calls and the pure rules of its page (which actions a role may take now). */
import {
  EDITABLE_STATUSES,
  ITEM_ACTIONS,
  PAPER_COPY_MISSING,
  isPaperCopyOpen,
  type ItemAction,
} from '@domain/item-workflow';
import { ATTACHMENT_TYPES, type ItemStatus } from '@shared/item-fields';
import type { Role } from '@shared/roles';
import { http } from '../../../http';
import type { AttachmentPreview, Done, TransitionResponse } from '@shared/api/items';
import type { ItemDetail } from './types';

export function loadItem(id: number, signal?: AbortSignal): Promise<ItemDetail> {
  // The page shows a 404 itself (another unit's item, or a guessed id).
  return http.get<ItemDetail>(`/api/items/${id}`, { signal, quiet: true });
}

export function transition(id: number, version: number, action: ItemAction, comment?: string) {
  return http.post<TransitionResponse>(
    `/api/items/${id}/transitions`,
    { action, version, ...(comment?.trim() ? { comment: comment.trim() } : {}) },
    { quiet: true }
  );
}

export function recordPaperCopy(id: number, version: number, date: string) {
  return http.post<Done>(`/api/items/${id}/paper-copy`, { version, date }, { quiet: true });
}

export function attachmentUrl(itemId: number, attachmentId: number, inline = false): string {
  return `/api/items/${itemId}/attachments/${attachmentId}${inline ? '?disposition=inline' : ''}`;
}

/** How an attachment is seen on the page: Word as text, PDF in the browser's viewer, pictures as pictures. */
export type AttachmentView = 'word' | 'pdf' | 'image' | 'download';

export function attachmentView(mediaType: string): AttachmentView {
  if (mediaType === ATTACHMENT_TYPES.docx) return 'word';
  if (mediaType === ATTACHMENT_TYPES.pdf) return 'pdf';
  if (mediaType === ATTACHMENT_TYPES.jpg || mediaType === ATTACHMENT_TYPES.png) return 'image';
  return 'download';
}

export function loadWordPreview(itemId: number, attachmentId: number, signal?: AbortSignal) {
  return http.get<AttachmentPreview>(`/api/items/${itemId}/attachments/${attachmentId}/preview`, { signal });
}

/**
 * The frame document of a Word preview: the server's sanitised HTML under our own plain style. The
 * frame is sandboxed (no script, its own origin), so nothing in the document reaches the page.
 */
export function wordPreviewDocument(html: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{font-family:"FangSong","仿宋","Noto Serif CJK SC",serif;font-size:16px;line-height:1.8;margin:16px;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}img{max-width:100%}
</style></head><body>${html}</body></html>`;
}

/** The workflow actions the role may take on an item in its current state. */
export function allowedActions(role: Role, status: ItemStatus): ItemAction[] {
  return (Object.keys(ITEM_ACTIONS) as ItemAction[]).filter((action) => {
    const rule = ITEM_ACTIONS[action];
    return (rule.roles as readonly Role[]).includes(role) && (rule.from as readonly ItemStatus[]).includes(status);
  });
}

export function isEditable(status: ItemStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** A major item's paper copy may still be recorded (the server refuses it once the item is sent). */
export function canRecordPaperCopy(role: Role, item: Pick<ItemDetail, 'isMajor' | 'status'>): boolean {
  return item.isMajor && (role === 'officer' || role === 'principal') && isPaperCopyOpen(item.status);
}

/** Why an action cannot be taken yet, though the role and state allow it (the server says the same). */
export function blockedReason(
  action: ItemAction,
  item: Pick<ItemDetail, 'isMajor' | 'paperCopyOn'>
): string | undefined {
  if (action === 'sign' && item.isMajor && !item.paperCopyOn) return PAPER_COPY_MISSING;
  return undefined;
}

/** Names of the history's actions: the workflow's own, and the records kept along the way. */
const HISTORY_ACTIONS: Record<string, string> = {
  create: '起草稿件',
  mail_intake: '邮件报送导入',
  edit: '修改稿件',
  attach: '上传附件',
  detach: '删除附件',
  paper_copy: '登记书面稿件',
  answer_solicitation: '回复约稿',
  adopt: '登记采用',
  undo_adoption: '撤销采用',
  correct_adoption: '更正采用',
  instruction: '登记领导批示',
  upward: '登记上级采用',
  ...Object.fromEntries(Object.entries(ITEM_ACTIONS).map(([key, rule]) => [key, rule.label])),
};

export function historyActionName(action: string): string {
  return HISTORY_ACTIONS[action] ?? action;
}

/** `2026-03-20T01:02:03.000Z` as China time, `2026-03-20 09:02`. */
export function chinaTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A file size people read: 12.3 KB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
