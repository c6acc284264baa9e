/**
 * 发布通知: title, kind, text, who receives it (all units, a series, chosen units) and attachments.
 * The notice is drafted, its files uploaded, then posted; a file refused leaves the draft for the
 * editor to finish on the notice's page.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Radio, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '../../../../components/UnitPicker';
import { ApiError } from '../../../../http';
import { applyFieldErrors } from '../../../../lib/form-errors';
import { createNotice, NOTICE_KINDS, publishNotice, uploadNoticeAttachment } from '../../../../lib/notices';
import { useSeries } from '../../../../lib/units';
import { AUDIENCE_OPTIONS, audienceFields, type Audience } from '../service';

interface Values {
  title?: string;
  kind: keyof typeof NOTICE_KINDS;
  body?: string;
  audience: Audience;
  seriesCode?: string;
  unitIds?: number[];
}

export function PostNotice({
  onClose,
  onPosted,
  onDraftLeft,
}: {
  onClose(): void;
  onPosted(id: number): void;
  /** A file was refused after the draft was saved: the editor finishes it on its page. */
  onDraftLeft(id: number, problem: string): void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { data: series } = useSeries();
  const audience = Form.useWatch('audience', form);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    let id: number;
    try {
      id = (
        await createNotice({
          title: values.title!.trim(),
          kind: values.kind,
          body: values.body!.trim(),
          ...audienceFields(values.audience, values.seriesCode, values.unitIds),
        })
      ).id;
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError) setProblem(applyFieldErrors(form, error));
      else throw error;
      return;
    }
    try {
      for (const file of files) await uploadNoticeAttachment(id, file.originFileObj as File);
      await publishNotice(id);
      onPosted(id);
    } catch (error) {
      if (error instanceof ApiError) onDraftLeft(id, error.message);
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="发布信息工作通知"
      okText="发布"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'submission_change', audience: 'all' }}
      >
        <Form.Item
          name="title"
          label="通知标题"
          rules={[
            { required: true, whitespace: true, message: '请填写通知标题' },
            { max: 200, message: '通知标题不能超过 200 字' },
          ]}
        >
          <Input autoFocus maxLength={200} placeholder="如：关于调整政务信息报送方式的通知" />
        </Form.Item>
        <Form.Item name="kind" label="通知类别" rules={[{ required: true, message: '请选择通知类别' }]}>
          <Radio.Group options={Object.entries(NOTICE_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="body"
          label="通知正文"
          rules={[
            { required: true, whitespace: true, message: '请填写通知正文' },
            { max: 20000, message: '通知正文不能超过 20000 字' },
          ]}
        >
          <Input.TextArea rows={6} maxLength={20000} placeholder="通知内容：事项、时间、要求、联系人等" />
        </Form.Item>
        <Form.Item name="audience" label="发送范围">
          <Radio.Group options={AUDIENCE_OPTIONS} />
        </Form.Item>
        {audience === 'series' && (
          <Form.Item name="seriesCode" label="序列" rules={[{ required: true, message: '请选择序列' }]}>
            <Select placeholder="选择序列" options={(series ?? []).map((s) => ({ value: s.code, label: s.name }))} />
          </Form.Item>
        )}
        {audience === 'units' && (
          <Form.Item
            name="unitIds"
            label="接收单位"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个单位' }]}
          >
            <UnitPicker mode="multiple" placeholder="输入单位名称或拼音首字母，可多选" />
          </Form.Item>
        )}
        <Form.Item label="附件" extra="Word、PDF、JPG、PNG，最多 10 个；发布后不能再修改，如需更正请另发通知。">
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, 10))}
            accept=".docx,.doc,.pdf,.jpg,.jpeg,.png"
          >
            <Button icon={<UploadOutlined />}>选择附件</Button>
          </Upload>
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
