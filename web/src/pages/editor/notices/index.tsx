/** 信息工作通知 (district office): the notices posted, how many units have read each, and posting a new one. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Progress, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { pathOf } from '../../../access';
import { chinaMinute, loadNotices, type NoticeSummary } from '../../../lib/notices';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { PostNotice } from './components/PostNotice';
import { readProgress } from './service';

export default function EditorNoticesPage() {
  const user = useUser();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { data, loading, reload } = useRequest((signal) => loadNotices(signal), []);
  const [posting, setPosting] = useState(false);
  const canPost = user.role === 'editor';

  const postButton = canPost && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)}>
      发布通知
    </Button>
  );

  return (
    <Card title="信息工作通知" extra={postButton}>
      <Table<NoticeSummary>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条通知` }}
        locale={{
          emptyText: loading ? ' ' : <Empty description="还没有信息工作通知">{postButton}</Empty>,
        }}
        columns={[
          {
            title: '通知标题',
            dataIndex: 'title',
            render: (title: string, n) => (
              <Link to={pathOf('noticeDetail', { id: n.id })} style={{ wordBreak: 'break-word' }}>
                {title}
              </Link>
            ),
          },
          { title: '类别', dataIndex: 'kindName', width: 120 },
          { title: '发送范围', dataIndex: 'audienceName', width: 160, responsive: ['md'] },
          {
            title: '发布时间',
            dataIndex: 'postedAt',
            width: 160,
            render: (postedAt: string | null) => (postedAt ? chinaMinute(postedAt) : <Tag>草稿</Tag>),
          },
          {
            title: '阅读情况',
            key: 'reads',
            width: 200,
            render: (_, n) =>
              n.unitCount ? (
                <Space size={4}>
                  <Progress
                    percent={Math.round(((n.readCount ?? 0) / n.unitCount) * 100)}
                    size="small"
                    style={{ width: 80, margin: 0 }}
                    showInfo={false}
                  />
                  {readProgress(n.readCount, n.unitCount)}
                </Space>
              ) : (
                readProgress(n.readCount, n.unitCount)
              ),
          },
        ]}
      />
      {posting && (
        <PostNotice
          onClose={() => setPosting(false)}
          onPosted={(id) => {
            setPosting(false);
            message.success('通知已发布，收到通知的单位可在工作台看到');
            void navigate(pathOf('noticeDetail', { id }));
          }}
          onDraftLeft={(id, problem) => {
            setPosting(false);
            reload();
            modal.warning({
              title: '通知已保存为草稿，尚未发布',
              content: `${problem}。请在通知页面补充附件后发布。`,
              okText: '去处理',
              onOk: () => navigate(pathOf('noticeDetail', { id })),
            });
          }}
        />
      )}
    </Card>
  );
}
