/** The editor's texts before and after the bulletin's tables, saved with the draft until it is published. */
import { App, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../../http';
import { applyFieldErrors } from '../../../../lib/form-errors';
import { saveBulletinTexts } from '../service';
import type { Publication } from '../types';

interface Texts {
  textBefore: string;
  textAfter: string;
}

export function BulletinTexts({ publication, onSaved }: { publication: Publication; onSaved(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Texts>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ textBefore: publication.textBefore, textAfter: publication.textAfter });
  }, [form, publication.id, publication.textBefore, publication.textAfter]);

  const submit = async (values: Texts) => {
    setSaving(true);
    try {
      await saveBulletinTexts(publication.id, publication.version, values.textBefore ?? '', values.textAfter ?? '');
      message.success('工作通讯文字已保存');
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const rest = applyFieldErrors(form, error, {}, 'textBefore');
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Form.Item
        name="textBefore"
        label="表前文字"
        extra="印在各序列得分表之前，如通报的开头；每行一段。"
        rules={[{ max: 20000, message: '不能超过 20000 字' }]}
      >
        <Input.TextArea rows={4} placeholder="现将本季度全区政府系统政务信息工作情况通报如下：" />
      </Form.Item>
      <Form.Item
        name="textAfter"
        label="表后文字"
        extra="印在表格和名单之后，如工作要求；每行一段。"
        rules={[{ max: 20000, message: '不能超过 20000 字' }]}
      >
        <Input.TextArea rows={4} placeholder="请各单位……" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存文字
      </Button>
    </Form>
  );
}
