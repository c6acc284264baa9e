/** 导入邮件: the editor uploads `.eml` messages; the answer lists the items made and the messages quarantined. */
import { Alert, Button, List, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { IntakeResult } from '@shared/api/mail';
import { pathOf } from '../../../../access';
import { MAIL_EXTENSION, intakeSummary, isDuplicate, uploadMail } from '../mail-service';

export function MailUpload({ onImported }: { onImported(): void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IntakeResult>();
  const [open, setOpen] = useState(false);

  const close = () => {
    setOpen(false);
    setFiles([]);
    setResult(undefined);
  };
  const send = () => {
    setBusy(true);
    uploadMail(files)
      .then((answer) => {
        setResult(answer);
        setFiles([]);
        if (answer.accepted.length > 0) onImported();
      })
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>导入邮件</Button>
      <Modal
        open={open}
        title="导入报送邮件（.eml）"
        okText="导入"
        cancelText="关闭"
        okButtonProps={{ disabled: files.length === 0, loading: busy }}
        onOk={send}
        onCancel={close}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          每封邮件成为一篇已接收的稿件，单位按发件人在信息员登记备案中的邮箱确定；无法导入的邮件连同原因放入隔离区。同一封邮件不会重复导入。
        </Typography.Paragraph>
        <Upload.Dragger
          multiple
          accept={MAIL_EXTENSION}
          fileList={files.map((f, i) => ({ uid: String(i), name: f.name }))}
          beforeUpload={(file) => {
            setFiles((current) => [...current, file]);
            return false;
          }}
          onRemove={(removed) => setFiles((current) => current.filter((_, i) => String(i) !== removed.uid))}
        >
          <p>点击或拖入 .eml 邮件文件（可多选）</p>
        </Upload.Dragger>
        {result && (
          <div style={{ marginTop: 16 }}>
            <Alert
              type={result.quarantined.length > 0 ? 'warning' : 'success'}
              showIcon
              message={intakeSummary(result)}
            />
            <List
              size="small"
              dataSource={[
                ...result.accepted.map((a) => ({
                  key: `a-${a.item}`,
                  text: (
                    <span>
                      已导入：{a.file} → <Link to={pathOf('itemDetail', { id: a.item })}>{a.title}</Link>（{a.unit}）
                    </span>
                  ),
                })),
                ...result.quarantined.map((q, i) => ({
                  key: `q-${i}`,
                  text: (
                    <Typography.Text type={isDuplicate(q.reason) ? 'secondary' : 'danger'}>
                      {isDuplicate(q.reason) ? '已跳过' : '已隔离'}：{q.file}：{q.reason}
                    </Typography.Text>
                  ),
                })),
              ]}
              renderItem={(row) => <List.Item key={row.key}>{row.text}</List.Item>}
            />
            {result.quarantined.some((q) => !isDuplicate(q.reason)) && (
              <Link to={pathOf('quarantine')}>前往隔离区处理</Link>
            )}
          </div>
        )}
      </Modal>
    </>
  );
}
