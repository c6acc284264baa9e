/** 信息工作通知: the API calls the editor's page, the unit's page, the notice page and the dashboard share. */
import type {
  NoticeAttachmentCreated,
  NoticeBody,
  NoticeCreated,
  NoticeDetail,
  NoticeList,
  NoticePosted,
  NoticeRead,
  NoticeReminded,
  NoticeSummary,
} from '@shared/api/notices';
import { NOTICE_KINDS } from '@shared/api/notices';
import { http } from '../http';

export type { NoticeDetail, NoticeSummary };
export { NOTICE_KINDS };

export function loadNotices(signal?: AbortSignal, quiet = false): Promise<NoticeList> {
  return http.get<NoticeList>('/api/notices', { signal, quiet });
}

export function loadNotice(id: number, signal?: AbortSignal): Promise<NoticeDetail> {
  return http.get<NoticeDetail>(`/api/notices/${id}`, { signal });
}

/** The form shows refusals on its fields (quiet). */
export function createNotice(body: NoticeBody) {
  return http.post<NoticeCreated>('/api/notices', body, { quiet: true });
}

export function uploadNoticeAttachment(noticeId: number, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.post<NoticeAttachmentCreated>(`/api/notices/${noticeId}/attachments`, form, { quiet: true });
}

export function publishNotice(noticeId: number) {
  return http.post<NoticePosted>(`/api/notices/${noticeId}/publish`, {});
}

export function confirmNoticeRead(noticeId: number) {
  return http.post<NoticeRead>(`/api/notices/${noticeId}/reads`, {});
}

export function remindUnreadUnits(noticeId: number) {
  return http.post<NoticeReminded>(`/api/notices/${noticeId}/reminders`, {});
}

export function noticeAttachmentUrl(noticeId: number, attachmentId: number): string {
  return `/api/notices/${noticeId}/attachments/${attachmentId}`;
}

/** An ISO time as China Standard Time, to the minute: 2026-03-20 09:00. */
export function chinaMinute(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Posted notices a unit has not confirmed yet: what its dashboard and bell call out. */
export function unreadNotices(list: readonly NoticeSummary[]): NoticeSummary[] {
  return list.filter((n) => n.postedAt !== null && n.readAt === null);
}
