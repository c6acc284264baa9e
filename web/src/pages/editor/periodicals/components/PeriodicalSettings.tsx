/** 刊物设置: the editor's list of periodicals, with 新增刊物 and 编辑 (name, subtitle, outlet, issuer). */
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { PERIODICAL_ISSUER_MAX, PERIODICAL_NAME_MAX, type Periodical } from '@shared/api/periodicals';
import { useState } from 'react';
import { useFormSubmission } from '../../../../lib/form-errors';
import { usePolicy, type Policy } from '../../../../lib/policy';
import { createPeriodical, periodicalTitle, updatePeriodical } from '../service';

export function PeriodicalSettings({
  periodicals,
  loading,
  onClose,
  onChanged,
}: {
  periodicals: readonly Periodical[];
  loading: boolean;
  onClose(): void;
  /** A periodical was added or changed: the page reloads the list. */
  onChanged(): void;
}) {
  const { policy } = usePolicy();
  const [editing, setEditing] = useState<Periodical | 'new'>();

  return (
    <Modal
      open
      title="刊物设置"
      width={860}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          每种刊物发布时，为所刊稿件登记“记入采用载体”的采用。已有发布期次的刊物不能更改记入采用载体；名称、副标题和编印单位可随时修改，此后导出的刊物文件使用新的名称。
        </Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')}>
          新增刊物
        </Button>
        <Table<Periodical>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={[...periodicals]}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: '还没有刊物' }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '副标题', dataIndex: 'subtitle', render: (subtitle: string | null) => subtitle ?? '—' },
            { title: '记入采用载体', dataIndex: 'outletName' },
            { title: '编印单位', dataIndex: 'issuer' },
            {
              title: '操作',
              key: 'actions',
              width: 80,
              render: (_, row) => (
                <Button
                  type="link"
                  size="small"
                  aria-label={`编辑${periodicalTitle(row)}`}
                  onClick={() => setEditing(row)}
                >
                  编辑
                </Button>
              ),
            },
          ]}
        />
      </Space>
      {editing && (
        <PeriodicalForm
          periodical={editing === 'new' ? undefined : editing}
          defaultIssuer={periodicals[0]?.issuer}
          policy={policy}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            onChanged();
          }}
        />
      )}
    </Modal>
  );
}

interface PeriodicalValues {
  name: string;
  subtitle?: string;
  outlet: string;
  issuer: string;
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** 新增刊物 or 编辑 one: the outlet is one of the policy in force, by its Chinese name. */
function PeriodicalForm({
  periodical,
  defaultIssuer,
  policy,
  onClose,
  onSaved,
}: {
  periodical: Periodical | undefined;
  /** A new periodical is issued by the office that issues the others, unless changed. */
  defaultIssuer: string | undefined;
  policy: Policy | undefined;
  onClose(): void;
  onSaved(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PeriodicalValues>();
  const { busy, refusal, submitting } = useFormSubmission(form);
  const outlets = Object.entries(policy?.outlets ?? {}).map(([code, outlet]) => ({ value: code, label: outlet.name }));
  // A periodical whose outlet the policy in force no longer has still shows it.
  if (periodical && !outlets.some((o) => o.value === periodical.outlet))
    outlets.push({ value: periodical.outlet, label: periodical.outletName });

  const submit = (values: PeriodicalValues) =>
    submitting(async () => {
      const body = {
        name: values.name.trim(),
        subtitle: values.subtitle?.trim() || null,
        outlet: values.outlet,
        issuer: values.issuer.trim(),
      };
      if (periodical) await updatePeriodical(periodical.id, { ...body, version: periodical.version });
      else await createPeriodical(body);
      void message.success(periodical ? `已保存${periodicalTitle(body)}的设置` : `已新增刊物${periodicalTitle(body)}`);
      onSaved();
    });

  return (
    <Modal
      open
      title={periodical ? `编辑刊物 ${periodicalTitle(periodical)}` : '新增刊物'}
      okText={periodical ? '保存' : '新增'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form<PeriodicalValues>
        form={form}
        layout="vertical"
        initialValues={
          periodical
            ? {
                name: periodical.name,
                subtitle: periodical.subtitle ?? '',
                outlet: periodical.outlet,
                issuer: periodical.issuer,
              }
            : { issuer: defaultIssuer }
        }
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label="刊物名称"
          name="name"
          extra="印在刊头，如：番府信息"
          rules={[
            { required: true, whitespace: true, message: '请填写刊物名称' },
            { max: PERIODICAL_NAME_MAX, transform: trimmed, message: `刊物名称不能超过 ${PERIODICAL_NAME_MAX} 个字` },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="副标题"
          name="subtitle"
          extra="可不填，如：政务动态"
          rules={[
            { max: PERIODICAL_NAME_MAX, transform: trimmed, message: `副标题不能超过 ${PERIODICAL_NAME_MAX} 个字` },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="记入采用载体"
          name="outlet"
          extra="发布时为所刊稿件登记在此载体的采用并计分；已有发布期次后不能更改"
          rules={[{ required: true, message: '请选择记入采用载体' }]}
        >
          <Select placeholder="请选择采用载体" options={outlets} loading={!policy} />
        </Form.Item>
        <Form.Item
          label="编印单位"
          name="issuer"
          rules={[
            { required: true, whitespace: true, message: '请填写编印单位' },
            {
              max: PERIODICAL_ISSUER_MAX,
              transform: trimmed,
              message: `编印单位不能超过 ${PERIODICAL_ISSUER_MAX} 个字`,
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
