/** 登录: username, password and, when the account has one, the TOTP code. */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, http } from '../../http';
import { useSession, type SessionView } from '../../session';

interface LoginForm {
  username: string;
  password: string;
  totp?: string;
}

export default function LoginPage() {
  const { signIn, office } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const view = await http.post<SessionView>(
        '/api/auth/login',
        { username: values.username.trim(), password: values.password, ...(values.totp ? { totp: values.totp } : {}) },
        { quiet: true }
      );
      signIn(view);
      const from = (location.state as { from?: string } | null)?.from;
      void navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (cause) {
      if (cause instanceof ApiError && cause.body.totpRequired) setNeedTotp(true);
      setError(cause instanceof ApiError ? cause.message : '登录失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg,#fdf3f3,#f5f5f5)',
        padding: 16,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          政务信息报送与考核系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', minHeight: '1.5em' }}>
          {office}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {needTotp && (
            <Form.Item
              label="动态验证码"
              name="totp"
              rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位动态验证码' }]}
            >
              <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
