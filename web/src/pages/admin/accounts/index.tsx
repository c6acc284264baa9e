/**
 * 账号与角色. 三员分立: the system administrator creates, disables and resets accounts; only the
 * security administrator changes roles. The server enforces both and its refusals are shown.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Account, CreateAccountBody } from '@shared/api/accounts';
import { ADMIN_ROLES, type Role } from '@shared/roles';
import { can } from '../../../access';
import { UnitPicker } from '../../../components/UnitPicker';
import { ApiError } from '../../../http';
import { useFormSubmission } from '../../../lib/form-errors';
import { ROLES } from '../../../lib/labels';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { phoneProblem } from '@domain/phone';
import {
  USERNAME_PATTERN,
  assignRole,
  createAccount,
  filterAccounts,
  loadAccounts,
  needsUnit,
  resetPassword,
  setDisabled,
  updateAccount,
  type AccountEdit,
} from './service';

const ROLE_OPTIONS = (Object.keys(ROLES) as Role[]).map((role) => ({ value: role, label: ROLES[role] }));

export default function AccountsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const { data, loading, error, reload } = useRequest(loadAccounts, []);
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role>();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<Account>();
  const [editing, setEditing] = useState<Account>();
  const [password, setPassword] = useState<{ account: string; password: string | null }>();
  const shown = useMemo(() => filterAccounts(data ?? [], text, role), [data, text, role]);

  if (error && !data)
    return (
      <Result
        status={error instanceof ApiError && error.status === 403 ? '403' : 'error'}
        title="无法读取账号列表"
        subTitle={error.message}
      />
    );

  const toggle = async (account: Account) => {
    try {
      await setDisabled(account, !account.isDisabled);
      message.success(
        account.isDisabled ? `已启用 ${account.username}` : `已停用 ${account.username}，其登录会话已结束`
      );
    } finally {
      reload();
    }
  };
  const reset = async (account: Account) => {
    try {
      const result = await resetPassword(account);
      setPassword({ account: account.username, password: result.password });
    } finally {
      reload();
    }
  };

  return (
    <Card
      title="账号与角色"
      extra={
        can.manageAccounts(user.role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          can.manageAccounts(user.role)
            ? '系统管理员新建、停用账号和重置密码；角色由安全管理员分配（三员分立）。'
            : '安全管理员分配角色；新建账号、停用和重置密码由系统管理员办理（三员分立）。'
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} lg={8}>
          <Input.Search
            aria-label="查找账号"
            placeholder="用户名、姓名或单位"
            allowClear
            onChange={(e) => setText(e.target.value)}
            onSearch={setText}
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Select
            aria-label="按角色筛选"
            allowClear
            placeholder="全部角色"
            options={ROLE_OPTIONS}
            value={role}
            onChange={setRole}
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
      <Table<Account>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={shown}
        scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个账号` }}
        locale={{ emptyText: <Empty description={text || role ? '没有符合条件的账号' : '还没有账号，请新建'} /> }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleName', render: (name: string) => <Tag>{name}</Tag> },
          { title: '所属单位', key: 'unit', render: (_, a) => a.unit?.name ?? '—' },
          { title: '联系电话', dataIndex: 'phone', render: (phone: string | null) => phone ?? '—' },
          {
            title: '状态',
            key: 'state',
            render: (_, a) => (
              <Space size={4} wrap>
                {a.isDisabled ? <Tag color="default">已停用</Tag> : <Tag color="green">启用</Tag>}
                {a.isLocked && <Tag color="red">已锁定</Tag>}
                {a.mustChangePassword && <Tag color="orange">待修改初始密码</Tag>}
                {a.totpEnabled && <Tag color="blue">双因素</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, a) => (
              <Space size={0} wrap>
                {can.manageAccounts(user.role) && (
                  <Button type="link" size="small" onClick={() => setEditing(a)}>
                    编辑
                  </Button>
                )}
                {/* Administrators are disabled and enabled on the server (govinfo account disable|enable), never by another administrator. */}
                {can.manageAccounts(user.role) && a.id !== user.id && !ADMIN_ROLES.includes(a.role) && (
                  <Popconfirm
                    title={a.isDisabled ? `启用 ${a.username}？` : `停用 ${a.username}？停用后立即退出登录。`}
                    okText="确定"
                    cancelText="取消"
                    onConfirm={() => toggle(a)}
                  >
                    <Button type="link" size="small">
                      {a.isDisabled ? '启用' : '停用'}
                    </Button>
                  </Popconfirm>
                )}
                {/* Administrators' passwords are reset on the server (govinfo account reset-password), never by another administrator. */}
                {can.manageAccounts(user.role) && a.id !== user.id && !ADMIN_ROLES.includes(a.role) && (
                  <Popconfirm
                    title={`为 ${a.username} 生成新的一次性密码？原密码立即失效。`}
                    okText="重置"
                    cancelText="取消"
                    onConfirm={() => reset(a)}
                  >
                    <Button type="link" size="small">
                      重置密码
                    </Button>
                  </Popconfirm>
                )}
                {/* An administrator's role changes on the server (govinfo account set-role). */}
                {can.grantRoles(user.role) && a.id !== user.id && !ADMIN_ROLES.includes(a.role) && (
                  <Button type="link" size="small" onClick={() => setGranting(a)}>
                    分配角色
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateAccount
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(username, pw) => {
          setCreating(false);
          setPassword({ account: username, password: pw });
          reload();
        }}
      />
      <EditAccount
        account={editing}
        onClose={() => setEditing(undefined)}
        onDone={() => {
          setEditing(undefined);
          message.success('账号信息已保存');
          reload();
        }}
        onStale={reload}
      />
      <GrantRole
        account={granting}
        onClose={() => setGranting(undefined)}
        onDone={() => {
          setGranting(undefined);
          message.success('角色已修改，该账号须重新登录');
          reload();
        }}
      />
      <Modal
        open={password !== undefined}
        title={password?.password === null ? '新建管理员账号' : '一次性密码'}
        onCancel={() => setPassword(undefined)}
        footer={
          <Button type="primary" onClick={() => setPassword(undefined)}>
            我已记下
          </Button>
        }
        destroyOnHidden
      >
        {password?.password === null ? (
          <Alert
            type="info"
            showIcon
            title={`管理员账号 ${password.account} 已建立。三员分立：其一次性密码不在系统中显示，须在服务器上运行 govinfo account reset-password ${password.account} 签发，当面交给本人。`}
          />
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              title="此密码只显示这一次，请当面或以安全方式交给本人；首次登录时须修改。"
              style={{ marginBottom: 16 }}
            />
            <Typography.Paragraph>
              账号：<Typography.Text strong>{password?.account}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>
              一次性密码：
              <Typography.Text code copyable={{ tooltips: ['复制', '已复制'] }} aria-label="一次性密码">
                {password?.password}
              </Typography.Text>
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </Card>
  );
}

function CreateAccount({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(username: string, password: string | null): void;
}) {
  const [form] = Form.useForm<CreateAccountBody>();
  const role = Form.useWatch('role', form);
  const { busy, refusal, submitting } = useFormSubmission(form);

  const submit = async (values: CreateAccountBody) => {
    await submitting(async () => {
      const input = {
        ...values,
        username: values.username.trim().toLowerCase(),
        unitId: needsUnit(values.role) ? (values.unitId ?? null) : null,
        phone: values.phone?.trim() || null,
      };
      const { password } = await createAccount(input);
      form.resetFields();
      onCreated(input.username, password);
    });
  };

  return (
    <Modal
      open={open}
      title="新建账号"
      onCancel={onClose}
      okText="新建"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      forceRender
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form<CreateAccountBody> form={form} layout="vertical" onFinish={submit} initialValues={{ unitId: null }}>
        <Form.Item
          label="用户名"
          name="username"
          extra="3–50 个小写字母、数字、点、下划线或连字符"
          rules={[
            { required: true, message: '请输入用户名' },
            {
              pattern: USERNAME_PATTERN,
              message: '用户名应为 3–50 个小写字母、数字、点、下划线或连字符，以字母或数字开头',
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '姓名最多 50 个字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="角色"
          name="role"
          rules={[{ required: true, message: '请选择角色' }]}
          extra="管理员角色各只能由系统管理员设立一次，之后由安全管理员分配。"
        >
          <Select options={ROLE_OPTIONS} placeholder="请选择角色" />
        </Form.Item>
        {needsUnit(role) && (
          <Form.Item
            label="所属单位"
            name="unitId"
            rules={[{ required: true, message: '信息员、分管领导和主要领导须属于一个报送单位' }]}
          >
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item label="联系电话" name="phone" rules={[phoneRule]}>
          <Input autoComplete="off" inputMode="tel" placeholder="选填，办公电话或手机" />
        </Form.Item>
        <Typography.Text type="secondary">新建后系统生成一次性密码，只显示一次。</Typography.Text>
      </Form>
    </Modal>
  );
}

function GrantRole({ account, onClose, onDone }: { account: Account | undefined; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ role: Role; unitId: number | null }>();
  const role = Form.useWatch('role', form);
  const { busy, refusal, setRefusal, submitting } = useFormSubmission(form);

  const submit = async (values: { role: Role; unitId: number | null }) => {
    if (!account) return;
    await submitting(async () => {
      await assignRole(account, values.role, needsUnit(values.role) ? (values.unitId ?? null) : null);
      onDone();
    });
  };

  return (
    <Modal
      open={account !== undefined}
      title={`分配角色：${account?.displayName ?? ''}（${account?.username ?? ''}）`}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      afterOpenChange={(open) => {
        if (open && account) {
          setRefusal(undefined);
          form.setFieldsValue({ role: account.role, unitId: account.unit?.id ?? null });
        }
      }}
      forceRender
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="角色"
          name="role"
          rules={[{ required: true, message: '请选择角色' }]}
          extra="一个账号只有一个角色；修改后该账号须重新登录。"
        >
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        {needsUnit(role) && (
          <Form.Item
            label="所属单位"
            name="unitId"
            rules={[{ required: true, message: '信息员、分管领导和主要领导须属于一个报送单位' }]}
          >
            <UnitPicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The phone rule of the server (domain/phone.ts), as a form rule. */
const phoneRule = {
  validator: (_: unknown, value?: string | null) => {
    const problem = value ? phoneProblem(value) : undefined;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

/**
 * 编辑账号: name, unit (unit roles only: district roles belong to none) and phone. A version
 * conflict (409) is shown in the dialog and the list reloads, so saving again uses the new version.
 */
function EditAccount({
  account,
  onClose,
  onDone,
  onStale,
}: {
  account: Account | undefined;
  onClose(): void;
  onDone(): void;
  onStale(): void;
}) {
  const [form] = Form.useForm<AccountEdit>();
  const { busy, refusal, setRefusal, submitting } = useFormSubmission(form);

  // Filled as the dialog opens, not after its animation, so typing at once is never overwritten.
  useEffect(() => {
    if (!account) return;
    setRefusal(undefined);
    form.resetFields();
    form.setFieldsValue({ displayName: account.displayName, unitId: account.unit?.id ?? null, phone: account.phone });
  }, [account, form, setRefusal]);

  const submit = async (values: AccountEdit) => {
    if (!account) return;
    await submitting(async () => {
      try {
        await updateAccount(account, values);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) onStale();
        throw error;
      }
      onDone();
    });
  };

  return (
    <Modal
      open={account !== undefined}
      title={`编辑账号：${account?.username ?? ''}`}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      forceRender
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      {/* Its own name: the create dialog is rendered too, and field ids must not repeat. */}
      <Form<AccountEdit> form={form} name="edit-account" layout="vertical" onFinish={submit}>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '姓名最多 50 个字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        {account && needsUnit(account.role) ? (
          <Form.Item
            label="所属单位"
            name="unitId"
            rules={[{ required: true, message: `${account.roleName}须属于一个报送单位` }]}
            extra="调整单位后，该账号须重新登录。"
          >
            <UnitPicker />
          </Form.Item>
        ) : (
          <Form.Item label="所属单位">
            <Typography.Text type="secondary">{account?.roleName}为区级角色，不属于报送单位</Typography.Text>
          </Form.Item>
        )}
        <Form.Item label="联系电话" name="phone" rules={[phoneRule]} extra="办公电话或手机，如 020-84822345。">
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Typography.Text type="secondary">角色由安全管理员在“分配角色”中调整。</Typography.Text>
      </Form>
    </Modal>
  );
}
