/** 通知详情: the page's pure rules; the API calls are in lib/notices. */
import type { NoticeDetail } from '@shared/api/notices';

type UnitStatus = NonNullable<NoticeDetail['units']>[number];

/** Units that have not confirmed, which 提醒未读单位 reaches. */
export function unreadUnits(units: readonly UnitStatus[]): UnitStatus[] {
  return units.filter((u) => u.readAt === null);
}

/** The unread first, then in annex order (the order the server gives). */
export function statusOrder(units: readonly UnitStatus[]): UnitStatus[] {
  return [...unreadUnits(units), ...units.filter((u) => u.readAt !== null)];
}
