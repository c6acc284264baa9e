/** Asks for the reason an action needs (退回, 不予采用); rendered only while open, so its form is always connected. */
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';

export function CommentModal({
  title,
  label,
  placeholder = '写明需要修改或不予采用的原因，信息员会看到',
  onSubmit,
  onCancel,
}: {
  title: string;
  label: string;
  placeholder?: string;
  onSubmit(comment: string): Promise<void>;
  onCancel(): void;
}) {
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const { comment } = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(comment.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText="确定"
      cancelText="取消"
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          label={label}
          name="comment"
          rules={[
            { required: true, whitespace: true, message: `请填写${label}` },
            { max: 1000, message: '不能超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={4} autoFocus placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
