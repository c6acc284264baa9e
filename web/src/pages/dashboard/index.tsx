/** 工作台: opens on what needs the user's action today, then the pages of their role. */
import { Alert, Button, Card, Col, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import { todayInChina } from '@domain/dates';
import { useNavigate } from 'react-router';
import { PAGES, can, canOpen, type PageKey } from '../../access';
import { refreshTodos } from '../../lib/notifications';
import { useRequest } from '../../lib/use-request';
import { useUser } from '../../session';
import { NoticesCard } from './NoticesCard';

const LEVEL_TAGS = { urgent: <Tag color="red">待办</Tag>, normal: <Tag color="blue">提醒</Tag>, info: <Tag>通知</Tag> };

export default function DashboardPage() {
  const user = useUser();
  const navigate = useNavigate();
  const today = todayInChina();
  const { data: todos, loading } = useRequest(() => refreshTodos(user.role), [user.role]);
  const shortcuts = (Object.keys(PAGES) as PageKey[]).filter(
    (key) => key !== 'dashboard' && PAGES[key].menu && canOpen(user.role, key)
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {user.displayName}，您好
        </Typography.Title>
        <Typography.Text type="secondary">
          {user.roleName}
          {user.unit ? ` · ${user.unit.name}` : ''} · 今天是 {today}
        </Typography.Text>
      </Col>
      <Col xs={24} lg={14}>
        <Card title="今天需要处理">
          {loading ? (
            <Skeleton active />
          ) : todos && todos.length > 0 ? (
            <List
              dataSource={todos}
              renderItem={(todo) => (
                <List.Item
                  actions={[
                    <Button key="go" type="link" onClick={() => navigate(todo.link)}>
                      去处理
                    </Button>,
                  ]}
                >
                  <List.Item.Meta avatar={LEVEL_TAGS[todo.level]} title={todo.title} description={todo.description} />
                </List.Item>
              )}
            />
          ) : (
            <Empty description="今天没有待办事项">
              {canOpen(user.role, 'itemNew') && (
                <Button type="primary" onClick={() => navigate(PAGES.itemNew.path)}>
                  撰写一篇信息稿件
                </Button>
              )}
            </Empty>
          )}
        </Card>
      </Col>
      {can.isUnitRole(user.role) && (
        <Col xs={24} lg={10}>
          <NoticesCard />
        </Col>
      )}
      <Col xs={24} lg={10}>
        <Card title="常用功能">
          {shortcuts.length === 0 ? (
            <Alert type="info" title="您的角色没有可用的业务页面。" />
          ) : (
            <List
              size="small"
              dataSource={shortcuts}
              renderItem={(key) => (
                <List.Item>
                  <Button type="link" onClick={() => navigate(PAGES[key].path)}>
                    {PAGES[key].title}
                  </Button>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
