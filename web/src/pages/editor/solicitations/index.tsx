/** 约稿管理: publish solicitations and see, per solicitation, who answered on time, late, not at all, or not yet. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { SOLICITATION_COLUMNS, solicitationTargetLabel } from '@shared/tables/list-columns';
import { can } from '../../../access';
import { ExportButton } from '../../../components/ExportButton';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { CreateSolicitation } from './components/CreateSolicitation';
import { ANSWER_STATES, ANSWER_STATE_ORDER, ISSUERS, deadlineText, loadSolicitations } from './service';
import type { Solicitation } from './types';

export default function EditorSolicitationsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const { data, loading, reload } = useRequest((signal) => loadSolicitations(signal), []);
  const [creating, setCreating] = useState(false);
  const [expanded, setExpanded] = useState<number[]>([]);
  const canManage = can.manageSolicitations(user.role);

  const createButton = canManage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      发布约稿
    </Button>
  );

  return (
    <Card
      title="约稿管理"
      extra={
        <Space wrap>
          <ExportButton url="/api/solicitations/export" filename="约稿" />
          {createButton}
        </Space>
      }
    >
      <Table<Solicitation>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条约稿` }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
          expandedRowRender: (s) => <AnswerDetails solicitation={s} />,
        }}
        locale={{
          emptyText: loading ? (
            ' '
          ) : (
            <Empty description={canManage ? '还没有约稿：点“发布约稿”向各单位约稿' : '还没有约稿'}>
              {createButton}
            </Empty>
          ),
        }}
        columns={[
          {
            title: SOLICITATION_COLUMNS.title,
            dataIndex: 'title',
            render: (title: string, s) => (
              <span style={{ wordBreak: 'break-word' }}>
                {title} <Typography.Text type="secondary">{s.ref}</Typography.Text>
              </span>
            ),
          },
          {
            title: SOLICITATION_COLUMNS.issuer,
            dataIndex: 'issuer',
            width: 120,
            responsive: ['md'],
            render: (issuer: Solicitation['issuer']) => ISSUERS[issuer],
          },
          {
            title: SOLICITATION_COLUMNS.deadline,
            dataIndex: 'deadline',
            width: 170,
            render: (deadline: string, s) => (
              <Space size={4} wrap>
                {deadline}
                <Tag color={s.daysLeft < 0 ? 'default' : s.daysLeft <= 3 ? 'red' : 'blue'}>
                  {deadlineText(s.daysLeft)}
                </Tag>
              </Space>
            ),
          },
          {
            title: SOLICITATION_COLUMNS.target,
            key: 'target',
            width: 110,
            render: (_, s) => solicitationTargetLabel(s.allUnits, s.units.length),
          },
          {
            title: SOLICITATION_COLUMNS.counts,
            key: 'counts',
            render: (_, s) => (
              <Space size={[4, 4]} wrap>
                {ANSWER_STATE_ORDER.filter((state) => s.counts[state] > 0).map((state) => (
                  <Tooltip key={state} title={ANSWER_STATES[state].description}>
                    <Tag color={ANSWER_STATES[state].color}>
                      {ANSWER_STATES[state].label} {s.counts[state]}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateSolicitation
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setExpanded((keys) => [...keys, id]);
            message.success('约稿已发布，约稿单位可在“约稿”页看到');
            reload();
          }}
        />
      )}
    </Card>
  );
}

/** Who answered how: the units grouped by their state, the ones needing attention first. */
function AnswerDetails({ solicitation }: { solicitation: Solicitation }) {
  const rows = ANSWER_STATE_ORDER.map((state) => ({
    state,
    units: solicitation.units.filter((u) => u.state === state),
  })).filter((r) => r.units.length > 0);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        ...(solicitation.requirements
          ? [
              {
                key: 'requirements',
                label: '约稿要求',
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{solicitation.requirements}</span>,
              },
            ]
          : []),
        ...rows.map(({ state, units }) => ({
          key: state,
          label: `${ANSWER_STATES[state].label}（${units.length}）`,
          children: (
            <Space size={[4, 4]} wrap>
              {units.map((u) => (
                <Tag key={u.id} color={ANSWER_STATES[state].color}>
                  {u.name}
                </Tag>
              ))}
            </Space>
          ),
        })),
      ]}
    />
  );
}
