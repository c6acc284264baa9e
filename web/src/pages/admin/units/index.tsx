/** 单位与序列: the reporting units by series with their targets; the system administrator adds a unit. */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { can } from '../../../access';
import { useFormSubmission } from '../../../lib/form-errors';
import type { Series } from '@shared/api/units';
import { loadSeries, loadUnits } from '../../../lib/units';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { addUnit, groupUnits } from './service';

export default function UnitsPage() {
  const user = useUser();
  const [generation, setGeneration] = useState(0);
  const { data, loading, error } = useRequest(async () => {
    const [units, series] = await Promise.all([loadUnits(generation > 0), loadSeries(generation > 0)]);
    return { units, series };
  }, [generation]);
  const [typed, setTyped] = useState('');
  const [adding, setAdding] = useState(false);
  const groups = useMemo(() => (data ? groupUnits(data.series, data.units, typed) : []), [data, typed]);

  if (error && !data) return <Result status="error" title="无法读取报送单位" subTitle={error.message} />;
  if (loading && !data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`单位与序列（共 ${data?.units.length ?? 0} 个报送单位）`}
        extra={
          can.addUnits(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增单位
            </Button>
          )
        }
      >
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} lg={8}>
            <Input.Search
              aria-label="查找单位"
              placeholder="输入单位名称或拼音首字母，如 swz"
              allowClear
              onChange={(e) => setTyped(e.target.value)}
              onSearch={setTyped}
            />
          </Col>
          <Col xs={24} md={12} lg={16}>
            <Typography.Text type="secondary">指标为现行考核办法规定的各序列季度、年度工作指标（分）。</Typography.Text>
          </Col>
        </Row>
      </Card>
      {groups.length === 0 && (
        <Card>
          <Empty description={`没有名称或拼音首字母匹配“${typed}”的单位`} />
        </Card>
      )}
      {groups.map((group) => (
        <Card
          key={group.series.code}
          size="small"
          title={
            <Space wrap>
              {group.series.name}
              <Tag>{group.units.length} 个单位</Tag>
            </Space>
          }
          extra={
            <Space wrap size={4}>
              <Tag color="blue">
                季度指标 {group.quarterlyTarget === null ? '不考核' : `${group.quarterlyTarget} 分`}
              </Tag>
              <Tag color="geekblue">年度指标 {group.annualTarget ?? '—'} 分</Tag>
            </Space>
          }
        >
          {group.units.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本序列还没有单位" />
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: true }}
              dataSource={group.units}
              columns={[
                { title: '序号', key: 'n', width: 70, render: (_, __, index) => index + 1 },
                { title: '单位名称', dataIndex: 'name' },
              ]}
            />
          )}
        </Card>
      ))}
      <AddUnit
        open={adding}
        series={data?.series ?? []}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          setGeneration((g) => g + 1);
        }}
      />
    </Space>
  );
}

function AddUnit({
  open,
  series,
  onClose,
  onAdded,
}: {
  open: boolean;
  series: Series[];
  onClose(): void;
  onAdded(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; seriesCode: string }>();
  const { busy, refusal, submitting } = useFormSubmission(form);

  const submit = async (values: { name: string; seriesCode: string }) => {
    await submitting(async () => {
      await addUnit(values.name.trim(), values.seriesCode);
      message.success(`已新增单位“${values.name.trim()}”`);
      form.resetFields();
      onAdded();
    });
  };

  return (
    <Modal
      open={open}
      title="新增报送单位"
      okText="新增"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="单位名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入单位名称' },
            { min: 2, max: 50, message: '单位名称应为 2–50 个字' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="序列" name="seriesCode" rules={[{ required: true, message: '请选择序列' }]}>
          <Select placeholder="请选择序列" options={series.map((s) => ({ value: s.code, label: s.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
