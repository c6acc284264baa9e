/** 登记采用 / 更正采用: outlet, kind (where the outlet grades by kind), date and issue number. */
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { todayInChina } from '@domain/dates';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../../http';
import { applyFieldErrors } from '../../../../lib/form-errors';
import { notInFuture } from '../../../../lib/record-date';
import type { Policy } from '../../../../lib/policy';
import type { ItemAdoption } from '../types';
import { adoptionOutlets, adoptionPoints, outletKinds, saveAdoption } from './editorial-service';

interface Values {
  outlet?: string;
  kind?: string;
  date?: Dayjs;
  issue?: string;
}

export function AdoptionDialog({
  itemId,
  isPublic,
  policy,
  adoption,
  onClose,
  onSaved,
}: {
  itemId: number;
  isPublic: boolean;
  policy: Policy | undefined;
  /** The adoption being corrected; absent for a new one. */
  adoption?: ItemAdoption;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const outlet = Form.useWatch('outlet', form);
  const kind = Form.useWatch('kind', form);
  const kinds = outletKinds(policy, outlet);
  const points = adoptionPoints(policy, outlet, kind);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await saveAdoption(
        itemId,
        {
          outlet: values.outlet!,
          kind: kinds.length ? (values.kind ?? null) : null,
          date: values.date!.format('YYYY-MM-DD'),
          issue: values.issue?.trim() || null,
        },
        adoption
      );
      onSaved();
    } catch (error) {
      if (error instanceof ApiError) setProblem(applyFieldErrors(form, error, { issue: 'issue' }));
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={adoption ? `更正采用 ${adoption.ref}` : '登记采用'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={
          adoption
            ? {
                outlet: adoption.outlet,
                kind: adoption.kind ?? undefined,
                date: dayjs(adoption.date),
                issue: adoption.issue ?? undefined,
              }
            : { date: dayjs(todayInChina()) }
        }
      >
        {!isPublic && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="本稿件标注为“不予公开”，不能被区政府门户网站采用。"
          />
        )}
        <Form.Item name="outlet" label="采用载体" rules={[{ required: true, message: '请选择采用载体' }]}>
          <Select
            autoFocus
            placeholder="选择采用的刊物或栏目"
            options={adoptionOutlets(policy, isPublic)}
            onChange={() => form.setFieldValue('kind', undefined)}
          />
        </Form.Item>
        {kinds.length > 0 && (
          <Form.Item
            name="kind"
            label="信息类型"
            rules={[{ required: true, message: '该载体按信息类型记分，请选择信息类型' }]}
          >
            <Select placeholder="选择信息类型" options={kinds} />
          </Form.Item>
        )}
        <Form.Item name="date" label="采用日期" rules={[{ required: true, message: '请选择采用日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notInFuture} />
        </Form.Item>
        <Form.Item name="issue" label="期号" rules={[{ max: 50, message: '期号不能超过 50 字' }]}>
          <Input placeholder="如：2026年第5期" maxLength={50} />
        </Form.Item>
        {points !== undefined && (
          <Typography.Text type="secondary">按现行考核办法，此次采用计 {points} 分。</Typography.Text>
        )}
        {problem && <Alert type="error" showIcon style={{ marginTop: 12 }} title={problem} />}
      </Form>
    </Modal>
  );
}
