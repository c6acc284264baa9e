/** One item of an issue: order buttons, its kind, the edited title and body, and the unit's original beside the edits. */
import { Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { Periodical } from '@shared/api/periodicals';
import type { DraftItem } from '../issue-draft';
import { TextDiff } from './TextDiff';

export function IssueItemCard({
  item,
  index,
  count,
  periodical,
  editable,
  onChange,
  onMove,
  onRemove,
}: {
  item: DraftItem;
  index: number;
  count: number;
  periodical: Periodical;
  editable: boolean;
  onChange(changes: Partial<DraftItem>): void;
  onMove(step: -1 | 1): void;
  onRemove(): void;
}) {
  const n = index + 1;
  return (
    <Card
      size="small"
      title={`第${n}篇 · ${item.unit} · ${item.ref}`}
      extra={
        editable && (
          <Space size={4}>
            <Button size="small" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`第${n}篇上移`}>
              上移
            </Button>
            <Button size="small" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`第${n}篇下移`}>
              下移
            </Button>
            <Button size="small" danger onClick={onRemove} aria-label={`第${n}篇移出本期`}>
              移出
            </Button>
          </Space>
        )
      }
    >
      <Form layout="vertical" component="div">
        {periodical.kinds.length > 0 && (
          <Form.Item label={`第${n}篇信息类型`} htmlFor={`issue-kind-${n}`} required>
            <Select
              id={`issue-kind-${n}`}
              disabled={!editable}
              value={item.kind ?? undefined}
              placeholder="选择信息类型（按类型记分）"
              style={{ maxWidth: 260 }}
              options={periodical.kinds.map((k) => ({ value: k.code, label: k.name }))}
              onChange={(kind: string) => onChange({ kind })}
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Typography.Text type="secondary">单位原稿</Typography.Text>
            <Typography.Paragraph strong style={{ marginTop: 8 }}>
              {item.originalTitle}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.originalBody}</Typography.Paragraph>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Text type="secondary">编辑稿（红色删除线为删去，绿色下划线为新增）</Typography.Text>
            <Typography.Paragraph strong style={{ marginTop: 8 }}>
              <TextDiff original={item.originalTitle} edited={item.title} />
            </Typography.Paragraph>
            <Typography.Paragraph>
              <TextDiff original={item.originalBody} edited={item.body} />
            </Typography.Paragraph>
          </Col>
        </Row>
        {editable && (
          <>
            <Form.Item label={`第${n}篇标题`} htmlFor={`issue-title-${n}`}>
              <Input
                id={`issue-title-${n}`}
                value={item.title}
                maxLength={200}
                onChange={(e) => onChange({ title: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={`第${n}篇正文`} htmlFor={`issue-body-${n}`} style={{ marginBottom: 0 }}>
              <Input.TextArea
                id={`issue-body-${n}`}
                value={item.body}
                autoSize={{ minRows: 4, maxRows: 16 }}
                maxLength={20000}
                onChange={(e) => onChange({ body: e.target.value })}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Card>
  );
}
