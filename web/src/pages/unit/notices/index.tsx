/** 信息工作通知 (unit): notices addressed to the unit, the unread first; each opens to be read and confirmed. */
import { Card, Empty, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { pathOf } from '../../../access';
import { chinaMinute, loadNotices, type NoticeSummary } from '../../../lib/notices';
import { useRequest } from '../../../lib/use-request';
import { unitNoticeOrder } from './service';

export default function UnitNoticesPage() {
  const { data, loading } = useRequest((signal) => loadNotices(signal), []);
  return (
    <Card title="信息工作通知">
      <Table<NoticeSummary>
        rowKey="id"
        loading={loading}
        dataSource={unitNoticeOrder(data ?? [])}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条通知` }}
        locale={{ emptyText: loading ? ' ' : <Empty description="还没有发给本单位的通知" /> }}
        columns={[
          {
            title: '通知标题',
            dataIndex: 'title',
            render: (title: string, n) => <Link to={pathOf('noticeDetail', { id: n.id })}>{title}</Link>,
          },
          { title: '类别', dataIndex: 'kindName', width: 120 },
          {
            title: '发布时间',
            dataIndex: 'postedAt',
            width: 160,
            render: (v: string | null) => (v ? chinaMinute(v) : '—'),
          },
          {
            title: '本单位',
            key: 'read',
            width: 170,
            render: (_, n) => <NoticeReadTags notice={n} />,
          },
        ]}
      />
    </Card>
  );
}

export function NoticeReadTags({ notice }: { notice: NoticeSummary }) {
  if (notice.readAt) return <Tag color="success">已阅</Tag>;
  return (
    <Space size={4}>
      <Tag color="error">未阅</Tag>
      {notice.remindedAt && <Tag color="warning">已提醒</Tag>}
    </Space>
  );
}
