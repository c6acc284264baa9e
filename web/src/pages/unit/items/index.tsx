/** 本单位稿件: the unit's items by state, searchable, paginated on the server. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ItemStatus } from '@shared/item-fields';
import { ITEM_COLUMNS, PUBLIC_LABELS, UNIT_ITEM_DATE_TITLE } from '@shared/tables/item-columns';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { can, pathOf } from '../../../access';
import { ExportButton } from '../../../components/ExportButton';
import { query } from '../../../http';
import { ITEM_STATUSES, STATUS_COLORS } from '../../../lib/labels';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { listItems, statusFromUrl, type ItemRow } from './service';

export default function UnitItemsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = statusFromUrl(params.get('status'));
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));
  const [typed, setTyped] = useState(q);
  const { data, loading } = useRequest(
    (signal) => listItems({ status, q: q || undefined, page, pageSize }, signal),
    [status, q, page, pageSize]
  );

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next);
  };

  const canDraft = can.draftItems(user.role);
  const emptyText = q ? `没有找到含“${q}”的稿件` : status ? `没有“${ITEM_STATUSES[status]}”的稿件` : '本单位还没有稿件';

  return (
    <Card
      title="本单位稿件"
      extra={
        <Space wrap>
          <ExportButton url={`/api/items/export${query({ status, q: q || undefined })}`} filename="本单位稿件" />
          {canDraft && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(pathOf('itemNew'))}>
              撰写稿件
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={status ?? 'all'}
        onChange={(key) => update({ status: key === 'all' ? undefined : key, page: undefined })}
        items={[
          { key: 'all', label: '全部' },
          ...(Object.keys(ITEM_STATUSES) as ItemStatus[]).map((key) => ({ key, label: ITEM_STATUSES[key] })),
        ]}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索稿件"
          placeholder="搜索标题或正文，如：防汛"
          allowClear
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
          maxLength={50}
          style={{ maxWidth: 320 }}
        />
      </Space>
      <Table<ItemRow>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 篇`,
          onChange: (p, size) => update({ page: p === 1 ? undefined : p, pageSize: size === 20 ? undefined : size }),
        }}
        locale={{
          emptyText: loading ? (
            ' '
          ) : (
            <Empty description={emptyText}>
              {canDraft && !q && (
                <Button type="primary" onClick={() => navigate(pathOf('itemNew'))}>
                  撰写一篇信息稿件
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          {
            title: ITEM_COLUMNS.title,
            dataIndex: 'title',
            minWidth: 180,
            render: (title: string, row) => <Link to={pathOf('itemDetail', { id: row.id })}>{title}</Link>,
          },
          {
            title: ITEM_COLUMNS.status,
            dataIndex: 'status',
            render: (s: ItemStatus, row) => <Tag color={STATUS_COLORS[s]}>{row.statusName}</Tag>,
          },
          {
            title: ITEM_COLUMNS.category,
            dataIndex: 'category',
            responsive: ['md'],
            render: (c: string | null) => c ?? '—',
          },
          { title: UNIT_ITEM_DATE_TITLE, dataIndex: 'submitted', width: 110, responsive: ['sm'] },
          {
            title: ITEM_COLUMNS.isPublic,
            dataIndex: 'isPublic',
            width: 100,
            responsive: ['sm'],
            render: (p: boolean) =>
              p ? PUBLIC_LABELS.true : <Typography.Text type="warning">{PUBLIC_LABELS.false}</Typography.Text>,
          },
          {
            title: ITEM_COLUMNS.isMajor,
            dataIndex: 'isMajor',
            width: 90,
            responsive: ['sm'],
            render: (m: boolean) => (m ? <Tag color="volcano">重大</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}
