/** 信息工作通知 (unit): the page's pure rules; the API calls are in lib/notices. */
import type { NoticeSummary } from '@shared/api/notices';

/** The unread first (reminded ones at the top), then the rest, newest first as the server sends them. */
export function unitNoticeOrder(list: readonly NoticeSummary[]): NoticeSummary[] {
  const rank = (n: NoticeSummary) => (n.readAt !== null ? 2 : n.remindedAt !== null ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b));
}
