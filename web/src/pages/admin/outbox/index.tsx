/**
 * 邮件发送: the system administrator's view of the e-mail notifications — whether the SMTP server
 * is configured, how many messages wait, were sent or failed, each message with its attempts and
 * last error, and 重新发送 for one that failed (audited on the server).
 */
import { Alert, App, Button, Card, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OutboxMessage } from '@shared/api/outbox';
import { useRequest } from '../../../lib/use-request';
import { chinaTime } from '../../items/detail/service';
import { loadOutbox, retryMessage, type OutboxFilter } from './service';

const STATUS_COLORS: Record<string, string> = { pending: 'processing', sent: 'success', failed: 'error' };

export default function OutboxPage() {
  const { message: toast } = App.useApp();
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const [page, setPage] = useState(1);
  const [retrying, setRetrying] = useState<number>();
  const { data, loading, reload } = useRequest((signal) => loadOutbox(filter, page, signal), [filter, page]);

  const retry = (id: number) => {
    setRetrying(id);
    retryMessage(id)
      .then(() => {
        void toast.success('已重新加入发送队列');
        reload();
      })
      .catch(() => undefined)
      .finally(() => setRetrying(undefined));
  };

  return (
    <Card
      title="邮件发送"
      extra={
        <Segmented
          value={filter}
          options={[
            { value: 'all', label: '全部' },
            { value: 'pending', label: '待发送' },
            { value: 'failed', label: '发送失败' },
            { value: 'sent', label: '已发送' },
          ]}
          onChange={(value) => {
            setFilter(value as OutboxFilter);
            setPage(1);
          }}
        />
      }
    >
      {data &&
        (data.configured ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            message={`已配置 SMTP 服务器，邮件由服务器在后台发送（发件人 ${data.from ?? ''}）。`}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="未配置邮件发送（GOVINFO_SMTP_URL）"
            description="通知邮件会保存在发送队列中，不会丢失；配置 SMTP 服务器并重启服务后自动发送。"
          />
        ))}
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title="待发送" value={data?.counts.pending ?? 0} />
        <Statistic title="发送失败" value={data?.counts.failed ?? 0} valueStyle={{ color: '#cf1322' }} />
        <Statistic title="已发送" value={data?.counts.sent ?? 0} />
      </Space>
      <Table<OutboxMessage>
        rowKey="id"
        loading={loading}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: '没有邮件' }}
        scroll={{ x: 1100 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '生成时间', dataIndex: 'createdAt', width: 150, render: (at: string) => chinaTime(at) },
          { title: '类别', dataIndex: 'kindName', width: 130 },
          {
            title: '收件人',
            key: 'recipient',
            width: 220,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <span>
                  {row.recipientName}
                  {row.unit ? `（${row.unit}）` : ''}
                </span>
                <Typography.Text type="secondary">{row.recipient}</Typography.Text>
              </Space>
            ),
          },
          { title: '主题', dataIndex: 'subject' },
          {
            title: '状态',
            key: 'status',
            width: 100,
            render: (_, row) => <Tag color={STATUS_COLORS[row.status]}>{row.statusName}</Tag>,
          },
          { title: '尝试次数', dataIndex: 'attempts', width: 90 },
          {
            title: '最近错误',
            dataIndex: 'lastError',
            width: 220,
            render: (error: string | null) => (error ? <Typography.Text type="danger">{error}</Typography.Text> : '—'),
          },
          {
            title: '发送时间',
            key: 'sentAt',
            width: 150,
            render: (_, row) =>
              row.sentAt ? chinaTime(row.sentAt) : row.nextAttemptAt ? `下次尝试 ${chinaTime(row.nextAttemptAt)}` : '—',
          },
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_, row) =>
              row.status === 'failed' ? (
                <Button size="small" loading={retrying === row.id} onClick={() => retry(row.id)}>
                  重新发送
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
