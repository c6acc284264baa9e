/**
 * The frame while a session must first change its password or bind a second factor: the server
 * refuses every other request then, so nothing here loads menus, todos or notifications.
 */
import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Typography } from 'antd';
import { Outlet, useNavigate } from 'react-router';
import { useSession, useUser } from '../session';

export function RestrictedLayout() {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#fff',
          padding: '0 16px',
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong style={{ flex: 1, color: '#b71c1c' }}>
          政务信息报送与考核系统
        </Typography.Text>
        <Typography.Text type="secondary">
          {user.displayName}（{user.roleName}）
        </Typography.Text>
        <Button icon={<LogoutOutlined />} onClick={() => void signOut().then(() => navigate('/login'))}>
          退出登录
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, display: 'flex', justifyContent: 'center' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
