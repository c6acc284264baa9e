/** 约稿: solicitations addressed to my unit, a live countdown to each deadline, and (officers) answering with an item. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Modal, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { can, pathOf } from '../../../access';
import { ApiError } from '../../../http';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import {
  ANSWER_STATES,
  ISSUERS,
  answer,
  countdown,
  listSolicitations,
  searchUnitItems,
  type UnitSolicitation,
} from './service';

/** The clock of the countdowns, ticking every half minute. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export default function UnitSolicitationsPage() {
  const user = useUser();
  const now = useNow();
  const navigate = useNavigate();
  const { data, loading, reload } = useRequest((signal) => listSolicitations(signal), []);
  const [answering, setAnswering] = useState<UnitSolicitation>();

  if (loading && !data)
    return (
      <Card title="约稿">
        <Skeleton active />
      </Card>
    );
  const list = data ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        约稿
      </Typography.Title>
      <Typography.Text type="secondary">
        按时保质完成约稿任务并被采用的加分；截止日期前未报送的每次扣分。截止当天送出的稿件算按时。
      </Typography.Text>
      {list.length === 0 ? (
        <Card>
          <Empty description="目前没有发给本单位的约稿；区政府办公室发布约稿后会出现在这里" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {list.map((s) => {
            const clock = countdown(s.deadline, now);
            const state = ANSWER_STATES[s.state];
            return (
              <Col key={s.id} xs={24} lg={12}>
                <Card
                  size="small"
                  title={<span style={{ whiteSpace: 'normal' }}>{s.title}</span>}
                  extra={<Tag color={state.color}>{state.label}</Tag>}
                  actions={
                    can.draftItems(user.role) && !clock.over && s.state !== 'on_time'
                      ? [
                          <Button
                            key="write"
                            type="link"
                            onClick={() => navigate(`${pathOf('itemNew')}?solicitation=${s.id}`)}
                          >
                            撰写回复稿
                          </Button>,
                          <Button key="answer" type="link" onClick={() => setAnswering(s)}>
                            用本单位稿件回复
                          </Button>,
                        ]
                      : undefined
                  }
                >
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Typography.Text type="secondary">
                      {ISSUERS[s.issuer] ?? s.issuer}约稿 · 截止 {s.deadline}
                    </Typography.Text>
                    <Typography.Text
                      strong
                      type={clock.over ? 'secondary' : clock.urgent ? 'danger' : undefined}
                      aria-label={`截止倒计时：${clock.text}`}
                    >
                      <ClockCircleOutlined /> {clock.text}
                    </Typography.Text>
                    {s.requirements && (
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                        {s.requirements}
                      </Typography.Paragraph>
                    )}
                    {s.myItems.length > 0 ? (
                      <div>
                        已回复稿件：
                        {s.myItems.map((item) => (
                          <div key={item.id}>
                            <Link to={pathOf('itemDetail', { id: item.id })}>{item.title}</Link>{' '}
                            <Tag>{item.statusName}</Tag>
                          </div>
                        ))}
                      </div>
                    ) : (
                      <Typography.Text type="secondary">
                        尚未回复；回复的稿件须在截止日前报送区政府办公室。
                      </Typography.Text>
                    )}
                  </Space>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {answering && (
        <AnswerModal
          solicitation={answering}
          onClose={() => setAnswering(undefined)}
          onDone={() => {
            setAnswering(undefined);
            reload();
          }}
        />
      )}
    </Space>
  );
}

function AnswerModal({
  solicitation,
  onClose,
  onDone,
}: {
  solicitation: UnitSolicitation;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ itemId: number }>();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const { data, loading } = useRequest((signal) => searchUnitItems(q, signal), [q]);
  const submit = async () => {
    const { itemId } = await form.validateFields();
    setBusy(true);
    try {
      await answer(solicitation.id, itemId);
      message.success('已回复约稿；请确保稿件在截止日前报送区政府办公室');
      onDone();
    } catch (error) {
      if (error instanceof ApiError) form.setFields([{ name: 'itemId', errors: [error.message] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`回复约稿“${solicitation.title}”`}
      okText="回复"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          label="本单位稿件"
          name="itemId"
          rules={[{ required: true, message: '请选择用于回复的稿件' }]}
          extra="输入标题中的词查找；也可以撰写一篇新的回复稿"
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={loading}
            placeholder="选择或搜索本单位的稿件"
            notFoundContent={loading ? '正在查找…' : '没有找到稿件'}
            options={(data?.items ?? [])
              .filter((i) => !solicitation.myItems.some((mine) => mine.id === i.id))
              .map((i) => ({ value: i.id, label: `${i.title}（${i.statusName}）` }))}
          />
        </Form.Item>
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => navigate(`${pathOf('itemNew')}?solicitation=${solicitation.id}`)}
        >
          撰写回复稿
        </Button>
      </Form>
    </Modal>
  );
}
