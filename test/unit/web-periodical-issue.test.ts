import { describe, expect, it } from 'vitest';
import { moveItem, titleForPrint } from '../../web/src/pages/editor/periodical-issue/issue-draft';

describe('the issue editor’s working copy', () => {
  it('moves an item up or down, and leaves the ends as they are', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('prints a unit’s title without the （政务信息） mark of the inbox', () => {
    expect(titleForPrint('沙湾镇推进古镇保护（政务信息）')).toBe('沙湾镇推进古镇保护');
    expect(titleForPrint('沙湾镇推进古镇保护')).toBe('沙湾镇推进古镇保护');
  });
});
