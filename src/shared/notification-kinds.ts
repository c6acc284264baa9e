/** 邮件通知: the kinds of e-mail the system sends, with the Chinese names the pages show. */
export const NOTIFICATION_KINDS = {
  solicitation_new: '新约稿',
  solicitation_due: '约稿截止提醒',
  item_returned: '稿件被退回',
  results_published: '考核结果发布',
  notice_posted: '信息工作通知',
  mail_quarantined: '报送邮件进入隔离区',
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const NOTIFICATION_KIND_CODES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** The outbox states and their Chinese names. */
export const OUTBOX_STATUSES = { pending: '待发送', sent: '已发送', failed: '发送失败' } as const;
export type OutboxStatus = keyof typeof OUTBOX_STATUSES;
