/**
 * An issue (一期) of a periodical: how it is numbered and named, and which states allow what.
 * draft → submitted (to the office leader) → approved → published; the leader may return a
 * submitted issue with a comment; a published issue may be withdrawn, after which it is edited
 * and submitted again like a draft.
 */
export const ISSUE_STATUSES = {
  draft: '草稿',
  submitted: '待领导审批',
  returned: '已退回修改',
  approved: '已审批待发布',
  published: '已发布',
  withdrawn: '已撤回',
} as const;

export type IssueStatus = keyof typeof ISSUE_STATUSES;

/** States in which the editor may change the issue's number, date and items, and submit it. */
export const EDITABLE_STATUSES: readonly IssueStatus[] = ['draft', 'returned', 'withdrawn'];

export function isEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** 2011年第15期: what the masthead prints and what the adoption records as its `issue`. */
export function issueLine(year: number, number: number): string {
  return `${year}年第${number}期`;
}

/** 2011年5月20日 from 2011-05-20. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The number a new issue of the year takes: one after the highest so far. */
export function nextIssueNumber(highestOfYear: number): number {
  return highestOfYear + 1;
}

/** Paragraphs of an item body: one per non-empty line. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
