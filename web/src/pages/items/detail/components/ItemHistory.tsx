/** 处理记录: who did what, when, with which comment (a reply names its solicitation; early ones stored only its id, not shown). */
import { Empty, Tag, Timeline, Typography } from 'antd';
import { ITEM_STATUSES, type ItemStatus } from '@shared/item-fields';
import { chinaTime, historyActionName } from '../service';
import type { ItemHistoryEntry } from '../types';

const RED = ['return_to_officer', 'return_for_revision', 'reject', 'withdraw', 'undo_adoption'];
const GREEN = ['approve', 'sign', 'adopt', 'instruction', 'upward'];

export function ItemHistory({ history }: { history: ItemHistoryEntry[] }) {
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无处理记录" />;
  return (
    <Timeline
      items={history.map((entry, index) => ({
        key: index,
        color: RED.includes(entry.action) ? 'red' : GREEN.includes(entry.action) ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{historyActionName(entry.action)}</Typography.Text>
            {entry.toStatus && entry.toStatus !== entry.fromStatus && (
              <Tag style={{ marginInlineStart: 8 }}>
                {ITEM_STATUSES[entry.toStatus as ItemStatus] ?? entry.toStatus}
              </Tag>
            )}
            <div>
              <Typography.Text type="secondary">
                {entry.actor} · {chinaTime(entry.at)}
              </Typography.Text>
            </div>
            {entry.comment && !(entry.action === 'answer_solicitation' && /^\d+$/.test(entry.comment)) && (
              <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{entry.comment}</div>
            )}
          </div>
        ),
      }))}
    />
  );
}
