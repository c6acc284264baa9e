/** 选择稿件: items the district office has received or adopted, searched by title; one click adds an item to the issue. */
import { Button, Input, Modal, Table, Tag } from 'antd';
import type { CandidateItem } from '@shared/api/periodicals';
import { useState } from 'react';
import { useRequest } from '../../../../lib/use-request';
import { loadCandidates } from '../../periodicals/service';

const STATUS: Record<string, string> = { received: '已接收', adopted: '已采用' };

export function ItemPicker({
  chosen,
  onAdd,
  onClose,
}: {
  chosen: ReadonlySet<number>;
  onAdd(item: CandidateItem): void;
  onClose(): void;
}) {
  const [q, setQ] = useState('');
  const candidates = useRequest((signal) => loadCandidates(q, signal), [q]);
  return (
    <Modal open title="选择稿件" footer={null} width={860} onCancel={onClose} destroyOnHidden>
      <Input.Search
        aria-label="按标题查找稿件"
        placeholder="按标题查找已接收或已采用的稿件"
        allowClear
        onSearch={(value) => setQ(value.trim())}
        style={{ marginBottom: 12 }}
      />
      <Table<CandidateItem>
        rowKey="id"
        size="small"
        loading={candidates.loading}
        dataSource={candidates.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '没有可编入的稿件：稿件须先被区政府办公室接收' }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '单位', dataIndex: 'unit', width: 120 },
          { title: '报送日期', dataIndex: 'submitted', width: 110 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (status: string) => <Tag>{STATUS[status] ?? status}</Tag>,
          },
          {
            title: '操作',
            width: 90,
            render: (_, row) =>
              chosen.has(row.id) ? (
                <Tag color="success">已编入</Tag>
              ) : (
                <Button size="small" type="link" aria-label={`编入 ${row.title}`} onClick={() => onAdd(row)}>
                  编入本期
                </Button>
              ),
          },
        ]}
      />
    </Modal>
  );
}
