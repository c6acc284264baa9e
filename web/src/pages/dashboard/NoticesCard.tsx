/** The dashboard's 信息工作通知 for a unit: the unread (confirmed here with 确认已阅) and the latest read ones. */
import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PAGES, pathOf } from '../../access';
import { chinaMinute, confirmNoticeRead, loadNotices, type NoticeSummary } from '../../lib/notices';
import { refreshTodos } from '../../lib/notifications';
import { useRequest } from '../../lib/use-request';
import { useUser } from '../../session';
import { dashboardNotices } from './notices';

export function NoticesCard() {
  const user = useUser();
  const { message } = App.useApp();
  const { data, loading, reload } = useRequest((signal) => loadNotices(signal), []);
  const [confirming, setConfirming] = useState<number>();

  const confirm = async (notice: NoticeSummary) => {
    setConfirming(notice.id);
    try {
      await confirmNoticeRead(notice.id);
      message.success(`已确认阅读“${notice.title}”`);
      void refreshTodos(user.role).catch(() => undefined);
      reload();
    } finally {
      setConfirming(undefined);
    }
  };

  return (
    <Card title="信息工作通知" extra={<Link to={PAGES.unitNotices.path}>全部通知</Link>}>
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <List
          dataSource={dashboardNotices(data ?? [])}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" /> }}
          renderItem={(n) => (
            <List.Item
              actions={
                n.readAt
                  ? [
                      <Tag key="read" color="success">
                        已阅
                      </Tag>,
                    ]
                  : [
                      <Button
                        key="confirm"
                        type="primary"
                        size="small"
                        icon={<CheckOutlined />}
                        loading={confirming === n.id}
                        onClick={() => void confirm(n)}
                      >
                        确认已阅
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Link to={pathOf('noticeDetail', { id: n.id })}>{n.title}</Link>
                    <Tag>{n.kindName}</Tag>
                    {!n.readAt && n.remindedAt && <Tag color="warning">调研科已提醒</Tag>}
                  </Space>
                }
                description={n.postedAt ? `发布于 ${chinaMinute(n.postedAt)}` : undefined}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
