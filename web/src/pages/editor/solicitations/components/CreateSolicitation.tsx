/** 发布约稿: issuer, title, requirements, deadline and the units it targets (all, by series, or picked). */
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { todayInChina } from '@domain/dates';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { UnitPicker } from '../../../../components/UnitPicker';
import { ApiError } from '../../../../http';
import { applyFieldErrors } from '../../../../lib/form-errors';
import { usePolicy } from '../../../../lib/policy';
import { useSeries, useUnits } from '../../../../lib/units';
import { createSolicitation, ISSUERS, targetUnitIds } from '../service';
import type { TargetMode } from '../types';

interface Values {
  issuer: 'district' | 'city';
  title?: string;
  requirements?: string;
  deadline?: Dayjs;
  target: TargetMode;
  series?: string[];
  unitIds?: number[];
}

export function CreateSolicitation({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { data: units } = useUnits();
  const { data: series } = useSeries();
  const { policy } = usePolicy();
  const target = Form.useWatch('target', form);
  const chosenSeries = Form.useWatch('series', form) ?? [];
  const deadline = Form.useWatch('deadline', form);
  const seriesCount = targetUnitIds('series', chosenSeries, [], units ?? [])?.length ?? 0;

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const created = await createSolicitation({
        issuer: values.issuer,
        title: values.title!.trim(),
        requirements: values.requirements?.trim() || null,
        deadline: values.deadline!.format('YYYY-MM-DD'),
        unitIds: targetUnitIds(values.target, values.series ?? [], values.unitIds ?? [], units ?? []),
      });
      onCreated(created.id);
    } catch (error) {
      if (error instanceof ApiError)
        setProblem(applyFieldErrors(form, error, { unitIds: values.target === 'series' ? 'series' : 'unitIds' }));
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="发布约稿"
      okText="发布"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ issuer: 'district', target: 'all' }}
      >
        <Form.Item name="issuer" label="约稿方" rules={[{ required: true, message: '请选择约稿方' }]}>
          <Radio.Group options={Object.entries(ISSUERS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label="约稿标题"
          rules={[
            { required: true, whitespace: true, message: '请填写约稿标题' },
            { max: 200, message: '约稿标题不能超过 200 字' },
          ]}
        >
          <Input autoFocus maxLength={200} placeholder="如：关于报送防汛防风工作情况的约稿" />
        </Form.Item>
        <Form.Item name="requirements" label="约稿要求" rules={[{ max: 5000, message: '约稿要求不能超过 5000 字' }]}>
          <Input.TextArea rows={3} maxLength={5000} placeholder="内容、角度、字数等要求" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="截止日期"
          rules={[{ required: true, message: '请选择截止日期' }]}
          extra={`截止日期当天报送仍算按时；截止后仍未报送的单位自动扣${policy ? ` ${-policy.solicitation.missed} ` : ''}分，逾期报送不算按时。`}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {deadline && deadline.format('YYYY-MM-DD') < todayInChina() && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="截止日期已过：发布后，未报送的单位会立即被扣分。"
          />
        )}
        <Form.Item name="target" label="约稿对象">
          <Radio.Group
            options={[
              { value: 'all', label: '全部单位' },
              { value: 'series', label: '按序列' },
              { value: 'units', label: '指定单位' },
            ]}
          />
        </Form.Item>
        {target === 'series' && (
          <Form.Item
            name="series"
            label="序列"
            rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一个序列' }]}
            extra={chosenSeries.length ? `共 ${seriesCount} 个单位` : undefined}
          >
            <Select
              mode="multiple"
              placeholder="选择序列"
              options={(series ?? []).map((s) => ({ value: s.code, label: s.name }))}
            />
          </Form.Item>
        )}
        {target === 'units' && (
          <Form.Item
            name="unitIds"
            label="约稿单位"
            rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一个单位' }]}
          >
            <UnitPicker mode="multiple" placeholder="输入单位名称或拼音首字母，可多选" />
          </Form.Item>
        )}
        {target === 'all' && (
          <Typography.Text type="secondary">
            面向全部 {units?.length ?? ''} 个单位，包括以后新增的单位。
          </Typography.Text>
        )}
        {problem && <Alert type="error" showIcon style={{ marginTop: 12 }} title={problem} />}
      </Form>
    </Modal>
  );
}
