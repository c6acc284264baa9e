/** 信息员培训: sessions with their attendees; the editor records a session. A unit sees its own people. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { CreatedRecord, Training, TrainingBody, TrainingList } from '@shared/api/registry';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { TRAINING_COLUMNS } from '@shared/tables/list-columns';
import { can } from '../../../access';
import { ExportButton } from '../../../components/ExportButton';
import { UnitPicker } from '../../../components/UnitPicker';
import { http } from '../../../http';
import { useFormSubmission } from '../../../lib/form-errors';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';

interface TrainingForm {
  date: Dayjs;
  title: string;
  organizer?: string;
  notes?: string;
  attendees?: { unitId?: number | null; name: string }[];
}

export default function TrainingsPage() {
  const user = useUser();
  const { data, loading, error, reload } = useRequest(
    (signal) => http.get<TrainingList>('/api/trainings', { signal }),
    []
  );
  const [adding, setAdding] = useState(false);
  if (error && !data) return <Result status="error" title="无法读取培训记录" subTitle={error.message} />;

  return (
    <Card
      title="信息员培训"
      extra={
        <Space wrap>
          <ExportButton url="/api/trainings/export" filename="培训记录" />
          {can.recordTrainings(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              登记培训
            </Button>
          )}
        </Space>
      }
    >
      {user.unit && (
        <Typography.Paragraph type="secondary">只显示本单位（{user.unit.name}）的参训人员。</Typography.Paragraph>
      )}
      <Table<Training>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 次培训` }}
        locale={{
          emptyText: (
            <Empty
              description={can.recordTrainings(user.role) ? '还没有培训记录，请点击“登记培训”' : '还没有培训记录'}
            />
          ),
        }}
        expandable={{
          expandedRowRender: (t) => (
            <Space orientation="vertical">
              {t.notes && <Typography.Text>{t.notes}</Typography.Text>}
              <Space wrap>
                {t.attendees.length === 0 ? (
                  <Typography.Text type="secondary">无参训人员记录</Typography.Text>
                ) : (
                  t.attendees.map((a, i) => (
                    <Tag key={i}>
                      {a.name}
                      {a.unit ? `（${a.unit.name}）` : ''}
                    </Tag>
                  ))
                )}
              </Space>
            </Space>
          ),
        }}
        columns={[
          { title: TRAINING_COLUMNS.date, dataIndex: 'date', width: 120 },
          { title: TRAINING_COLUMNS.title, dataIndex: 'title' },
          { title: TRAINING_COLUMNS.organizer, dataIndex: 'organizer', render: (v: string | null) => v ?? '—' },
          {
            title: TRAINING_COLUMNS.attendees,
            key: 'n',
            width: 100,
            align: 'right',
            render: (_, t) => t.attendees.length,
          },
        ]}
      />
      <AddTraining
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          reload();
        }}
      />
    </Card>
  );
}

function AddTraining({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TrainingForm>();
  const { busy, refusal, submitting } = useFormSubmission(form);

  const submit = async (values: TrainingForm) => {
    await submitting(async () => {
      const body: TrainingBody = {
        date: values.date.format('YYYY-MM-DD'),
        title: values.title.trim(),
        organizer: values.organizer?.trim() || null,
        notes: values.notes?.trim() || null,
        attendees: (values.attendees ?? []).map((a) => ({ unitId: a.unitId ?? null, name: a.name.trim() })),
      };
      await http.post<CreatedRecord>('/api/trainings', body, { quiet: true });
      message.success('培训已登记');
      form.resetFields();
      onAdded();
    });
  };

  return (
    <Modal
      open={open}
      title="登记培训"
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      width={640}
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form<TrainingForm> form={form} layout="vertical" onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item label="培训日期" name="date" rules={[{ required: true, message: '请选择培训日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item label="主办" name="organizer" rules={[{ max: 100, message: '最多 100 个字' }]}>
              <Input placeholder="如 区政府办公室调研科" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="培训主题"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请输入培训主题' },
            { max: 200, message: '最多 200 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="备注" name="notes" rules={[{ max: 5000, message: '最多 5000 个字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Typography.Text strong>参训人员</Typography.Text>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col xs={24} sm={12}>
                    <Form.Item label={`第 ${index + 1} 人所属单位`} name={[field.name, 'unitId']}>
                      <UnitPicker />
                    </Form.Item>
                  </Col>
                  <Col xs={20} sm={10}>
                    <Form.Item
                      label={`第 ${index + 1} 人姓名`}
                      name={[field.name, 'name']}
                      rules={[
                        { required: true, whitespace: true, message: '请输入姓名' },
                        { max: 50, message: '最多 50 个字' },
                      ]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={2} style={{ paddingTop: 30 }}>
                    <Button
                      type="text"
                      aria-label={`删除第 ${index + 1} 人`}
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ unitId: null, name: '' })}
                style={{ marginTop: 8 }}
              >
                添加参训人员
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
