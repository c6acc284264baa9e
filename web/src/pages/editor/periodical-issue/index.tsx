/**
 * 刊物期次: the issue editor. The editor picks received items, orders them, edits their text (the
 * unit's original beside the edits) and kind, and submits; the office leader approves or returns
 * with a comment; the editor publishes (recording every item's adoption) or withdraws; anyone of
 * the district office downloads the issue as Word or PDF.
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { IssueDetail } from '@shared/api/periodicals';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can, pathOf } from '../../../access';
import { DocumentButton } from '../../../components/DocumentButton';
import { ApiError } from '../../../http';
import { useRequest } from '../../../lib/use-request';
import { chinaDateTime } from '../../scores/results/service';
import { useUser } from '../../../session';
import {
  ISSUE_ACTIONS,
  ISSUE_STATUS,
  documentUrl,
  loadIssue,
  periodicalTitle,
  publishIssue,
  saveIssue,
  takeStep,
} from '../periodicals/service';
import { IssueItemCard } from './components/IssueItemCard';
import { ItemPicker } from './components/ItemPicker';
import { bodyOf, draftItemOf, draftOf, moveItem, type DraftItem, type IssueDraft } from './issue-draft';

const EDITABLE = ['draft', 'returned', 'withdrawn'];

export default function PeriodicalIssuePage() {
  const id = Number(useParams().id);
  const issue = useRequest((signal) => loadIssue(id, signal), [id]);
  if (issue.error && !issue.data)
    return (
      <Result
        status="error"
        title="该期刊物暂时无法显示"
        subTitle={issue.error.message}
        extra={<Link to={pathOf('periodicals')}>返回刊物编辑</Link>}
      />
    );
  if (!issue.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  return <IssueEditor key={`${issue.data.id}-${issue.data.version}`} issue={issue.data} onChanged={issue.reload} />;
}

function IssueEditor({ issue, onChanged }: { issue: IssueDetail; onChanged(): void }) {
  const user = useUser();
  const { message, modal } = App.useApp();
  const [draft, setDraft] = useState<IssueDraft>(() => draftOf(issue));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [picking, setPicking] = useState(false);
  const [returning, setReturning] = useState(false);
  const isEditor = can.recordEditorial(user.role);
  const editable = isEditor && EDITABLE.includes(issue.status);
  const chosen = useMemo(() => new Set(draft.items.map((i) => i.itemId)), [draft.items]);
  const status = ISSUE_STATUS[issue.status];

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: IssueDraft) => {
    setDraft(next);
    setDirty(true);
  };
  const changeItem = (index: number, changes: Partial<DraftItem>) =>
    change({ ...draft, items: draft.items.map((item, k) => (k === index ? { ...item, ...changes } : item)) });

  /** Runs a request, shows the server's refusal on the page, and reloads the issue after a success. */
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      void message.success(done);
      setDirty(false);
      onChanged();
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.message);
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  const save = () => saveIssue(issue.id, bodyOf(draft, issue.version));
  const submit = () =>
    run(async () => {
      // Unsaved edits are saved first; the submission then takes the version the save made.
      const version = dirty ? (await save(), issue.version + 1) : issue.version;
      await takeStep(issue.id, 'submit', version);
    }, '已送办公室领导审批');
  const publish = () =>
    modal.confirm({
      title: `发布${periodicalTitle(issue.periodical)}${issue.issueLine}？`,
      content: `将为本期 ${issue.items.length} 篇稿件登记${issue.periodical.outletName}采用（期号 ${issue.issueLine}，采用日期 ${issue.date}）并计分；已被该刊物采用过的稿件保留其最早的采用，不重复登记。`,
      okText: '发布',
      cancelText: '取消',
      onOk: () =>
        run(async () => {
          const result = await publishIssue(issue.id, issue.version);
          if (result.kept.length > 0)
            void message.info(`${result.kept.length} 篇稿件此前已被该刊物采用，保留原采用记录`);
        }, '已发布，采用已登记'),
    });
  const withdraw = () =>
    modal.confirm({
      title: `撤回${issue.issueLine}？`,
      content: '将撤销本期发布时登记的全部采用及其得分；撤回后可修改并重新送审。',
      okText: '撤回',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run(() => takeStep(issue.id, 'withdraw', issue.version), '已撤回，采用已撤销'),
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Link to={`${pathOf('periodicals')}?periodical=${issue.periodicalId}`}>← 刊物编辑</Link>
        <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
          {periodicalTitle(issue.periodical)} {issue.issueLine} <Tag color={status.color}>{status.label}</Tag>
        </Typography.Title>
        <Typography.Text type="secondary">
          出刊日期 {issue.date}，共 {issue.items.length} 篇；发布后登记为{issue.periodical.outletName}采用
        </Typography.Text>
      </div>

      {issue.returnComment && <Alert type="warning" showIcon title={`办公室领导退回意见：${issue.returnComment}`} />}
      {problem && <Alert type="error" showIcon closable onClose={() => setProblem(undefined)} title={problem} />}

      <Card>
        <Space wrap>
          {editable && (
            <>
              <Button onClick={() => setPicking(true)}>选择稿件</Button>
              <Button disabled={!dirty} loading={busy} onClick={() => void run(save, '已保存')}>
                保存
              </Button>
              <Button type="primary" loading={busy} disabled={draft.items.length === 0} onClick={() => void submit()}>
                送领导审批
              </Button>
            </>
          )}
          {can.approveResults(user.role) && issue.status === 'submitted' && (
            <>
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run(() => takeStep(issue.id, 'approve', issue.version), '已审批通过')}
              >
                审批通过
              </Button>
              <Button danger onClick={() => setReturning(true)}>
                退回修改
              </Button>
            </>
          )}
          {isEditor && issue.status === 'approved' && (
            <Button type="primary" loading={busy} onClick={publish}>
              发布
            </Button>
          )}
          {isEditor && issue.status === 'published' && (
            <Button danger loading={busy} onClick={withdraw}>
              撤回
            </Button>
          )}
          <DocumentButton url={documentUrl(issue.id, 'docx')} disabled={dirty}>
            下载 Word
          </DocumentButton>
          <DocumentButton url={documentUrl(issue.id, 'pdf')} disabled={dirty}>
            下载 PDF
          </DocumentButton>
        </Space>
        {editable && (
          <Form layout="inline" style={{ marginTop: 16 }} component="div">
            <Form.Item label="年度" htmlFor="issue-year">
              <InputNumber
                id="issue-year"
                min={2000}
                max={2100}
                precision={0}
                value={draft.year}
                onChange={(year) => year && change({ ...draft, year })}
              />
            </Form.Item>
            <Form.Item label="期号" htmlFor="issue-number">
              <InputNumber
                id="issue-number"
                min={1}
                max={9999}
                precision={0}
                value={draft.number}
                onChange={(number) => number && change({ ...draft, number })}
              />
            </Form.Item>
            <Form.Item label="出刊日期" htmlFor="issue-date">
              <DatePicker
                id="issue-date"
                allowClear={false}
                value={dayjs(draft.date)}
                onChange={(day) => day && change({ ...draft, date: day.format('YYYY-MM-DD') })}
              />
            </Form.Item>
          </Form>
        )}
      </Card>

      {draft.items.length === 0 ? (
        <Card>
          <Empty description={editable ? '本期还没有稿件：点击“选择稿件”，从已接收的稿件中编入' : '本期没有稿件'} />
        </Card>
      ) : (
        draft.items.map((item, index) => (
          <IssueItemCard
            key={item.itemId}
            item={item}
            index={index}
            count={draft.items.length}
            periodical={issue.periodical}
            editable={editable}
            onChange={(changes) => changeItem(index, changes)}
            onMove={(step) => change({ ...draft, items: moveItem(draft.items, index, step) })}
            onRemove={() => change({ ...draft, items: draft.items.filter((_, k) => k !== index) })}
          />
        ))
      )}

      <Card title="审批记录" size="small">
        <Timeline
          items={issue.history.map((e, i) => ({
            key: i,
            color: e.action === 'return' || e.action === 'withdraw' ? 'red' : e.action === 'publish' ? 'green' : 'blue',
            content: (
              <span>
                {ISSUE_ACTIONS[e.action] ?? e.action} · {e.actor} · {chinaDateTime(e.at)}
                {e.comment ? <div>意见：{e.comment}</div> : null}
              </span>
            ),
          }))}
        />
      </Card>

      {picking && (
        <ItemPicker
          chosen={chosen}
          onAdd={(candidate) => change({ ...draft, items: [...draft.items, draftItemOf(candidate)] })}
          onClose={() => setPicking(false)}
        />
      )}
      {returning && (
        <ReturnDialog
          onClose={() => setReturning(false)}
          onReturn={(comment) =>
            run(() => takeStep(issue.id, 'return', issue.version, comment), '已退回调研科修改').then(() =>
              setReturning(false)
            )
          }
        />
      )}
    </Space>
  );
}

function ReturnDialog({ onClose, onReturn }: { onClose(): void; onReturn(comment: string): Promise<void> }) {
  const [comment, setComment] = useState('');
  return (
    <Modal
      open
      title="退回修改"
      okText="退回"
      cancelText="取消"
      okButtonProps={{ disabled: !comment.trim(), danger: true }}
      onOk={() => onReturn(comment.trim())}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label="退回意见" htmlFor="issue-return-comment" required>
          <Input.TextArea
            id="issue-return-comment"
            value={comment}
            maxLength={2000}
            autoSize={{ minRows: 3 }}
            onChange={(e) => setComment(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
