/**
 * 绑定双因素认证: required for the roles the security administrator names, optional for everyone
 * else. The key is shown as a QR code and as text for authenticator apps that cannot scan.
 */
import { Alert, App, Button, Card, Form, Input, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Done, TotpSetup } from '@shared/api/auth';
import { ApiError, http } from '../../http';
import { applyFieldErrors } from '../../lib/form-errors';
import { useSession } from '../../session';

interface CodeForm {
  code: string;
}

export default function TotpPage() {
  const { session, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CodeForm>();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [starting, setStarting] = useState(false);

  if (session?.user.totpEnabled) {
    return (
      <Card title="双因素认证" style={{ maxWidth: 520 }}>
        <Alert type="success" showIcon title="本账号已绑定双因素认证，登录时须输入动态验证码。" />
      </Card>
    );
  }

  const start = async () => {
    setStarting(true);
    try {
      setSetup(await http.post<TotpSetup>('/api/auth/totp/setup', {}));
    } finally {
      setStarting(false);
    }
  };

  const confirm = async ({ code }: CodeForm) => {
    try {
      await http.post<Done>('/api/auth/totp/confirm', { code: code.trim() }, { quiet: true });
      message.success('双因素认证已绑定，下次登录时须输入动态验证码');
      await refresh();
      void navigate('/', { replace: true });
    } catch (error) {
      if (error instanceof ApiError) applyFieldErrors(form, error, { code: 'code' }, 'code');
    }
  };

  return (
    <Card title="绑定双因素认证" style={{ maxWidth: 520, width: '100%' }}>
      {session?.mustEnrollTotp && (
        <Alert
          type="warning"
          showIcon
          title="您的角色须启用双因素认证，绑定后才能继续使用系统。"
          style={{ marginBottom: 16 }}
        />
      )}
      {!setup ? (
        <Space orientation="vertical">
          <Typography.Paragraph>
            请在手机上安装支持 TOTP 的身份验证器（如“腾讯身份验证器”“Microsoft
            Authenticator”），然后生成密钥并扫码绑定。
          </Typography.Paragraph>
          <Button type="primary" loading={starting} onClick={() => void start()}>
            生成密钥
          </Button>
        </Space>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <QRCode value={setup.uri} aria-label="双因素认证密钥二维码" />
          <Typography.Paragraph>
            无法扫码时，在验证器中手工输入密钥：
            <Typography.Text code copyable>
              {setup.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <Form<CodeForm> form={form} layout="vertical" onFinish={confirm}>
            <Form.Item
              label="动态验证码"
              name="code"
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入验证器显示的 6 位数字' }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} style={{ maxWidth: 200 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              确认绑定
            </Button>
          </Form>
        </Space>
      )}
    </Card>
  );
}
