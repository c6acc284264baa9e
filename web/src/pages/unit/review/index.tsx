/** 待审核稿件: approve, return with a comment, or (principal) sign after the paper copy is recorded. */
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ITEM_ACTIONS, type ItemAction } from '@domain/item-workflow';
import { ITEM_STATUSES, type ItemStatus } from '@shared/item-fields';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { pathOf } from '../../../access';
import { ApiError } from '../../../http';
import { STATUS_COLORS } from '../../../lib/labels';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { CommentModal } from '../../items/detail/components/CommentModal';
import { allowedActions, transition } from '../../items/detail/service';
import { listItems, type ItemRow } from '../items/service';
import { queueStatuses } from './service';

export default function ReviewPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const statuses = queueStatuses(user.role);
  const [status, setStatus] = useState<ItemStatus>(statuses[0]);
  const [page, setPage] = useState(1);
  const { data, loading, reload } = useRequest(
    (signal) => listItems({ status, page, pageSize: 20 }, signal),
    [status, page]
  );
  const [busy, setBusy] = useState<string>();
  const [returning, setReturning] = useState<ItemRow>();

  const run = async (row: ItemRow, action: ItemAction, comment?: string) => {
    setBusy(`${row.id}:${action}`);
    try {
      const result = await transition(row.id, row.version, action, comment);
      message.success(`“${row.title}”${ITEM_ACTIONS[action].label}，现为“${result.statusName}”`);
      setReturning(undefined);
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : '操作失败，请重试');
    } finally {
      setBusy(undefined);
      reload();
    }
  };

  const actionsOf = (row: ItemRow) => {
    const allowed = allowedActions(user.role, row.status);
    return (
      <Space wrap size={4}>
        {allowed.includes('approve') && (
          // Approving sends the item on for good: confirm, naming it, as a list is easy to misclick.
          <Popconfirm
            title={`审核通过“${row.title}”？`}
            description={row.isMajor ? '重大或敏感信息，通过后交主要领导签发。' : '通过后即报送区政府办公室。'}
            okText="审核通过"
            cancelText="取消"
            onConfirm={() => run(row, 'approve')}
          >
            <Button size="small" type="primary" loading={busy === `${row.id}:approve`}>
              审核通过
            </Button>
          </Popconfirm>
        )}
        {allowed.includes('sign') && (
          // Signing needs the paper copy recorded first: done on the item's page, which explains it.
          <Button size="small" type="primary" onClick={() => navigate(pathOf('itemDetail', { id: row.id }))}>
            去签发
          </Button>
        )}
        {allowed.includes('return_to_officer') && (
          <Button size="small" danger onClick={() => setReturning(row)}>
            退回修改
          </Button>
        )}
      </Space>
    );
  };

  return (
    <Card title="待审核稿件">
      <Typography.Paragraph type="secondary">
        {user.role === 'principal'
          ? '重大问题和敏感类信息经审核后由您签发，签发前须登记书面稿件；本单位待审核的稿件您也可以审核通过。也可以退回信息员修改。'
          : '审核通过的稿件报送区政府办公室；重大或敏感信息审核通过后交主要领导签发。退回时须写明意见。'}
      </Typography.Paragraph>
      {statuses.length > 1 && (
        <Tabs
          activeKey={status}
          onChange={(key) => {
            setStatus(key as ItemStatus);
            setPage(1);
          }}
          items={statuses.map((s) => ({ key: s, label: ITEM_STATUSES[s] }))}
        />
      )}
      <Table<ItemRow>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 篇`,
          onChange: setPage,
        }}
        locale={{
          emptyText: loading ? (
            ' '
          ) : (
            <Empty
              description={
                status === 'awaiting_signature'
                  ? '没有待签发的稿件；重大或敏感信息经分管领导审核通过后会出现在这里'
                  : '没有待审核的稿件；信息员提交后会出现在这里'
              }
            />
          ),
        }}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            minWidth: 180,
            render: (title: string, row) => <Link to={pathOf('itemDetail', { id: row.id })}>{title}</Link>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            responsive: ['sm'],
            render: (s: ItemStatus, row) => <Tag color={STATUS_COLORS[s]}>{row.statusName}</Tag>,
          },
          { title: '类别', dataIndex: 'category', responsive: ['md'], render: (c: string | null) => c ?? '—' },
          { title: '日期', dataIndex: 'submitted', width: 110, responsive: ['sm'] },
          {
            title: '属性',
            key: 'flags',
            width: 130,
            responsive: ['sm'],
            render: (_, row) => (
              <Space size={4}>
                {row.isMajor && <Tag color="volcano">重大</Tag>}
                {!row.isPublic && <Tag color="orange">不予公开</Tag>}
              </Space>
            ),
          },
          { title: '操作', key: 'actions', width: 220, render: (_, row) => actionsOf(row) },
        ]}
      />
      {returning && (
        <CommentModal
          title={`退回“${returning.title}”`}
          label="退回意见"
          onSubmit={(comment) => run(returning, 'return_to_officer', comment)}
          onCancel={() => setReturning(undefined)}
        />
      )}
    </Card>
  );
}
