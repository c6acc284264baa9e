/**
 * The approval of a quarter's results: the office leader approves (publishes) or returns them
 * with a comment; the editor reads the comment and prepares them again; both see the history.
 */
import { Alert, App, Button, Popconfirm, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../../../access';
import { useUser } from '../../../../session';
import { CommentModal } from '../../../items/detail/components/CommentModal';
import {
  RESULT_ACTIONS,
  approvePublication,
  chinaDateTime,
  periodTitle,
  preparePublication,
  returnPublication,
} from '../service';
import type { Publication } from '../types';

export function ApprovalPanel({ publication, onChanged }: { publication: Publication; onChanged(): void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'approve' | 'prepare'>();
  const [returning, setReturning] = useState(false);
  const title = periodTitle(publication.year, publication.quarter);

  // The one error handler shows why a step failed (e.g. prepared again meanwhile); the list reloads either way.
  const act = async (what: 'approve' | 'prepare', step: () => Promise<unknown>, done: string) => {
    setBusy(what);
    try {
      await step();
      message.success(done);
    } catch {
      /* shown by the handler */
    } finally {
      setBusy(undefined);
      onChanged();
    }
  };

  const returnWith = async (comment: string) => {
    try {
      await returnPublication(publication.id, publication.version, comment);
      message.success(`${title}考核结果已退回调研科修改`);
      setReturning(false);
    } finally {
      onChanged();
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {publication.status === 'pending' && (
        <Alert
          type="warning"
          showIcon
          title="本期考核结果尚未发布，各单位暂不可见"
          description={
            can.approveResults(user.role)
              ? '请核对后审批发布；有问题可写明意见退回调研科修改。'
              : '请办公室领导审批发布；如需更新数据，可重新编制。'
          }
          action={
            can.approveResults(user.role) ? (
              <Space orientation="vertical" size={8}>
                <Popconfirm
                  title="审批并发布本期考核结果？"
                  description="发布后各单位均可查看，不能撤回。"
                  okText="发布"
                  cancelText="取消"
                  onConfirm={() =>
                    act(
                      'approve',
                      () => approvePublication(publication.id, publication.version),
                      `${title}考核结果已发布，各单位可以查看`
                    )
                  }
                >
                  <Button type="primary" loading={busy === 'approve'}>
                    审批并发布
                  </Button>
                </Popconfirm>
                <Button danger onClick={() => setReturning(true)}>
                  退回修改
                </Button>
              </Space>
            ) : undefined
          }
        />
      )}
      {publication.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          title="办公室领导已退回本期考核结果"
          role="alert"
          description={
            <>
              退回意见：{publication.returnComment ?? '—'}
              {can.prepareResults(user.role) ? '。请核对修改后重新编制，再次提交审批。' : ''}
            </>
          }
          action={
            can.prepareResults(user.role) ? (
              <Button
                type="primary"
                loading={busy === 'prepare'}
                onClick={() =>
                  act(
                    'prepare',
                    () => preparePublication(publication.year, publication.quarter),
                    `已重新编制${title}考核结果，请办公室领导审批`
                  )
                }
              >
                重新编制并提交审批
              </Button>
            ) : undefined
          }
        />
      )}
      {publication.history && publication.history.length > 0 && (
        <div>
          <Typography.Text strong>审批记录</Typography.Text>
          <Timeline
            style={{ marginTop: 12, marginBottom: -16 }}
            items={publication.history.map((e, i) => ({
              key: i,
              color: e.action === 'return' ? 'red' : e.action === 'approve' ? 'green' : 'blue',
              content: (
                <span>
                  {RESULT_ACTIONS[e.action] ?? e.action} · {e.actor} · {chinaDateTime(e.at)}
                  {e.comment ? <div>意见：{e.comment}</div> : null}
                </span>
              ),
            }))}
          />
        </div>
      )}
      {returning && (
        <CommentModal
          title={`退回${title}考核结果`}
          label="退回意见"
          placeholder="写明需要核对或修改的地方，调研科编辑会看到"
          onSubmit={returnWith}
          onCancel={() => setReturning(false)}
        />
      )}
    </Space>
  );
}
