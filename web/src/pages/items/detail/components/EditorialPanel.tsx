/**
 * The district editor's records on an item: duplicate warning, adoptions (record, correct, undo),
 * leaders' instructions and upward adoptions, each with the points it earned. Outlet, kind and
 * level names come from the policy; the item's bookings reload through onChange after each save.
 */
import { App, Alert, Button, Card, Space, Table, Typography } from 'antd';
import { todayInChina } from '@domain/dates';
import { policyInForce } from '@domain/policy';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { pathOf } from '../../../../access';
import { AcceptDialog } from '../../../../components/AcceptDialog';
import { ApiError } from '../../../../http';
import { INSTRUCTION_LEVELS } from '../../../../lib/labels';
import { kindName, loadPolicies, outletName } from '../../../../lib/policy';
import { useRequest } from '../../../../lib/use-request';
import type { ItemAdoption, ItemDetail } from '../types';
import { AdoptionDialog } from './AdoptionDialog';
import { InstructionDialog, UpwardDialog } from './RecordDialogs';
import { SIMILAR_REASONS, loadSimilarItems, recordPoints, undoAdoption } from './editorial-service';
import { describeUpwardLines, upwardLines } from './upward-preview';

type Dialog =
  { type: 'adoption'; adoption?: ItemAdoption } | { type: 'accept' } | { type: 'instruction' } | { type: 'upward' };

export function EditorialPanel({ item, onChange }: { item: ItemDetail; onChange(): void }) {
  const { message, modal } = App.useApp();
  const { data: policies } = useRequest(() => loadPolicies(), []);
  const { data: similar } = useRequest((signal) => loadSimilarItems(item.id, signal).catch(() => []), [item.id]);
  const [dialog, setDialog] = useState<Dialog>();
  const policyOn = (date: string) =>
    policies ? (policyInForce(policies, date) ?? policies[policies.length - 1]) : undefined;
  const policy = policyOn(todayInChina());
  // The rows' points, said in words: each upward record in date order, and what it tops up.
  const upwardExplanation =
    policies && item.adoptions.some((a) => policyOn(a.date)?.outlets[a.outlet]?.upwardEligible)
      ? describeUpwardLines(upwardLines(policies, item))
      : [];
  // The server takes records on an item the district has received (or an imported one).
  const open = item.origin === 'ledger' || item.status === 'received' || item.status === 'adopted';

  const saved =
    (what: string) =>
    (warnings: string[] = []) => {
      setDialog(undefined);
      message.success(`${what}已保存，得分已重新计算`);
      for (const warning of warnings) message.warning({ content: warning, duration: 8 });
      onChange();
    };

  const points = (ref: string): ReactNode => {
    const p = recordPoints(item.bookings, ref);
    if (p === undefined) return <Typography.Text type="secondary">不计分</Typography.Text>;
    return (
      <Typography.Text strong type={p < 0 ? 'danger' : 'success'}>
        {p > 0 ? `+${p}` : p} 分
      </Typography.Text>
    );
  };

  const confirmUndo = (adoption: ItemAdoption) => {
    const earned = recordPoints(item.bookings, adoption.ref);
    modal.confirm({
      title: `撤销采用 ${adoption.ref}？`,
      content: `撤销后，这条采用记录将被删除${earned ? `，它为${item.unit.name}记的 ${earned} 分将被扣回` : ''}；依赖此采用的领导批示、上级采用加分也会随之重新计算。撤销会记入处理记录和审计日志。`,
      okText: '撤销采用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await undoAdoption(item.id, adoption.id);
          message.success('已撤销采用，得分已扣回');
          onChange();
        } catch (error) {
          message.error(error instanceof ApiError ? error.message : '撤销失败，请稍后重试');
        }
      },
    });
  };

  const section = (title: string, action: ReactNode, table: ReactNode) => (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Text strong>{title}</Typography.Text>
        {action}
      </Space>
      {table}
    </div>
  );

  return (
    <Card title="编辑处理（区政府办公室调研科）" size="small">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {similar && similar.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`疑似重复：${similar.length} 篇已报送稿件与本稿件相似`}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {similar.map((s) => (
                  <li key={s.id}>
                    <Link to={pathOf('itemDetail', { id: s.id })}>{s.title}</Link>
                    <Typography.Text type="secondary">
                      {' '}
                      · {s.unit.name} · {s.submitted} · {s.statusName} · {SIMILAR_REASONS[s.reason]}（
                      {Math.round(s.score * 100)}%）
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {!open && (
          <Alert
            type="info"
            showIcon
            title={
              item.status === 'submitted'
                ? '稿件尚未接收：可“接收并采用”一步完成，或接收后再登记采用、批示和上级采用'
                : `稿件${item.statusName}，不能登记采用或批示`
            }
          />
        )}

        {section(
          '采用',
          <Space wrap>
            {(item.status === 'submitted' || item.status === 'received') && (
              <Button type="primary" onClick={() => setDialog({ type: 'accept' })}>
                {item.status === 'submitted' ? '接收并采用' : '采用'}
              </Button>
            )}
            <Button disabled={!open} onClick={() => setDialog({ type: 'adoption' })}>
              登记采用
            </Button>
          </Space>,
          <Table<ItemAdoption>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={item.adoptions}
            locale={{ emptyText: open ? '尚未登记采用：稿件被刊物或栏目采用后，点“登记采用”' : '尚未登记采用' }}
            columns={[
              { title: '采用载体', key: 'outlet', render: (_, a) => outletName(policyOn(a.date), a.outlet) },
              {
                title: '信息类型',
                dataIndex: 'kind',
                render: (kind: string | null, a) => (kind ? kindName(policyOn(a.date), kind) : '—'),
              },
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '期号', dataIndex: 'issue', render: (issue: string | null) => issue ?? '—' },
              { title: '得分', key: 'points', width: 90, render: (_, a) => points(a.ref) },
              {
                title: '操作',
                key: 'actions',
                width: 130,
                render: (_, a) => (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      aria-label={`更正采用 ${a.ref}`}
                      onClick={() => setDialog({ type: 'adoption', adoption: a })}
                    >
                      更正
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger
                      aria-label={`撤销采用 ${a.ref}`}
                      onClick={() => confirmUndo(a)}
                    >
                      撤销
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}

        {section(
          '领导批示',
          <Button disabled={!open} onClick={() => setDialog({ type: 'instruction' })}>
            登记批示
          </Button>,
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={item.instructions}
            locale={{ emptyText: '尚未登记领导批示' }}
            columns={[
              { title: '级别', dataIndex: 'level', render: (level: string) => INSTRUCTION_LEVELS[level] ?? level },
              { title: '批示领导', dataIndex: 'leader', render: (leader: string | null) => leader ?? '—' },
              {
                title: '批示内容',
                dataIndex: 'text',
                render: (text: string | null) => <span style={{ wordBreak: 'break-word' }}>{text ?? '—'}</span>,
              },
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '得分', key: 'points', width: 90, render: (_, i) => points(i.ref) },
            ]}
          />
        )}

        {section(
          '上报省、市政府办公厅',
          <Button disabled={!open} onClick={() => setDialog({ type: 'upward' })}>
            登记上级采用
          </Button>,
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={item.upwards}
            locale={{ emptyText: '尚未登记上级采用' }}
            columns={[
              {
                title: '级别',
                dataIndex: 'level',
                render: (level: string, u) => `${policyOn(u.date)?.upward[level]?.name ?? level}采用`,
              },
              {
                title: '信息类型',
                dataIndex: 'kind',
                render: (kind: string | null, u) => (kind ? kindName(policyOn(u.date), kind) : '—'),
              },
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '得分', key: 'points', width: 90, render: (_, u) => points(u.ref) },
            ]}
          />
        )}
        {upwardExplanation.length > 1 && (
          <Typography.Text type="secondary">
            按最高加分值补足（按日期先后）：{upwardExplanation.join('；')}。
          </Typography.Text>
        )}
      </Space>

      {dialog?.type === 'adoption' && (
        <AdoptionDialog
          itemId={item.id}
          isPublic={item.isPublic}
          policy={policy}
          adoption={dialog.adoption}
          onClose={() => setDialog(undefined)}
          onSaved={() => saved(dialog.adoption ? '采用更正' : '采用记录')()}
        />
      )}
      {dialog?.type === 'accept' && (
        <AcceptDialog
          items={[item]}
          policy={policy}
          onClose={() => setDialog(undefined)}
          onSaved={(text) => {
            setDialog(undefined);
            message.success(text);
            onChange();
          }}
        />
      )}
      {dialog?.type === 'instruction' && (
        <InstructionDialog
          itemId={item.id}
          policy={policy}
          onClose={() => setDialog(undefined)}
          onSaved={saved('领导批示')}
        />
      )}
      {dialog?.type === 'upward' && (
        <UpwardDialog
          itemId={item.id}
          policy={policy}
          policies={policies ?? []}
          item={item}
          onClose={() => setDialog(undefined)}
          onSaved={saved('上级采用')}
        />
      )}
    </Card>
  );
}
