/** 安全设置: the security administrator's password, lockout, session and second-factor rules. */
import { Alert, App, Button, Card, Checkbox, Col, Form, InputNumber, Result, Row, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { SECURITY_SETTING_LIMITS } from '@domain/security-settings';
import type { SecuritySettingsView } from '@shared/api/accounts';
import type { Role } from '@shared/roles';
import { http } from '../../../http';
import { useFormSubmission } from '../../../lib/form-errors';
import { ROLES } from '../../../lib/labels';
import { useRequest } from '../../../lib/use-request';

type Settings = SecuritySettingsView;
type NumericKey = keyof typeof SECURITY_SETTING_LIMITS;

const HINTS: Record<NumericKey, string> = {
  passwordExpiryDays: '到期后登录须先修改密码；0 表示永不过期。',
  lockoutThreshold: '连续输错密码达到此次数后暂时锁定账号。',
  lockoutMinutes: '锁定多久后可再次登录。',
  idleMinutes: '无操作超过此时长须重新登录。',
  absoluteHours: '登录后无论是否操作，超过此时长须重新登录。',
  maxSessionsPerAccount: '同一账号再次登录超出此数时，最早的会话自动退出。',
};

export default function SecurityPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const { data, loading, error, reload } = useRequest(
    (signal) => http.get<Settings>('/api/security-settings', { signal }),
    []
  );
  const { busy, refusal, setRefusal, submitting } = useFormSubmission(form);

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  if (error && !data) return <Result status="error" title="无法读取安全设置" subTitle={error.message} />;

  const save = async (values: Settings) => {
    await submitting(async () => {
      const saved = await http.put<Settings>(
        '/api/security-settings',
        { ...values, version: data!.version },
        { quiet: true }
      );
      form.setFieldsValue(saved);
      message.success('安全设置已保存，新登录立即生效');
      reload();
    });
  };

  return (
    <Card title="安全设置" style={{ maxWidth: 880 }}>
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <Form<Settings> form={form} layout="vertical" onFinish={save}>
          {refusal && (
            <Alert
              type="error"
              showIcon
              title={refusal}
              style={{ marginBottom: 16 }}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    setRefusal(undefined);
                    reload();
                  }}
                >
                  重新读取
                </Button>
              }
            />
          )}
          <Row gutter={16}>
            {(Object.entries(SECURITY_SETTING_LIMITS) as [NumericKey, [number, number, string]][]).map(
              ([key, [min, max, label]]) => (
                <Col xs={24} md={12} key={key}>
                  <Form.Item
                    label={label}
                    name={key}
                    extra={`${HINTS[key]}（${min}–${max}）`}
                    rules={[
                      { required: true, message: `请输入${label}` },
                      { type: 'integer', min, max, message: `${label}应为 ${min}–${max} 之间的整数` },
                    ]}
                  >
                    <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )
            )}
          </Row>
          <Form.Item
            label="须启用双因素认证（TOTP）的角色"
            name="totpRequiredRoles"
            extra="这些角色的账号登录时须输入动态口令；尚未绑定的，登录后须先绑定。"
          >
            <Checkbox.Group
              options={(Object.keys(ROLES) as Role[]).map((role) => ({ value: role, label: ROLES[role] }))}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary">修改会记入审计日志。</Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}
