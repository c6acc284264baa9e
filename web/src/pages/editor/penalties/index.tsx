/** 扣分记录: the deductions recorded by hand (late or substandard solicited items, criticism); the editor records and removes them. */
import {
  App,
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { todayInChina } from '@domain/dates';
import { policyInForce } from '@domain/policy';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PENALTY_COLUMNS } from '@shared/tables/list-columns';
import { can } from '../../../access';
import { UnitPicker } from '../../../components/UnitPicker';
import { ExportButton } from '../../../components/ExportButton';
import { ApiError, query } from '../../../http';
import { applyFieldErrors } from '../../../lib/form-errors';
import { loadPolicies } from '../../../lib/policy';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { deletePenalty, loadPenalties, penaltyReasons, recordPenalty } from './service';
import type { Penalty, PenaltyInput } from './types';

interface Values {
  unitId?: number;
  reason?: PenaltyInput['reason'];
  date?: Dayjs;
  note?: string;
}

export default function PenaltiesPage() {
  const user = useUser();
  const { message } = App.useApp();
  const { data, loading, reload } = useRequest((signal) => loadPenalties(signal), []);
  const { data: policies } = useRequest(() => loadPolicies(), []);
  const [unitFilter, setUnitFilter] = useState<number>();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [warnings, setWarnings] = useState<string[]>([]);
  const canEdit = can.recordEditorial(user.role);
  const policyOn = (date: string) =>
    policies ? (policyInForce(policies, date) ?? policies[policies.length - 1]) : undefined;
  const policy = policyOn(todayInChina());
  const rows = (data ?? []).filter((p) => !unitFilter || p.unit_id === unitFilter);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    setWarnings([]);
    try {
      const created = await recordPenalty({
        unitId: values.unitId!,
        reason: values.reason!,
        date: values.date!.format('YYYY-MM-DD'),
        note: values.note?.trim() || null,
      });
      message.success(`扣分 ${created.ref} 已登记`);
      setWarnings(created.warnings);
      form.resetFields(['note']);
      reload();
    } catch (error) {
      if (error instanceof ApiError) setProblem(applyFieldErrors(form, error));
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  const remove = async (penalty: Penalty) => {
    try {
      await deletePenalty(penalty.id);
      message.success(`扣分 ${penalty.ref} 已撤销，分数已退回`);
      reload();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : '撤销失败，请稍后重试');
    }
  };

  return (
    <Row gutter={[16, 16]}>
      {canEdit && (
        <Col xs={24} lg={9}>
          <Card title="登记扣分" size="small">
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={(v) => void submit(v)}
              initialValues={{ date: dayjs(todayInChina()) }}
            >
              <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择被扣分的单位' }]}>
                <UnitPicker />
              </Form.Item>
              <Form.Item name="reason" label="扣分原因" rules={[{ required: true, message: '请选择扣分原因' }]}>
                <Select
                  placeholder="按现行考核办法选择"
                  options={penaltyReasons(policy)}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
              <Form.Item
                name="date"
                label="扣分日期"
                rules={[{ required: true, message: '请选择扣分日期' }]}
                extra="扣分计入该日期所在季度。"
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="note" label="备注" rules={[{ max: 2000, message: '备注不能超过 2000 字' }]}>
                <Input.TextArea rows={3} maxLength={2000} placeholder="如：约稿“……”报送内容不符合要求" />
              </Form.Item>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                约稿截止后仍未报送的，系统已按截止日期自动扣分，无需在此重复登记。
              </Typography.Paragraph>
              {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
              {warnings.map((w) => (
                <Alert
                  key={w}
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="请核对是否重复扣分"
                  description={w}
                />
              ))}
              <Button type="primary" htmlType="submit" loading={saving}>
                登记扣分
              </Button>
            </Form>
          </Card>
        </Col>
      )}
      <Col xs={24} lg={canEdit ? 15 : 24}>
        <Card
          title="扣分记录"
          size="small"
          extra={
            <Space wrap>
              <UnitPicker
                aria-label="按单位筛选"
                placeholder="按单位筛选"
                style={{ width: 200, maxWidth: '45vw' }}
                value={unitFilter}
                onChange={(v) => setUnitFilter((v as number | undefined) ?? undefined)}
              />
              <ExportButton url={`/api/penalties/export${query({ unitId: unitFilter })}`} filename="扣分记录" />
            </Space>
          }
        >
          <Table<Penalty>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={rows}
            scroll={{ x: 600 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条` }}
            locale={{
              emptyText: loading ? (
                ' '
              ) : (
                <Empty
                  description={
                    unitFilter
                      ? '该单位没有扣分记录'
                      : canEdit
                        ? '还没有扣分记录；需要扣分时在左侧登记'
                        : '还没有扣分记录'
                  }
                />
              ),
            }}
            columns={[
              { title: PENALTY_COLUMNS.date, dataIndex: 'date', width: 110 },
              { title: PENALTY_COLUMNS.unit, dataIndex: 'unit', width: 130 },
              {
                title: PENALTY_COLUMNS.reason,
                dataIndex: 'reason',
                render: (reason: string, p) => policyOn(p.date)?.penalties[reason]?.name ?? reason,
              },
              {
                title: PENALTY_COLUMNS.points,
                key: 'points',
                width: 70,
                align: 'right',
                render: (_, p) => (
                  <Typography.Text type="danger">
                    {policyOn(p.date)?.penalties[p.reason]?.points ?? '—'}
                  </Typography.Text>
                ),
              },
              {
                title: PENALTY_COLUMNS.note,
                dataIndex: 'note',
                responsive: ['md'],
                render: (note: string | null) => <span style={{ wordBreak: 'break-word' }}>{note ?? '—'}</span>,
              },
              { title: PENALTY_COLUMNS.ref, dataIndex: 'ref', width: 80, responsive: ['lg'] },
              ...(canEdit
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      width: 80,
                      render: (_: unknown, p: Penalty) => (
                        <Popconfirm
                          title={`撤销扣分 ${p.ref}？`}
                          description={`${p.unit}的这笔扣分将被删除，分数退回。撤销会记入审计日志。`}
                          okText="撤销"
                          okButtonProps={{ danger: true }}
                          cancelText="取消"
                          onConfirm={() => remove(p)}
                        >
                          <Button type="link" size="small" danger aria-label={`撤销扣分 ${p.ref}`}>
                            撤销
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
