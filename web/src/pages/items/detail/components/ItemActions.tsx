/** The workflow actions the current role may take now, the paper-copy step of major items, and editing. */
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Space, Typography } from 'antd';
import { todayInChina } from '@domain/dates';
import { ITEM_ACTIONS, type ItemAction } from '@domain/item-workflow';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { pathOf } from '../../../../access';
import { ApiError } from '../../../../http';
import { notInFuture } from '../../../../lib/record-date';
import { useUser } from '../../../../session';
import { allowedActions, blockedReason, canRecordPaperCopy, isEditable, recordPaperCopy, transition } from '../service';
import type { ItemDetail } from '../types';
import { ReviewerNotice } from '../../../unit/item-form/components/ReviewerNotice';
import { CommentModal } from './CommentModal';

const DANGER: ItemAction[] = ['return_to_officer', 'reject', 'return_for_revision', 'withdraw'];

export function ItemActions({ item, onChange }: { item: ItemDetail; onChange(): void }) {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ItemAction>();
  const [asking, setAsking] = useState<ItemAction>();
  const actions = allowedActions(user.role, item.status);
  const editable = user.role === 'officer' && isEditable(item.status);
  const paperCopy = canRecordPaperCopy(user.role, item);

  const run = async (action: ItemAction, comment?: string) => {
    setBusy(action);
    try {
      const result = await transition(item.id, item.version, action, comment);
      message.success(`${ITEM_ACTIONS[action].label}：稿件现为“${result.statusName}”`);
      setAsking(undefined);
      onChange();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : '操作失败，请重试');
      // A stale version (someone acted first) shows the item as it is now.
      if (error instanceof ApiError && error.status === 409) onChange();
    } finally {
      setBusy(undefined);
    }
  };

  if (actions.length === 0 && !editable && !paperCopy) return null;
  return (
    <Card title="办理" size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {item.isMajor && ['unit_review', 'awaiting_signature', 'draft', 'returned'].includes(item.status) && (
          <Alert
            type={item.paperCopyOn ? 'success' : 'warning'}
            showIcon
            title="重大或敏感信息"
            description={
              item.paperCopyOn
                ? `书面稿件已于 ${item.paperCopyOn} 登记；审核通过后须经主要领导签发方可报送。`
                : '须经单位主要领导审核签发，并另附书面稿件报送；登记书面稿件后才能签发。'
            }
          />
        )}
        {paperCopy && <PaperCopyForm item={item} onChange={onChange} />}
        <Space wrap>
          {editable && (
            <Button icon={<EditOutlined />} onClick={() => navigate(pathOf('itemEdit', { id: item.id }))}>
              修改稿件
            </Button>
          )}
          {actions.map((action) => {
            const rule = ITEM_ACTIONS[action];
            const blocked = blockedReason(action, item);
            return (
              <Button
                key={action}
                type={DANGER.includes(action) ? 'default' : 'primary'}
                danger={DANGER.includes(action)}
                disabled={blocked !== undefined}
                loading={busy === action}
                onClick={() => (rule.needsComment ? setAsking(action) : void run(action))}
              >
                {rule.label}
              </Button>
            );
          })}
        </Space>
        {actions
          .map((action) => blockedReason(action, item))
          .filter(Boolean)
          .map((reason) => (
            <Typography.Text key={reason} type="warning">
              {reason}
            </Typography.Text>
          ))}
        {actions.includes('submit_for_review') && <ReviewerNotice />}
        {actions.includes('approve') && item.isMajor && (
          <Typography.Text type="secondary">本稿为重大或敏感信息，审核通过后交主要领导签发。</Typography.Text>
        )}
      </Space>
      {asking && (
        <CommentModal
          title={ITEM_ACTIONS[asking].label}
          label={asking === 'reject' ? '不予采用理由' : '退回意见'}
          onSubmit={(comment) => run(asking, comment)}
          onCancel={() => setAsking(undefined)}
        />
      )}
    </Card>
  );
}

function PaperCopyForm({ item, onChange }: { item: ItemDetail; onChange(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const today = todayInChina();
  const submit = async ({ date }: { date: Dayjs }) => {
    setBusy(true);
    try {
      await recordPaperCopy(item.id, item.version, date.format('YYYY-MM-DD'));
      message.success('书面稿件已登记');
      onChange();
    } catch (error) {
      if (error instanceof ApiError) {
        form.setFields([{ name: 'date', errors: [error.message] }]);
        if (error.status === 409) onChange();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{ date: dayjs(item.paperCopyOn ?? today) }}
      style={{ rowGap: 8 }}
    >
      <Form.Item label="书面稿件报送日期" name="date" rules={[{ required: true, message: '请选择书面稿件报送日期' }]}>
        <DatePicker allowClear={false} disabledDate={notInFuture} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={busy}>
          {item.paperCopyOn ? '更新书面稿件登记' : '登记书面稿件'}
        </Button>
      </Form.Item>
    </Form>
  );
}
