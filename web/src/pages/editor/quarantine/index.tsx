/**
 * 隔离区: mail messages that could not become an item (unknown sender, several items, refused
 * attachment, over the size limit, unparseable), with the reason. The editor assigns one to a unit
 * and imports it, or rejects it with a reason; both are audited on the server. Above the list, the
 * district mailbox's poll status and 立即收取.
 */
import { App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { QuarantinedMessage } from '@shared/api/mail';
import { pathOf } from '../../../access';
import { UnitPicker } from '../../../components/UnitPicker';
import { useRequest } from '../../../lib/use-request';
import { chinaTime } from '../../items/detail/service';
import { MailboxLine } from './components/MailboxLine';
import { importMessage, loadQuarantine, rejectMessage, sizeText, type QuarantineStatus } from './service';

type Decision = { kind: 'import' | 'reject'; message: QuarantinedMessage };

export default function QuarantinePage() {
  const { message: toast } = App.useApp();
  const navigate = useNavigate();
  const [status, setStatus] = useState<QuarantineStatus>('quarantined');
  const [page, setPage] = useState(1);
  const [decision, setDecision] = useState<Decision>();
  const [busy, setBusy] = useState(false);
  const { data, loading, reload } = useRequest((signal) => loadQuarantine(status, page, signal), [status, page]);
  const [form] = Form.useForm<{ unitId?: number; reason?: string }>();

  const decide = ({ unitId, reason }: { unitId?: number; reason?: string }) => {
    if (!decision) return;
    const { id, version } = decision.message;
    setBusy(true);
    const done =
      decision.kind === 'import'
        ? importMessage(id, version, unitId!).then((created) => {
            void toast.success(`已导入为稿件：${created.title}（${created.unit}）`);
            void navigate(pathOf('itemDetail', { id: created.item }));
          })
        : rejectMessage(id, version, reason!.trim()).then(() => {
            void toast.success('已退回');
          });
    done
      .then(() => {
        setDecision(undefined);
        reload();
      })
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <Card
      title="隔离区"
      extra={
        <Segmented
          value={status}
          options={[
            { value: 'quarantined', label: '待处理' },
            { value: 'rejected', label: '已退回' },
          ]}
          onChange={(value) => {
            setStatus(value as QuarantineStatus);
            setPage(1);
          }}
        />
      }
    >
      <MailboxLine onPolled={reload} />
      <Table<QuarantinedMessage>
        rowKey="id"
        loading={loading}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: status === 'quarantined' ? '隔离区没有待处理的邮件' : '没有已退回的邮件' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '收到时间', dataIndex: 'receivedAt', width: 150, render: (at: string) => chinaTime(at) },
          {
            title: '邮件',
            key: 'mail',
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Typography.Text>{row.subject || '（无主题）'}</Typography.Text>
                <Typography.Text type="secondary">
                  {row.sender ?? '（发件人不明）'} · {row.fileName} · {sizeText(row.size)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: status === 'quarantined' ? '隔离原因' : '退回理由',
            key: 'reason',
            render: (_, row) =>
              status === 'quarantined' ? (
                <Typography.Text type="danger">{row.reason}</Typography.Text>
              ) : (
                <Space direction="vertical" size={0}>
                  <span>{row.decisionReason}</span>
                  <Typography.Text type="secondary">隔离原因：{row.reason}</Typography.Text>
                </Space>
              ),
          },
          ...(status === 'quarantined'
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, row: QuarantinedMessage) => (
                    <Space>
                      <Button size="small" type="primary" onClick={() => setDecision({ kind: 'import', message: row })}>
                        指定单位导入
                      </Button>
                      <Button size="small" danger onClick={() => setDecision({ kind: 'reject', message: row })}>
                        退回
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={decision !== undefined}
        title={decision?.kind === 'import' ? '指定单位并导入' : '退回邮件'}
        okText={decision?.kind === 'import' ? '导入' : '退回'}
        cancelText="取消"
        okButtonProps={{ loading: busy, danger: decision?.kind === 'reject' }}
        onCancel={() => setDecision(undefined)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {decision?.message.subject || '（无主题）'}：{decision?.message.reason}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} onFinish={decide}>
          {decision?.kind === 'import' ? (
            <Form.Item name="unitId" label="报送单位" rules={[{ required: true, message: '请选择报送单位' }]}>
              <UnitPicker />
            </Form.Item>
          ) : (
            <Form.Item
              name="reason"
              label="退回理由"
              rules={[
                { required: true, whitespace: true, message: '请填写退回理由' },
                { max: 1000, message: '理由不能超过 1000 字' },
              ]}
            >
              <Input.TextArea rows={3} showCount maxLength={1000} placeholder="如：请每封邮件只报送一条信息" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
