/**
 * 通知详情: the notice, its attachments, and by role — the district office sees every unit's
 * reading (the editor reminds the unread), a unit confirms reading for itself.
 */
import { BellOutlined, CheckOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { can } from '../../../access';
import { ApiError } from '../../../http';
import {
  chinaMinute,
  confirmNoticeRead,
  loadNotice,
  noticeAttachmentUrl,
  publishNotice,
  remindUnreadUnits,
  uploadNoticeAttachment,
  type NoticeDetail,
} from '../../../lib/notices';
import { refreshTodos } from '../../../lib/notifications';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { statusOrder, unreadUnits } from './service';

export default function NoticeDetailPage() {
  const { id } = useParams();
  const noticeId = Number(id);
  const { data: notice, loading, error, reload } = useRequest((signal) => loadNotice(noticeId, signal), [noticeId]);

  if (loading && !notice) return <Skeleton active />;
  if (error || !notice) return <Result status="404" title="通知不存在" subTitle="该通知不存在，或不是发给本单位的。" />;
  return <NoticeView notice={notice} reload={reload} />;
}

function NoticeView({ notice, reload }: { notice: NoticeDetail; reload(): void }) {
  const user = useUser();
  const posted = notice.postedAt !== null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            {notice.title}
            <Tag color="blue">{notice.kindName}</Tag>
            {!posted && <Tag>草稿</Tag>}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'audience', label: '发送范围', children: notice.audienceName },
            { key: 'by', label: '发布人', children: notice.postedBy ?? '—' },
            { key: 'at', label: '发布时间', children: notice.postedAt ? chinaMinute(notice.postedAt) : '尚未发布' },
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{notice.body}</Typography.Paragraph>
        <Attachments notice={notice} />
        {!posted && user.role === 'editor' && <DraftActions notice={notice} reload={reload} />}
        {posted && can.isUnitRole(user.role) && <UnitReading notice={notice} reload={reload} />}
      </Card>
      {posted && notice.units && <ReadStatus notice={notice} reload={reload} />}
    </Space>
  );
}

function Attachments({ notice }: { notice: NoticeDetail }) {
  if (notice.attachments.length === 0) return null;
  return (
    <List
      size="small"
      header="附件"
      dataSource={notice.attachments}
      renderItem={(a) => (
        <List.Item>
          <a href={noticeAttachmentUrl(notice.id, a.id)} download={a.filename}>
            <PaperClipOutlined /> {a.filename}
          </a>
        </List.Item>
      )}
    />
  );
}

/** A draft left by a refused file: add the files, then post it. */
function DraftActions({ notice, reload }: { notice: NoticeDetail; reload(): void }) {
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      message.success(done);
      reload();
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.message);
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
      <Alert type="info" showIcon title="这是草稿，各单位还看不到。补充附件后点“发布”；发布后不能再修改。" />
      <Space wrap>
        <Upload
          showUploadList={false}
          accept=".docx,.doc,.pdf,.jpg,.jpeg,.png"
          beforeUpload={(file) => {
            void run(() => uploadNoticeAttachment(notice.id, file), `附件“${file.name}”已上传`);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            添加附件
          </Button>
        </Upload>
        <Button type="primary" loading={busy} onClick={() => void run(() => publishNotice(notice.id), '通知已发布')}>
          发布
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Space>
  );
}

/** 确认已阅 for the unit, or who confirmed and when. */
function UnitReading({ notice, reload }: { notice: NoticeDetail; reload(): void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (notice.readAt)
    return (
      <Alert
        style={{ marginTop: 16 }}
        type="success"
        showIcon
        title={`本单位已于 ${chinaMinute(notice.readAt)} 确认已阅（${notice.readBy ?? ''}）`}
      />
    );
  const confirm = async () => {
    setBusy(true);
    try {
      await confirmNoticeRead(notice.id);
      message.success('已确认阅读');
      void refreshTodos(user.role).catch(() => undefined);
      reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
      {notice.remindedAt && (
        <Alert type="warning" showIcon title={`调研科已于 ${chinaMinute(notice.remindedAt)} 提醒本单位确认阅读`} />
      )}
      <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void confirm()}>
        确认已阅
      </Button>
    </Space>
  );
}

/** Every unit's reading; the editor reminds the units that have not confirmed. */
function ReadStatus({ notice, reload }: { notice: NoticeDetail; reload(): void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const units = notice.units ?? [];
  const unread = unreadUnits(units);
  const remind = async () => {
    setBusy(true);
    try {
      const { unitCount } = await remindUnreadUnits(notice.id);
      message.success(`已提醒 ${unitCount} 个未读单位`);
      reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={`阅读情况：已阅 ${units.length - unread.length} / ${units.length}`}
      extra={
        user.role === 'editor' && (
          <Button icon={<BellOutlined />} disabled={unread.length === 0} loading={busy} onClick={() => void remind()}>
            提醒未读单位
          </Button>
        )
      }
    >
      <Table
        rowKey="unitId"
        size="small"
        dataSource={statusOrder(units)}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="没有接收单位" /> }}
        columns={[
          { title: '单位', dataIndex: 'unit' },
          {
            title: '状态',
            key: 'state',
            width: 100,
            render: (_, u) => (u.readAt ? <Tag color="success">已阅</Tag> : <Tag color="error">未阅</Tag>),
          },
          { title: '确认人', dataIndex: 'readBy', width: 140, render: (v: string | null) => v ?? '—' },
          {
            title: '确认时间',
            dataIndex: 'readAt',
            width: 160,
            render: (v: string | null) => (v ? chinaMinute(v) : '—'),
          },
          {
            title: '最近提醒',
            dataIndex: 'remindedAt',
            width: 160,
            responsive: ['md'],
            render: (v: string | null) => (v ? chinaMinute(v) : '—'),
          },
        ]}
      />
      {(notice.reminders ?? []).length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          提醒记录：
          {(notice.reminders ?? []).map((r) => `${chinaMinute(r.at)} ${r.by} 提醒 ${r.unitCount} 个单位`).join('；')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
