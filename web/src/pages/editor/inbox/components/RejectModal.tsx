/** 不予采用 for a selection: one reason for every selected item. */
import { Form, Input, Modal, Typography } from 'antd';

export function RejectModal({
  open,
  count,
  busy,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  count: number;
  busy: boolean;
  onCancel(): void;
  onConfirm(reason: string): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={`不予采用（${count} 篇）`}
      okText="不予采用"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: busy }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">理由会告知报送单位，并记入每篇稿件的处理记录。</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={({ reason }) => onConfirm(reason.trim())}>
        <Form.Item
          name="reason"
          label="不予采用理由"
          rules={[
            { required: true, whitespace: true, message: '请填写不予采用的理由' },
            { max: 1000, message: '理由不能超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={3} autoFocus showCount maxLength={1000} placeholder="如：内容与已采用信息重复" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
