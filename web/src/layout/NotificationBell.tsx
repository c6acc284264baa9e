/** Notifications in the page: items returned, solicitations nearing their deadline, results published, notices unread. */
import { Badge, Button, Empty, List, Popover } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useNotifications } from '../lib/notifications';

export function NotificationBell({ icon }: { icon: ReactNode }) {
  const { notifications } = useNotifications();
  const navigate = useNavigate();
  const content =
    notifications.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无新通知" />
    ) : (
      <List
        size="small"
        style={{ width: 320, maxHeight: 360, overflow: 'auto' }}
        dataSource={notifications}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(n.link)}>
            <List.Item.Meta title={n.title} description={n.description} />
          </List.Item>
        )}
      />
    );
  return (
    <Popover content={content} title="通知" trigger="click" placement="bottomRight">
      <Badge count={notifications.length} size="small">
        <Button type="text" icon={icon} aria-label={`通知（${notifications.length} 条）`} />
      </Badge>
    </Popover>
  );
}
