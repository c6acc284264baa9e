/** Which notices the unit's dashboard shows: every unread one, then the latest read ones up to five in all. */
import type { NoticeSummary } from '@shared/api/notices';

const RECENT = 5;

export function dashboardNotices(list: readonly NoticeSummary[]): NoticeSummary[] {
  const unread = list.filter((n) => n.readAt === null);
  const read = list.filter((n) => n.readAt !== null);
  return [...unread, ...read.slice(0, Math.max(0, RECENT - unread.length))];
}
