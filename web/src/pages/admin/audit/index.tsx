/**
 * 审计日志: the audit administrator's one page. Filters and pages are the server's (the log
 * grows without end); each entry opens to its before and after; the keyed (HMAC-SM3) chain is verified.
 */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { AuditEntry, AuditVerification } from '@shared/api/audit';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ExportButton } from '../../../components/ExportButton';
import { ApiError } from '../../../http';
import { useRequest } from '../../../lib/use-request';
import {
  ACTION_OPTIONS,
  OUTCOME_COLORS,
  OUTCOME_OPTIONS,
  actorLabel,
  beijingTime,
  exportUrl,
  loadAudit,
  objectLabel,
  prettyJson,
  verifyAudit,
  type AuditFilters,
} from './service';

interface FilterForm {
  actor?: string;
  action?: string;
  outcome?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 20;

export default function AuditPage() {
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const { data, loading } = useRequest(
    (signal) => loadAudit(filters, page, pageSize, signal),
    [filters, page, pageSize]
  );

  const search = (values: FilterForm) => {
    setFilters({
      actor: values.actor,
      action: values.action,
      outcome: values.outcome,
      from: values.range?.[0]?.format('YYYY-MM-DD'),
      to: values.range?.[1]?.format('YYYY-MM-DD'),
    });
    setPage(1);
  };
  const reset = () => {
    form.resetFields();
    search({});
  };
  const filtered = Object.values(filters).some((v) => v);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ChainState />
      <Card
        title="审计日志"
        extra={
          <Space wrap>
            <ExportButton url={exportUrl(filters, 'xlsx')} filename="审计日志" />
            <Button icon={<DownloadOutlined />} href={exportUrl(filters)}>
              导出 CSV
            </Button>
          </Space>
        }
      >
        <Form<FilterForm> form={form} layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label="操作人" name="actor" rules={[{ max: 100, message: '操作人最多 100 个字符' }]}>
                <Input placeholder="姓名或用户名" allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label="操作" name="action">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部操作"
                  options={ACTION_OPTIONS}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item label="结果" name="outcome">
                <Select allowClear placeholder="全部结果" options={OUTCOME_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="日期" name="range">
                <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={4}>
              <Form.Item label=" " colon={false}>
                <Space>
                  <Button type="primary" htmlType="submit">
                    查询
                  </Button>
                  <Button onClick={reset}>重置</Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.entries ?? []}
          scroll={{ x: true }}
          locale={{
            emptyText: <Empty description={filtered ? '没有符合条件的记录，请放宽筛选条件' : '审计日志还没有记录'} />,
          }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => `共 ${total} 条`,
            onChange: (next, size) => {
              setPage(size !== pageSize ? 1 : next);
              setPageSize(size);
            },
          }}
          expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} />, rowExpandable: () => true }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 80 },
            { title: '时间（北京时间）', dataIndex: 'at', width: 190, render: (at: string) => beijingTime(at) },
            {
              title: '操作人',
              key: 'actor',
              width: 180,
              render: (_, e) => <Tooltip title={`用户名：${e.actor}`}>{actorLabel(e)}</Tooltip>,
            },
            { title: '操作', dataIndex: 'action_label', width: 150 },
            { title: '对象', key: 'object', width: 220, render: (_, e) => objectLabel(e) },
            {
              title: '结果',
              dataIndex: 'outcome',
              width: 80,
              render: (outcome: string, e) => <Tag color={OUTCOME_COLORS[outcome]}>{e.outcome_label}</Tag>,
            },
            { title: '来源地址', dataIndex: 'ip', width: 140 },
          ]}
        />
      </Card>
    </Space>
  );
}

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const block = (text: string | null) =>
    text ? (
      <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 320, overflow: 'auto' }}>
        {prettyJson(text)}
      </pre>
    ) : (
      <Typography.Text type="secondary">无</Typography.Text>
    );
  return (
    <Descriptions bordered size="small" column={1}>
      <Descriptions.Item label="变更前">{block(entry.before)}</Descriptions.Item>
      <Descriptions.Item label="变更后">{block(entry.after)}</Descriptions.Item>
      <Descriptions.Item label="哈希（HMAC-SM3）">
        <Typography.Text code style={{ wordBreak: 'break-all' }}>
          {entry.hash}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Whether the hash chain is whole: checked on opening the page and again on request. */
function ChainState() {
  const [state, setState] = useState<{ checking: boolean; result?: AuditVerification; error?: string }>({
    checking: true,
  });
  const check = () => {
    setState({ checking: true });
    verifyAudit()
      .then((result) => setState({ checking: false, result }))
      .catch((error: unknown) =>
        setState({ checking: false, error: error instanceof ApiError ? error.message : '校验失败，请稍后重试' })
      );
  };
  useEffect(check, []);

  const again = (
    <Button size="small" icon={<SafetyCertificateOutlined />} loading={state.checking} onClick={check}>
      重新校验
    </Button>
  );
  if (state.checking && !state.result) return <Alert type="info" showIcon title="正在校验审计日志的哈希链…" />;
  if (state.error) return <Alert type="warning" showIcon title={`未能校验哈希链：${state.error}`} action={again} />;
  const result = state.result!;
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      title={`哈希链完整：全部 ${result.entries} 条记录未被改动或删除（HMAC-SM3 密钥校验${result.legacyEntries ? `，其中前 ${result.legacyEntries} 条为启用密钥前的 SM3 记录` : ''}）`}
      action={again}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      title={`哈希链已断裂：${result.reason}`}
      description={`自第 ${result.brokenAt} 条起的记录不可信，请立即报告安全管理员。`}
      action={again}
    />
  );
}
