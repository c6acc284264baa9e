/** 信息工作通知 (editor): the page's pure rules; the API calls are in lib/notices. */
import type { NoticeBody } from '@shared/api/notices';

export type Audience = NoticeBody['audience'];

export const AUDIENCE_OPTIONS: { value: Audience; label: string }[] = [
  { value: 'all', label: '全部单位' },
  { value: 'series', label: '某一序列' },
  { value: 'units', label: '指定单位' },
];

/** What POST /api/notices takes for the audience chosen: a series or units only when they apply. */
export function audienceFields(
  audience: Audience,
  seriesCode: string | undefined,
  unitIds: readonly number[] | undefined
): Pick<NoticeBody, 'audience' | 'seriesCode' | 'unitIds'> {
  if (audience === 'series') return { audience, seriesCode };
  if (audience === 'units') return { audience, unitIds: [...new Set(unitIds ?? [])] };
  return { audience };
}

/** 已阅 3 / 5, or 草稿 before posting. */
export function readProgress(readCount: number | null, unitCount: number | null): string {
  if (readCount === null || unitCount === null) return '未发布';
  return `已阅 ${readCount} / ${unitCount}`;
}
