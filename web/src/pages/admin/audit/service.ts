/** 审计日志: the filters as the API's query, and the API calls. */
import { ITEM_ACTIONS } from '@domain/item-workflow';
import { http, query } from '../../../http';

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  ip: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditPage {
  page: number;
  pageSize: number;
  total: number;
  entries: AuditEntry[];
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

export interface AuditFilters {
  actor?: string;
  action?: string;
  outcome?: string;
  /** Dates (YYYY-MM-DD) in China time, both included. */
  from?: string;
  to?: string;
}

export const OUTCOMES: Record<string, { label: string; color: string }> = {
  ok: { label: '成功', color: 'green' },
  denied: { label: '拒绝', color: 'red' },
  failed: { label: '失败', color: 'orange' },
};

/** Chinese names of the actions the server records; an action not listed shows its code. */
export const ACTIONS: Record<string, string> = {
  login: '登录', logout: '退出登录', access: '访问', change_password: '修改密码', totp_setup: '设置双因素认证', totp_enable: '启用双因素认证',
  create_first_admin: '创建首个管理员', create_account: '新建账号', update_account: '修改账号', assign_role: '分配角色', reset_password: '重置密码',
  update_security_settings: '修改安全设置', create_unit: '新增单位', add_policy: '新增考核政策', import_ledger: '台账导入', export_audit: '导出审计日志',
  create_item: '起草稿件', update_item: '修改稿件', add_attachment: '上传附件', remove_attachment: '删除附件', record_paper_copy: '登记书面稿件',
  adopt_item: '采用稿件', correct_adoption: '更正采用', undo_adoption: '撤销采用', record_instruction: '登记批示', record_upward: '登记上级采用',
  create_solicitation: '发布约稿', answer_solicitation: '回复约稿', record_penalty: '登记扣分', delete_penalty: '删除扣分',
  prepare_results: '拟定季度通报', approve_results: '审定季度通报', return_results: '退回季度通报', add_contact: '登记责任人/信息员', end_contact: '登记人员离任', record_training: '登记培训',
};

export function actionName(action: string): string {
  const itemAction = action.startsWith('item_') ? ITEM_ACTIONS[action.slice(5) as keyof typeof ITEM_ACTIONS] : undefined;
  return ACTIONS[action] ?? (itemAction ? `稿件：${itemAction.label}` : action);
}

/** Every action the filter offers: the named ones and each item workflow action. */
export const ACTION_OPTIONS = [
  ...Object.entries(ACTIONS).map(([value, label]) => ({ value, label })),
  ...Object.keys(ITEM_ACTIONS).map((key) => ({ value: `item_${key}`, label: actionName(`item_${key}`) })),
];

/** The start and end of China-time days as the instants the log stores (UTC ISO). */
export function auditQuery(filters: AuditFilters, page: number, pageSize: number) {
  return {
    actor: filters.actor?.trim(),
    action: filters.action,
    outcome: filters.outcome,
    from: filters.from ? new Date(`${filters.from}T00:00:00.000+08:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999+08:00`).toISOString() : undefined,
    page,
    pageSize,
  };
}

/** An instant of the log in China time, to the second. */
export function chinaTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

/** A stored before/after JSON text, indented for reading; text that is not JSON is shown as it is. */
export function prettyJson(text: string | null): string {
  if (text === null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export const loadAudit = (filters: AuditFilters, page: number, pageSize: number, signal: AbortSignal) =>
  http.get<AuditPage>(`/api/audit${query(auditQuery(filters, page, pageSize))}`, { signal });

export const verifyAudit = () => http.get<AuditVerification>('/api/audit/verify', { quiet: true });

export const exportUrl = (filters: AuditFilters) => {
  const { page: _page, pageSize: _size, ...rest } = auditQuery(filters, 1, 1);
  return `/api/audit/export${query(rest)}`;
};
