/** 得分: the points the item earned, with the bookings behind them, and the records that earned them. */
import { Card, Empty, List, Statistic, Table } from 'antd';
import { describeRule } from '@domain/describe-rule';
import { policyInForce } from '@domain/policy';
import { INSTRUCTION_LEVELS } from '../../../../lib/labels';
import { kindName, loadPolicies, outletName } from '../../../../lib/policy';
import { useRequest } from '../../../../lib/use-request';
import type { ItemDetail } from '../types';

// Dates and points keep to one line; only the rule's wording wraps in a narrow card.
const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

export function ItemPoints({ item, showRecords }: { item: ItemDetail; showRecords: boolean }) {
  const { data: policies } = useRequest(() => loadPolicies(), []);
  const policyOn = (date: string) =>
    policies ? (policyInForce(policies, date) ?? policies[policies.length - 1]) : undefined;
  const records = [
    ...item.adoptions.map((a) => ({
      key: `a${a.id}`,
      title: `${outletName(policyOn(a.date), a.outlet)}采用${a.kind ? `（${kindName(policyOn(a.date), a.kind)}）` : ''}`,
      description: `${a.date}${a.issue ? ` · ${a.issue}` : ''}`,
    })),
    ...item.instructions.map((i) => ({
      key: `i${i.id}`,
      title: INSTRUCTION_LEVELS[i.level] ?? i.level,
      description: [i.date, i.leader, i.text].filter(Boolean).join(' · '),
    })),
    ...item.upwards.map((u) => ({
      key: `u${u.id}`,
      title: `${policyOn(u.date)?.upward[u.level]?.name ?? u.level}采用${u.kind ? `（${kindName(policyOn(u.date), u.kind)}）` : ''}`,
      description: u.date,
    })),
    ...item.responses.map((r) => ({
      key: `r${r.id}`,
      title: `回复约稿“${r.title}”`,
      description: `截止 ${r.deadline}`,
    })),
  ];
  return (
    <Card title="得分" size="small">
      <Statistic title="本稿件累计得分" value={item.points} suffix="分" />
      {item.bookings.length > 0 ? (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(b) => `${b.date}-${b.rule}-${b.record.id}`}
          pagination={false}
          scroll={{ x: true }}
          dataSource={item.bookings}
          columns={[
            { title: '日期', dataIndex: 'date', onHeaderCell: noWrap, onCell: noWrap },
            { title: '记分依据', dataIndex: 'rule', render: (rule: string, b) => describeRule(rule, policyOn(b.date)) },
            {
              title: '分值',
              dataIndex: 'points',
              align: 'right',
              onHeaderCell: noWrap,
              onCell: noWrap,
              render: (p: number) => (p > 0 ? `+${p}` : p),
            },
          ]}
        />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="尚未得分：稿件被采用或获得批示后，在这里列出每一笔记分"
        />
      )}
      {showRecords && records.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          header={<strong>采用与批示</strong>}
          dataSource={records}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta title={r.title} description={r.description} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
