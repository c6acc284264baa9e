/**
 * How the audit log reads in Chinese: actions, outcomes and object types, and its instants in
 * Beijing time. One table for the page and the CSV export, so the file reads like the page.
 */
import { ITEM_ACTIONS, type ItemAction } from './item-workflow.js';

export const AUDIT_OUTCOMES: Readonly<Record<string, string>> = { ok: '成功', denied: '拒绝', failed: '失败' };

/** Chinese names of the actions the server records (item workflow actions are `item_<action>`). */
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  login: '登录',
  logout: '退出登录',
  access: '越权访问',
  change_password: '修改密码',
  totp_setup: '设置双因素认证',
  totp_enable: '启用双因素认证',
  totp_reset: '解除双因素认证绑定',
  create_first_admin: '创建首个管理员',
  create_account: '新建账号',
  update_account: '修改账号',
  assign_role: '分配角色',
  reset_password: '重置密码',
  update_security_settings: '修改安全设置',
  create_unit: '新增单位',
  add_policy: '新增考核办法',
  import_ledger: '台账导入',
  export_audit: '导出审计日志',
  seal_audit_chain: '审计日志启用密钥保护',
  create_item: '起草稿件',
  update_item: '修改稿件',
  add_attachment: '上传附件',
  remove_attachment: '删除附件',
  record_paper_copy: '登记书面稿件',
  adopt_item: '登记采用',
  correct_adoption: '更正采用',
  undo_adoption: '撤销采用',
  record_instruction: '登记批示',
  record_upward: '登记上级采用',
  create_solicitation: '发布约稿',
  answer_solicitation: '回复约稿',
  record_penalty: '登记扣分',
  delete_penalty: '删除扣分',
  prepare_results: '编制考核结果',
  approve_results: '审批发布考核结果',
  return_results: '退回考核结果',
  save_summary: '编辑工作总结',
  submit_summary: '提交工作总结审批',
  approve_summary: '审批工作总结',
  return_summary: '退回工作总结',
  edit_bulletin_texts: '编辑工作通讯文字',
  close_follow_up: '关闭建议更换信息员提醒',
  add_contact: '登记信息员备案',
  end_contact: '登记人员离任',
  record_training: '登记培训',
  create_periodical: '新增刊物',
  update_periodical: '修改刊物设置',
  create_periodical_issue: '新建刊物一期',
  update_periodical_issue: '修改刊物一期',
  submit_periodical_issue: '刊物送领导审批',
  approve_periodical_issue: '审批刊物',
  return_periodical_issue: '退回刊物',
  publish_periodical_issue: '发布刊物并登记采用',
  withdraw_periodical_issue: '撤回刊物及其采用',
  create_notice: '起草信息工作通知',
  add_notice_attachment: '上传通知附件',
  post_notice: '发布信息工作通知',
  remind_notice: '提醒未读单位',
  confirm_notice_read: '确认已读通知',
  mail_intake: '邮件报送导入为稿件',
  mail_intake_duplicate: '重复邮件（未导入）',
  mail_quarantine: '邮件放入隔离区',
  mail_quarantine_import: '隔离邮件导入为稿件',
  mail_quarantine_reject: '退回隔离邮件',
  mail_poll: '立即收取报送邮箱',
  set_mail_opt_outs: '修改邮件通知设置',
  retry_mail: '重新发送邮件通知',
};

/** What kind of record an entry is about. */
export const AUDIT_OBJECT_TYPES: Readonly<Record<string, string>> = {
  user: '账号',
  unit: '单位',
  item: '稿件',
  adoption: '采用记录',
  instruction: '批示',
  upward: '上级采用',
  attachment: '附件',
  solicitation: '约稿',
  response: '约稿回复',
  penalty: '扣分记录',
  training: '培训记录',
  unit_contact: '登记备案人员',
  result_publication: '考核结果',
  periodical: '刊物设置',
  periodical_issue: '刊物',
  summary: '工作总结',
  unit_scores: '单位得分',
  notice: '信息工作通知',
  notice_attachment: '通知附件',
  mail_message: '报送邮件',
  mailbox: '报送邮箱',
  policy: '考核办法',
  ledger: '台账',
  settings: '安全设置',
  audit_log: '审计日志',
  route: '接口',
  mail_outbox: '邮件通知',
};

export function auditActionLabel(action: string): string {
  if (AUDIT_ACTIONS[action]) return AUDIT_ACTIONS[action];
  const item = action.startsWith('item_') ? ITEM_ACTIONS[action.slice(5) as ItemAction] : undefined;
  return item ? `稿件：${item.label}` : action;
}

export const auditOutcomeLabel = (outcome: string): string => AUDIT_OUTCOMES[outcome] ?? outcome;
export const auditObjectTypeLabel = (type: string | null): string =>
  type === null ? '' : (AUDIT_OBJECT_TYPES[type] ?? type);

/** Every action a filter offers: the named ones, then each item workflow action. */
export const AUDIT_ACTION_CODES: readonly string[] = [
  ...Object.keys(AUDIT_ACTIONS),
  ...Object.keys(ITEM_ACTIONS).map((key) => `item_${key}`),
];

/** A stored instant (UTC ISO) in Beijing time with its offset, to the second: 2026-11-28 09:02:03 +08:00. */
export function beijingTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)} +08:00`;
}
