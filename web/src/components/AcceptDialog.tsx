/**
 * 接收并采用 (one item: receives it if still 待接收 and records one adoption per ticked outlet) and
 * 批量采用 (a selection into one issue of one outlet). Opens preset with the editor's last choices,
 * so a plain item is adopted with 确定; the points show before saving.
 */
import { Alert, Checkbox, DatePicker, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { todayInChina } from '@domain/dates';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../http';
import { notInFuture } from '../lib/record-date';
import {
  acceptItem,
  acceptPoints,
  adoptIntoIssue,
  adoptionRecords,
  allowedOutlets,
  defaultChoices,
  gradedKinds,
  outletPoints,
  rememberChoices,
  type AdoptionChoices,
} from '../lib/adoption';
import type { Policy } from '../lib/policy';

export interface AcceptTarget {
  id: number;
  version: number;
  title: string;
  isPublic: boolean;
  status: string;
}

export function AcceptDialog({
  items,
  policy,
  onClose,
  onSaved,
}: {
  /** One item (接收并采用), or several (批量采用 into one issue). */
  items: readonly AcceptTarget[];
  policy: Policy | undefined;
  onClose(): void;
  onSaved(message: string): void;
}) {
  const bulk = items.length > 1;
  const isPublic = items.every((i) => i.isPublic);
  const [choices, setChoices] = useState<AdoptionChoices>(() => defaultChoices(policy, isPublic));
  const [date, setDate] = useState<Dayjs | null>(dayjs(todayInChina()));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const outlets = allowedOutlets(policy, isPublic);
  const records = date ? adoptionRecords(policy, choices, date.format('YYYY-MM-DD')) : [];
  const perItem = acceptPoints(policy, records);
  const receiving = items.filter((i) => i.status === 'submitted').length;

  const change = (outlet: string, patch: Partial<AdoptionChoices[string]>) =>
    setChoices((current) => {
      // One outlet at a time for a selection: the whole selection goes into one issue.
      const base =
        bulk && patch.checked
          ? Object.fromEntries(Object.entries(current).map(([k, c]) => [k, { ...c, checked: false }]))
          : current;
      return { ...base, [outlet]: { ...base[outlet], ...patch } };
    });

  const submit = async () => {
    if (!date) return setProblem('请选择采用日期');
    if (records.length === 0) return setProblem('请至少选择一个采用载体');
    setSaving(true);
    setProblem(undefined);
    try {
      if (bulk) {
        const result = await adoptIntoIssue(items, records[0]);
        onSaved(`已将 ${result.adopted} 篇稿件采用到同一期，每篇计 ${perItem} 分`);
      } else {
        await acceptItem(items[0].id, items[0].version, records);
        onSaved(`已${items[0].status === 'submitted' ? '接收并' : ''}采用，计 ${perItem} 分`);
      }
      rememberChoices(choices);
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.message);
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  const Tick = bulk ? Radio : Checkbox;
  return (
    <Modal
      open
      title={bulk ? `批量采用（${items.length} 篇）` : items[0].status === 'submitted' ? '接收并采用' : '登记采用'}
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {bulk
          ? `所选稿件采用到同一载体的同一期${receiving ? `，其中 ${receiving} 篇尚未接收的一并接收` : ''}：`
          : `“${items[0].title}”${receiving ? '将被接收，并' : ''}登记以下采用：`}
        {bulk && items.map((i) => i.title).join('、')}
      </Typography.Paragraph>
      {!isPublic && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${bulk ? '所选稿件中有' : '本稿件'}标注为“不予公开”的，不能被区政府门户网站采用。`}
        />
      )}
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        {outlets.map((code) => {
          const outlet = policy!.outlets[code];
          const choice = choices[code] ?? { checked: false };
          const kinds = gradedKinds(policy, code);
          const points = outletPoints(policy, code, choice.kind);
          return (
            <Space key={code} wrap align="center" style={{ width: '100%' }}>
              <Tick
                checked={choice.checked}
                onChange={(e) => change(code, { checked: e.target.checked })}
                style={{ minWidth: 200 }}
              >
                {outlet.name}
              </Tick>
              {kinds.length > 0 && (
                <Select
                  aria-label={`${outlet.name}信息类型`}
                  style={{ width: 130 }}
                  value={choice.kind}
                  disabled={!choice.checked}
                  onChange={(kind: string) => change(code, { kind })}
                  options={kinds.map((k) => ({ value: k, label: policy!.kinds[k] ?? k }))}
                />
              )}
              <Input
                aria-label={`${outlet.name}期号`}
                placeholder="期号，如：2026年第5期"
                style={{ width: 190 }}
                maxLength={50}
                disabled={!choice.checked}
                value={choice.issue}
                onChange={(e) => change(code, { issue: e.target.value })}
              />
              {points !== undefined && (
                <Typography.Text type={choice.checked ? 'success' : 'secondary'}>{points} 分</Typography.Text>
              )}
            </Space>
          );
        })}
        <Space align="center">
          <Typography.Text>采用日期</Typography.Text>
          <DatePicker
            aria-label="采用日期"
            value={date}
            onChange={setDate}
            allowClear={false}
            disabledDate={notInFuture}
          />
        </Space>
        <Typography.Text strong>
          {records.length === 0
            ? '请选择采用载体'
            : `按现行考核办法，${bulk ? '每篇' : '此次'}采用计 ${perItem} 分${bulk ? `，共 ${perItem * items.length} 分` : ''}。`}
        </Typography.Text>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Space>
    </Modal>
  );
}
