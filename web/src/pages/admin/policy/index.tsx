/**
 * 现行考核办法: every number the scoring uses, read from the policy record (policy is data),
 * as tables a person can check against the document; other versions by a selector.
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { todayInChina } from '@domain/dates';
import { can } from '../../../access';
import { ApiError } from '../../../http';
import { loadPolicies, policyInForce, type Policy } from '../../../lib/policy';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import {
  addPolicy,
  outletRows,
  parsePolicyFile,
  pointsCell,
  seriesRows,
  signed,
  upwardRows,
  versionLabel,
  type PointsRow,
} from './service';

/** Kind columns of a points table: a flat value is one cell across all kinds. */
function kindColumns<T extends PointsRow>(policy: Policy): ColumnsType<T> {
  const kinds = Object.entries(policy.kinds);
  return kinds.map(([kind, name], index) => ({
    title: name,
    key: kind,
    align: 'center' as const,
    onCell: (row: T) => (typeof row.points === 'number' ? { colSpan: index === 0 ? kinds.length : 0 } : {}),
    render: (_: unknown, row: T) =>
      typeof row.points === 'number' ? `${pointsCell(row.points, kind)}（不分类型）` : pointsCell(row.points, kind),
  }));
}

const yesNo = (value: boolean) => (value ? <Tag color="green">是</Tag> : <Tag>否</Tag>);

export default function PolicyPage() {
  const user = useUser();
  const [generation, setGeneration] = useState(0);
  const { data: policies, loading, error } = useRequest(() => loadPolicies(generation > 0), [generation]);
  const inForce = useMemo(
    () => (policies ? (policyInForce(policies, todayInChina()) ?? policies[policies.length - 1]) : undefined),
    [policies]
  );
  const [chosen, setChosen] = useState<string>();
  const policy = policies?.find((p) => p.name === chosen) ?? inForce;

  if (error && !policies) return <Result status="error" title="无法读取考核办法" subTitle={error.message} />;
  if (loading && !policies)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!policies || policies.length === 0 || !policy) {
    return (
      <Card>
        <Empty
          description={
            can.addPolicy(user.role) ? '尚未录入考核办法，请上传政策 JSON 文件' : '尚未录入考核办法，请联系系统管理员'
          }
        />
        {can.addPolicy(user.role) && <AddPolicy onAdded={() => setGeneration((g) => g + 1)} />}
      </Card>
    );
  }

  const tableProps = {
    size: 'small' as const,
    pagination: false as const,
    scroll: { x: true as const },
    bordered: true,
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="现行考核办法"
        extra={
          policies.length > 1 && (
            <Select
              aria-label="政策版本"
              value={policy.name}
              onChange={setChosen}
              style={{ minWidth: 240, maxWidth: '100%' }}
              options={policies.map((p) => ({ value: p.name, label: versionLabel(p, inForce) }))}
            />
          )
        }
      >
        {policy !== inForce && (
          <Alert
            type="info"
            showIcon
            title="您正在查看的不是现行版本"
            style={{ marginBottom: 16 }}
            action={
              <Button size="small" onClick={() => setChosen(inForce?.name)}>
                查看现行版本
              </Button>
            }
          />
        )}
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="文件">{policy.title}</Descriptions.Item>
          <Descriptions.Item label="施行日期">{policy.effectiveFrom}</Descriptions.Item>
          <Descriptions.Item label="版本">
            {policy.name}
            {policy === inForce && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                现行
              </Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title="区政府办公室采用计分">
            <Table
              {...tableProps}
              rowKey="key"
              dataSource={outletRows(policy)}
              columns={[
                { title: '采用载体', dataIndex: 'name', fixed: 'left' },
                ...kindColumns<ReturnType<typeof outletRows>[number]>(policy),
                { title: '区领导批示加分', dataIndex: 'instructionBonus', align: 'center', render: yesNo },
                { title: '可获上报省市加分', dataIndex: 'upwardEligible', align: 'center', render: yesNo },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              被区领导批示的信息（限可获批示加分的载体采用）每篇另加 {signed(policy.districtInstruction)} 分。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="上报省、市被采用或批示加分">
            <Table
              {...tableProps}
              rowKey="key"
              dataSource={upwardRows(policy)}
              columns={[
                { title: '采用层级', dataIndex: 'name', fixed: 'left' },
                ...kindColumns<ReturnType<typeof upwardRows>[number]>(policy),
                {
                  title: '领导批示',
                  dataIndex: 'instruction',
                  align: 'center',
                  render: (v: number) => `${signed(v)} 分`,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="约稿">
            <Table
              {...tableProps}
              rowKey="key"
              dataSource={[
                { key: 'answered', name: '按时报送约稿信息并被采用', points: policy.solicitation.answered },
                { key: 'missed', name: '未按时报送约稿信息（截止日记分）', points: policy.solicitation.missed },
              ]}
              columns={[
                { title: '情形', dataIndex: 'name' },
                { title: '分值', dataIndex: 'points', align: 'center', render: (v: number) => `${signed(v)} 分` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="扣分">
            <Table
              {...tableProps}
              rowKey="key"
              dataSource={Object.entries(policy.penalties).map(([key, p]) => ({ key, ...p }))}
              columns={[
                { title: '情形', dataIndex: 'name' },
                { title: '分值', dataIndex: 'points', align: 'center', render: (v: number) => `${signed(v)} 分` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="工作指标与信息员要求">
            <Table
              {...tableProps}
              rowKey="code"
              dataSource={seriesRows(policy)}
              columns={[
                { title: '序列', dataIndex: 'name', fixed: 'left' },
                {
                  title: '季度指标',
                  dataIndex: 'quarterly',
                  align: 'center',
                  render: (v: number | null) => (v === null ? '不按季度考核' : `${v} 分`),
                },
                { title: '年度指标', dataIndex: 'annual', align: 'center', render: (v: number) => `${v} 分` },
                { title: '信息员编制要求', dataIndex: 'staffing' },
              ]}
            />
          </Card>
        </Col>
        {can.addPolicy(user.role) && (
          <Col xs={24}>
            <Card title="新增政策版本">
              <AddPolicy onAdded={() => setGeneration((g) => g + 1)} />
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}

/** The system administrator adds a version from a JSON file shaped like seeds/panyu-2010.policy.json. */
function AddPolicy({ onAdded }: { onAdded(): void }) {
  const { message } = App.useApp();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    setProblems([]);
    const parsed = parsePolicyFile(await file.text());
    if ('problem' in parsed) {
      setProblems([parsed.problem]);
      return;
    }
    setBusy(true);
    try {
      const { name } = await addPolicy(parsed.json);
      message.success(`已新增政策版本 ${name}`);
      onAdded();
    } catch (error) {
      setProblems(error instanceof ApiError ? error.message.split('；') : ['新增失败，请稍后重试']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        上传与现行政策格式相同的 JSON
        文件（版本名、文件标题、施行日期、分值与指标）。新版本自施行日期起用于计分，此前的得分不变。
      </Typography.Text>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          上传政策 JSON 文件
        </Button>
      </Upload>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="未新增政策版本"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
