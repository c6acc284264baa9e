/** The frame of every signed-in page: the role's menu, notifications and the account menu. */
import { BellOutlined, LogoutOutlined, KeyOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PAGES, canOpen, type PageKey } from '../access';
import { useSession, useUser } from '../session';
import { NotificationBell } from './NotificationBell';

const GROUPS = ['工作台', '报送', '编辑', '考核', '管理'] as const;

export function AppLayout() {
  const user = useUser();
  const { signOut, office } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [collapsed, setCollapsed] = useState(true);

  const items = useMemo(
    () =>
      GROUPS.map((group) => {
        const pages = (Object.keys(PAGES) as PageKey[]).filter(
          (key) => PAGES[key].menu === group && canOpen(user.role, key)
        );
        if (pages.length === 0) return null;
        const entries = pages.map((key) => ({ key: PAGES[key].path, label: PAGES[key].title }));
        return group === '工作台'
          ? entries[0]
          : { type: 'group' as const, key: group, label: group, children: entries };
      }).filter((entry) => entry !== null),
    [user.role]
  );

  const selected = useMemo(() => {
    const paths = Object.values(PAGES)
      .map((p) => p.path)
      .filter((p) => !p.includes(':'));
    const match = paths
      .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
      .sort((a, b) => b.length - a.length)[0];
    return match ? [match] : [];
  }, [location.pathname]);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        void navigate(key);
        if (narrow) setCollapsed(true);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        className="app-sider"
        width={208}
        theme="light"
        breakpoint="md"
        collapsedWidth={0}
        collapsed={narrow ? collapsed : false}
        onCollapse={setCollapsed}
        trigger={null}
        style={
          narrow
            ? {
                position: 'fixed',
                zIndex: 20,
                height: '100vh',
                boxShadow: collapsed ? undefined : '2px 0 8px rgba(0,0,0,.15)',
              }
            : undefined
        }
        aria-label="主菜单"
      >
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, color: '#b71c1c' }}>政务信息报送与考核</div>
        {menu}
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="app-header"
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow && (
            <Button aria-label="打开菜单" onClick={() => setCollapsed(!collapsed)}>
              菜单
            </Button>
          )}
          <Typography.Text strong ellipsis style={{ flex: 1 }}>
            {user.unit?.name ?? office}
          </Typography.Text>
          <Space size="middle">
            <NotificationBell icon={<BellOutlined />} />
            <Dropdown
              menu={{
                items: [
                  {
                    key: 'password',
                    icon: <KeyOutlined />,
                    label: '修改密码',
                    onClick: () => void navigate(PAGES.password.path),
                  },
                  ...(user.totpEnabled
                    ? []
                    : [
                        {
                          key: 'totp',
                          icon: <SafetyOutlined />,
                          label: '绑定双因素认证',
                          onClick: () => navigate(PAGES.totp.path),
                        },
                      ]),
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: '退出登录',
                    onClick: () => void signOut().then(() => navigate('/login')),
                  },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} aria-label="账号菜单">
                {narrow ? null : `${user.displayName}（${user.roleName}）`}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content" style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
