/** 登记提醒: the units whose registration falls short, one row each — what is missing, since when — with their officer accounts to register. */
import { Button, Card, Space, Table, Typography } from 'antd';
import type { OfficerAccount, UnitRegistry } from '@shared/api/registry';
import { unitsWithGaps } from '../service';

export interface RegistryGapsProps {
  rows: readonly UnitRegistry[];
  loading?: boolean;
  /** Registers the unit's officer from its account, when the user may. */
  onRegister?(unit: UnitRegistry['unit'], account: OfficerAccount): void;
}

const lines = (items: React.ReactNode[]) => (
  <Space orientation="vertical" size={0}>
    {items}
  </Space>
);

export function RegistryGaps({ rows, loading, onRegister }: RegistryGapsProps) {
  const short = unitsWithGaps(rows);
  if (!loading && short.length === 0) return null;
  return (
    <Card size="small" title={`登记提醒：${short.length} 个单位登记不齐全`}>
      <Table<UnitRegistry>
        rowKey={(r) => r.unit.id}
        size="small"
        loading={loading}
        dataSource={short}
        scroll={{ x: true }}
        pagination={{
          pageSize: 10,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 个单位`,
        }}
        columns={[
          { title: '单位', key: 'unit', render: (_, r) => r.unit.name },
          {
            title: '缺少或不符',
            key: 'problem',
            render: (_, r) => lines(r.gaps.map((g) => <span key={g.problem}>{g.problem}</span>)),
          },
          {
            title: '自何时起',
            key: 'since',
            render: (_, r) =>
              lines(
                r.gaps.map((g) => (
                  <span key={g.problem}>
                    {g.since === null ? <Typography.Text type="secondary">从未登记</Typography.Text> : g.since}
                  </span>
                ))
              ),
          },
          {
            title: '本单位信息员账号',
            key: 'accounts',
            render: (_, r) =>
              r.unregisteredOfficers.length === 0 ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                lines(
                  r.unregisteredOfficers.map((a) =>
                    onRegister ? (
                      <Button
                        key={a.accountId}
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        onClick={() => onRegister(r.unit, a)}
                      >{`按账号登记：${a.name}`}</Button>
                    ) : (
                      <span key={a.accountId}>{a.name}</span>
                    )
                  )
                )
              ),
          },
        ]}
      />
    </Card>
  );
}
