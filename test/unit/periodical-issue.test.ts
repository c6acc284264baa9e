import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  isEditable,
  issueLine,
  nextIssueNumber,
  paragraphsOf,
} from '../../src/domain/periodical-issue.js';

describe('an issue of a periodical', () => {
  it('is named and dated as the masthead prints it, and numbered on from the year’s highest', () => {
    expect(issueLine(2011, 15)).toBe('2011年第15期');
    expect(chineseDate('2011-05-02')).toBe('2011年5月2日');
    expect(nextIssueNumber(0)).toBe(1);
    expect(nextIssueNumber(14)).toBe(15);
  });

  it('is edited only as a draft, returned or withdrawn', () => {
    expect(['draft', 'returned', 'withdrawn'].every(isEditable)).toBe(true);
    expect(['submitted', 'approved', 'published'].some(isEditable)).toBe(false);
  });

  it('prints one paragraph per non-empty line', () => {
    expect(paragraphsOf(' 第一段。\r\n\n第二段。 \n')).toEqual(['第一段。', '第二段。']);
  });
});
