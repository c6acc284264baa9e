/** 修改密码: required at first login and after expiry; the rules are checked as the user types. */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { passwordProblems } from '@domain/password-policy';
import type { Done } from '@shared/api/auth';
import { ApiError, http } from '../../http';
import { useSession } from '../../session';
import { applyFieldErrors } from '../../lib/form-errors';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

export default function PasswordPage() {
  const { session, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const username = session?.user.username ?? '';

  const submit = async ({ current, next }: PasswordForm) => {
    try {
      await http.post<Done>('/api/auth/password', { current, next }, { quiet: true });
      message.success('密码已修改');
      await refresh();
      void navigate('/', { replace: true });
    } catch (error) {
      if (error instanceof ApiError) applyFieldErrors(form, error, { current: 'current', next: 'next' }, 'next');
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 480 }}>
      {session?.mustChangePassword && (
        <Alert type="warning" showIcon title="首次登录或密码已过期，请先设置新密码。" style={{ marginBottom: 16 }} />
      )}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="next"
          extra="至少 8 位，包含大写字母、小写字母、数字、符号中的三类，不含 aaaa、1234、qwer 这类连续字符，不能与最近 3 次密码相同"
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: async (_, value: string) => {
                const problems = value ? passwordProblems(value, username, () => false) : [];
                if (problems.length) throw new Error(problems.join('；'));
              },
            },
          ]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['next']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('next')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存新密码
        </Button>
      </Form>
    </Card>
  );
}
