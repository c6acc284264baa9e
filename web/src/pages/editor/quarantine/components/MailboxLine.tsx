/**
 * The district mailbox's line on the 隔离区 page: what is polled and how the last poll went, and
 * 立即收取 for the editor who does not want to wait for the next round.
 */
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../../lib/use-request';
import { chinaTime } from '../../../items/detail/service';
import { intakeSummary } from '../../inbox/mail-service';
import { loadMailboxStatus, mailboxStatusLine, pollMailboxNow } from '../service';

export function MailboxLine({ onPolled }: { onPolled: () => void }) {
  const { message: toast } = App.useApp();
  const [isPolling, setPolling] = useState(false);
  const { data, reload } = useRequest((signal) => loadMailboxStatus(signal), []);
  const line = data && mailboxStatusLine(data, chinaTime);
  if (!data) return null;
  if (!line)
    return (
      <Typography.Paragraph type="secondary">
        未配置报送邮箱（GOVINFO_IMAP_URL）：邮件可在收件箱页上传 .eml 文件导入。
      </Typography.Paragraph>
    );

  const pollNow = () => {
    setPolling(true);
    pollMailboxNow()
      .then((result) => {
        void toast.success(`收取完成：${intakeSummary(result)}`);
        onPolled();
      })
      .catch(() => undefined)
      .finally(() => {
        setPolling(false);
        reload();
      });
  };

  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Typography.Text type={line.isError ? 'danger' : 'secondary'}>{line.text}</Typography.Text>
      <Button size="small" loading={isPolling} onClick={pollNow}>
        立即收取
      </Button>
    </Space>
  );
}
