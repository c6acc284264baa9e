/** 登记领导批示 and 登记上级采用: the editor's other records on an item. */
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { todayInChina } from '@domain/dates';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../../http';
import { applyFieldErrors } from '../../../../lib/form-errors';
import { INSTRUCTION_LEVELS } from '../../../../lib/labels';
import { notInFuture } from '../../../../lib/record-date';
import type { Policy } from '../../../../lib/policy';
import type { ItemDetail } from '../types';
import { outletNames, saveInstruction, saveUpward, upwardKinds } from './editorial-service';
import { describeUpwardLines, upwardLines } from './upward-preview';

interface DialogProps {
  itemId: number;
  policy: Policy | undefined;
  onClose(): void;
  /** Called with the server's warnings (e.g. an instruction that earns nothing). */
  onSaved(warnings: string[]): void;
}

function useSubmit<V>(
  form: ReturnType<typeof Form.useForm<V>>[0],
  save: (values: V) => Promise<{ warnings: string[] }>,
  onSaved: (warnings: string[]) => void
) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (values: V) => {
    setSaving(true);
    setProblem(undefined);
    try {
      onSaved((await save(values)).warnings);
    } catch (error) {
      if (error instanceof ApiError) setProblem(applyFieldErrors(form, error));
      else throw error;
    } finally {
      setSaving(false);
    }
  };
  return { saving, problem, submit };
}

interface InstructionValues {
  level?: string;
  leader?: string;
  text?: string;
  date?: Dayjs;
}

/** What an instruction of a level is worth by the policy, for the dialog's hint. */
function instructionHint(policy: Policy | undefined, level: string | undefined): string | undefined {
  if (!policy || !level) return undefined;
  if (level === 'district') {
    return `稿件被${outletNames(policy, 'instructionBonus')}采用的，区领导批示加 ${policy.districtInstruction} 分（每篇一次）。`;
  }
  const rule = policy.upward[level];
  return rule
    ? `${rule.name}以上领导批示按最高加分值计 ${rule.instruction} 分（稿件须已被${outletNames(policy, 'upwardEligible')}采用）。`
    : undefined;
}

export function InstructionDialog({ itemId, policy, onClose, onSaved }: DialogProps) {
  const [form] = Form.useForm<InstructionValues>();
  const level = Form.useWatch('level', form);
  const { saving, problem, submit } = useSubmit(
    form,
    (v: InstructionValues) =>
      saveInstruction(itemId, {
        level: v.level!,
        date: v.date!.format('YYYY-MM-DD'),
        leader: v.leader?.trim() || null,
        text: v.text?.trim() || null,
      }),
    onSaved
  );
  const hint = instructionHint(policy, level);
  return (
    <Modal
      open
      title="登记领导批示"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<InstructionValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ level: 'district', date: dayjs(todayInChina()) }}
      >
        <Form.Item name="level" label="批示级别" rules={[{ required: true, message: '请选择批示级别' }]}>
          <Select autoFocus options={Object.entries(INSTRUCTION_LEVELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="leader" label="批示领导" rules={[{ max: 100, message: '批示领导不能超过 100 字' }]}>
          <Input placeholder="如：区长" maxLength={100} />
        </Form.Item>
        <Form.Item name="text" label="批示内容" rules={[{ max: 5000, message: '批示内容不能超过 5000 字' }]}>
          <Input.TextArea rows={3} maxLength={5000} placeholder="批示原文" />
        </Form.Item>
        <Form.Item name="date" label="批示日期" rules={[{ required: true, message: '请选择批示日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notInFuture} />
        </Form.Item>
        {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
        {problem && <Alert type="error" showIcon style={{ marginTop: 12 }} title={problem} />}
      </Form>
    </Modal>
  );
}

interface UpwardValues {
  level?: string;
  kind?: string;
  date?: Dayjs;
}

export function UpwardDialog({
  itemId,
  policy,
  policies,
  item,
  onClose,
  onSaved,
}: DialogProps & { policies: readonly Policy[]; item: ItemDetail }) {
  const [form] = Form.useForm<UpwardValues>();
  const level = Form.useWatch('level', form);
  const kind = Form.useWatch('kind', form);
  const date = Form.useWatch('date', form);
  const kinds = upwardKinds(policy, level);
  const eligible = item.adoptions.some((a) => policy?.outlets[a.outlet]?.upwardEligible);
  // What every upward record will earn once this one is saved: the rules engine's answer, in date order.
  const preview =
    level && date
      ? describeUpwardLines(
          upwardLines(policies, item, {
            level,
            kind: kinds.length ? (kind ?? null) : null,
            date: date.format('YYYY-MM-DD'),
          })
        )
      : [];
  const { saving, problem, submit } = useSubmit(
    form,
    (v: UpwardValues) =>
      saveUpward(itemId, {
        level: v.level!,
        kind: kinds.length ? (v.kind ?? null) : null,
        date: v.date!.format('YYYY-MM-DD'),
      }),
    onSaved
  );
  return (
    <Modal
      open
      title="登记上级采用"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UpwardValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ date: dayjs(todayInChina()) }}
      >
        <Form.Item name="level" label="采用级别" rules={[{ required: true, message: '请选择采用级别' }]}>
          <Select
            autoFocus
            placeholder="市或省政府办公厅"
            options={Object.entries(policy?.upward ?? {}).map(([value, rule]) => ({
              value,
              label: `${rule.name}采用`,
            }))}
          />
        </Form.Item>
        {kinds.length > 0 && (
          <Form.Item
            name="kind"
            label="信息类型"
            extra={`不填时按本稿件在${outletNames(policy, 'upwardEligible')}的信息类型计分。`}
          >
            <Select allowClear placeholder="选择信息类型" options={kinds} />
          </Form.Item>
        )}
        <Form.Item name="date" label="采用日期" rules={[{ required: true, message: '请选择采用日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notInFuture} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          上级采用与批示按“最高加分值”计分：按采用（批示）日期先后，只补足超出更早记录最高值的部分，与登记的先后无关。
        </Typography.Paragraph>
        {!eligible && (
          <Typography.Text type="warning">
            稿件未被{outletNames(policy, 'upwardEligible')}采用，上级采用将记录但不加分。
          </Typography.Text>
        )}
        {eligible && preview.length > 0 && (
          <ul aria-label="保存后各项上级加分" style={{ margin: 0, paddingLeft: 18 }}>
            {preview.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {problem && <Alert type="error" showIcon style={{ marginTop: 12 }} title={problem} />}
      </Form>
    </Modal>
  );
}
