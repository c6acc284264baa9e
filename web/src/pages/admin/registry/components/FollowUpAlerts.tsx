/** 建议更换信息员 on a unit, from a published bulletin: shown until a new officer is registered or the editor closes it. */
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import type { UnitRegistry } from '@shared/api/registry';
import { CommentModal } from '../../../items/detail/components/CommentModal';
import { closeFollowUp } from '../service';

type FollowUp = UnitRegistry['followUps'][number];

export function FollowUpAlerts({
  followUps,
  canClose,
  onClosed,
}: {
  followUps: FollowUp[];
  canClose: boolean;
  onClosed(): void;
}) {
  const { message } = App.useApp();
  const [closing, setClosing] = useState<FollowUp>();
  if (followUps.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {followUps.map((f) => (
        <Alert
          key={f.id}
          type="error"
          showIcon
          title={`建议更换信息员（${f.openedOn} 起）`}
          description={`${f.note}。登记新的信息员后提醒自动解除。`}
          action={
            canClose && (
              <Button size="small" onClick={() => setClosing(f)}>
                关闭提醒
              </Button>
            )
          }
        />
      ))}
      {closing && (
        <CommentModal
          title="关闭“建议更换信息员”提醒"
          label="关闭原因"
          placeholder="如：单位已书面说明原因，经研究暂不更换"
          onCancel={() => setClosing(undefined)}
          onSubmit={async (reason) => {
            await closeFollowUp(closing, reason);
            message.success('提醒已关闭');
            setClosing(undefined);
            onClosed();
          }}
        />
      )}
    </Space>
  );
}
