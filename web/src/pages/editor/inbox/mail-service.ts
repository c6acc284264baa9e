/** 邮件报送 on the inbox page: sending `.eml` files and wording what became of them. */
import type { IntakeResult } from '@shared/api/mail';
import { http } from '../../../http';

export const MAIL_EXTENSION = '.eml';

/** Sends the messages in one request; each becomes a received item or goes to quarantine. */
export function uploadMail(files: readonly File[]): Promise<IntakeResult> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return http.post<IntakeResult>('/api/mail/intake', form);
}

/** Whether a message was already taken in before (reported among the quarantined, stored nothing). */
export function isDuplicate(reason: string): boolean {
  return reason.startsWith('重复邮件');
}

/** One line saying what an upload did. */
export function intakeSummary(result: IntakeResult): string {
  const duplicates = result.quarantined.filter((q) => isDuplicate(q.reason)).length;
  const parts = [`导入 ${result.accepted.length} 篇稿件`, `隔离 ${result.quarantined.length - duplicates} 封`];
  if (duplicates > 0) parts.push(`重复跳过 ${duplicates} 封`);
  return parts.join('，');
}
