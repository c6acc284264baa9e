import { describe, expect, it } from 'vitest';
import type { NoticeSummary } from '../../src/shared/api/notices.js';
import { dashboardNotices } from '../../web/src/pages/dashboard/notices.js';
import { audienceFields, readProgress } from '../../web/src/pages/editor/notices/service.js';
import { unitNoticeOrder } from '../../web/src/pages/unit/notices/service.js';

const notice = (id: number, readAt: string | null, remindedAt: string | null = null): NoticeSummary => ({
  id,
  title: `通知${id}`,
  kind: 'other',
  kindName: '其他',
  audience: 'all',
  audienceName: '全部单位',
  postedBy: '编辑',
  postedAt: '2026-03-20T01:00:00.000Z',
  createdAt: '2026-03-20T01:00:00.000Z',
  unitCount: null,
  readCount: null,
  readAt,
  remindedAt,
});

describe('the notice pages’ rules', () => {
  it('sends a series or units only with the audience they belong to', () => {
    expect(audienceFields('all', 'town', [1])).toEqual({ audience: 'all' });
    expect(audienceFields('series', 'town', [1])).toEqual({ audience: 'series', seriesCode: 'town' });
    expect(audienceFields('units', 'town', [1, 1, 2])).toEqual({ audience: 'units', unitIds: [1, 2] });
  });

  it('words the reading of a posted notice, and a draft as not posted', () => {
    expect(readProgress(3, 5)).toBe('已阅 3 / 5');
    expect(readProgress(null, null)).toBe('未发布');
  });

  it('the dashboard shows every unread notice, then the latest read ones up to five', () => {
    const read = [1, 2, 3, 4, 5].map((id) => notice(id, '2026-03-21T00:00:00.000Z'));
    const unread = [6, 7].map((id) => notice(id, null));
    expect(dashboardNotices([...read, ...unread]).map((n) => n.id)).toEqual([6, 7, 1, 2, 3]);
  });

  it('the unit’s list puts reminded unread notices first, then unread, then read', () => {
    const list = [notice(1, '2026-03-21T00:00:00.000Z'), notice(2, null), notice(3, null, '2026-03-22T00:00:00.000Z')];
    expect(unitNoticeOrder(list).map((n) => n.id)).toEqual([3, 2, 1]);
  });
});
