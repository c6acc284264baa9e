/**
 * 信息员登记备案: per unit its 分管领导 (第一责任人), 直接责任人 and 信息员, the warnings where the
 * registration falls short of the policy, and the history of changes with the date each written
 * notice arrived. The editor keeps every unit; a unit's officer reports changes for their own.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Contact, ContactBody, OfficerAccount, UnitRegistry } from '@shared/api/registry';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { todayInChina } from '@domain/dates';
import { isPhoneNumber } from '@domain/item-workflow';
import { CONTACT_DUTIES, STAFFING } from '@domain/registry';
import { CONTACT_COLUMNS } from '@shared/tables/list-columns';
import { NOTIFICATION_KIND_CODES, NOTIFICATION_KINDS, type NotificationKind } from '@shared/notification-kinds';
import { can } from '../../../access';
import { ExportButton } from '../../../components/ExportButton';
import { useFormSubmission } from '../../../lib/form-errors';
import { useUnits } from '../../../lib/units';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { FollowUpAlerts } from './components/FollowUpAlerts';
import { RegistryGaps } from './components/RegistryGaps';
import {
  addContact,
  endContact,
  entryFromAccount,
  filterRegistry,
  registryExportUrl,
  loadRegistry,
  namesFor,
  saveMailOptOuts,
} from './service';

const phone = (c: Contact) => [c.officePhone, c.mobile].filter(Boolean).join(' / ') || '—';

const KIND_OPTIONS = NOTIFICATION_KIND_CODES.map((kind) => ({ value: kind, label: NOTIFICATION_KINDS[kind] }));
const MAIL_HELP =
  '信息员接收全部种类；直接责任人接收新约稿、约稿截止提醒和考核结果发布；分管领导不接收。取消勾选即不再发送该类邮件。';

/** The kinds a person receives, from the kinds turned off. */
const receivedKinds = (optOut: readonly string[]) => NOTIFICATION_KIND_CODES.filter((k) => !optOut.includes(k));
const optOutOf = (received: readonly NotificationKind[]) =>
  NOTIFICATION_KIND_CODES.filter((k) => !received.includes(k));

/** 邮件通知 as the table shows it. */
const mailSummary = (c: Contact) =>
  !c.email
    ? '—'
    : c.mailOptOut.length === 0
      ? '全部接收'
      : `已关闭：${c.mailOptOut.map((k) => NOTIFICATION_KINDS[k as NotificationKind] ?? k).join('、')}`;

export default function RegistryPage() {
  const user = useUser();
  const district = user.unit === null;
  const { data, loading, error, reload } = useRequest(loadRegistry, []);
  // The units' pinyin initials, by which the search box finds a unit (swz → 沙湾镇).
  useUnits();
  const [typed, setTyped] = useState('');
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const [adding, setAdding] = useState<{
    unit: UnitRegistry['unit'];
    accounts: OfficerAccount[];
    from?: OfficerAccount;
  }>();
  const [ending, setEnding] = useState<Contact>();
  const [mailing, setMailing] = useState<Contact>();
  const rows = useMemo(() => filterRegistry(data ?? [], typed, onlyWarnings), [data, typed, onlyWarnings]);
  const editable = (unitId: number) =>
    can.editRegistry(user.role) && (user.role === 'editor' || user.unit?.id === unitId);
  const changed = () => reload();

  if (error && !data) return <Result status="error" title="无法读取信息员登记" subTitle={error.message} />;

  const contactTable = (row: UnitRegistry) => (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <FollowUpAlerts followUps={row.followUps} canClose={user.role === 'editor'} onClosed={changed} />
      {row.warnings.length > 0 && <Alert type="warning" showIcon title={row.warnings.join('；')} />}
      <Table<Contact>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={row.contacts}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={editable(row.unit.id) ? '尚未登记人员，请点击“登记人员”' : '尚未登记人员'}
            />
          ),
        }}
        columns={[
          { title: CONTACT_COLUMNS.duty, dataIndex: 'dutyName' },
          { title: CONTACT_COLUMNS.name, dataIndex: 'name' },
          { title: CONTACT_COLUMNS.post, dataIndex: 'post' },
          { title: CONTACT_COLUMNS.phone, key: 'phone', render: (_, c) => phone(c) },
          { title: CONTACT_COLUMNS.email, dataIndex: 'email', render: (v: string | null) => v ?? '—' },
          { title: CONTACT_COLUMNS.staffing, dataIndex: 'staffingName' },
          { title: CONTACT_COLUMNS.startedOn, dataIndex: 'startedOn' },
          { title: CONTACT_COLUMNS.noticeDate, dataIndex: 'noticeDate', render: (v: string | null) => v ?? '—' },
          { title: '邮件通知', key: 'mail', render: (_: unknown, c: Contact) => mailSummary(c) },
          ...(editable(row.unit.id)
            ? [
                {
                  title: '操作',
                  key: 'end',
                  render: (_: unknown, c: Contact) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setMailing(c)}>
                        邮件通知
                      </Button>
                      <Button type="link" size="small" onClick={() => setEnding(c)}>
                        登记离任
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable(row.unit.id) && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding({ unit: row.unit, accounts: row.unregisteredOfficers })}
        >
          登记人员
        </Button>
      )}
      {row.history.length > 0 && (
        <>
          <Typography.Text strong>变更记录</Typography.Text>
          <Table<Contact>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: true }}
            dataSource={row.history}
            columns={[
              { title: '职责', dataIndex: 'dutyName' },
              { title: '姓名', dataIndex: 'name' },
              { title: '职务', dataIndex: 'post' },
              { title: '任职', dataIndex: 'startedOn' },
              { title: '离任', dataIndex: 'endedOn' },
              {
                title: '书面告知日期',
                dataIndex: 'noticeDate',
                render: (v: string | null) => v ?? <Tag color="orange">未收到书面告知</Tag>,
              },
            ]}
          />
        </>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {district && (
        <RegistryGaps
          rows={data ?? []}
          loading={loading && !data}
          onRegister={
            can.editRegistry(user.role)
              ? (unit, account) =>
                  setAdding({
                    unit,
                    accounts: data?.find((r) => r.unit.id === unit.id)?.unregisteredOfficers ?? [],
                    from: account,
                  })
              : undefined
          }
        />
      )}
      <Card
        title="信息员登记备案"
        extra={<ExportButton url={registryExportUrl(typed, onlyWarnings)} filename="信息员登记" />}
      >
        <Typography.Paragraph type="secondary">
          各单位须登记分管领导（第一责任人）、直接责任人和信息员；人员变动须书面告知区政府办公室。
        </Typography.Paragraph>
        {district ? (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="middle">
              <Col xs={24} md={12} lg={8}>
                <Input.Search
                  aria-label="查找单位"
                  placeholder="输入单位名称或拼音首字母"
                  allowClear
                  onChange={(e) => setTyped(e.target.value)}
                  onSearch={setTyped}
                />
              </Col>
              <Col xs={24} md={12}>
                <Space>
                  <Switch checked={onlyWarnings} onChange={setOnlyWarnings} aria-label="只看有提醒的单位" />
                  <span>只看有提醒的单位</span>
                </Space>
              </Col>
            </Row>
            <Table<UnitRegistry>
              rowKey={(r) => r.unit.id}
              size="small"
              loading={loading}
              dataSource={rows}
              scroll={{ x: true }}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个单位` }}
              locale={{ emptyText: <Empty description="没有符合条件的单位" /> }}
              expandable={{ expandedRowRender: contactTable }}
              columns={[
                { title: '单位', key: 'unit', render: (_, r) => r.unit.name },
                {
                  title: '分管领导',
                  key: 'leader',
                  render: (_, r) => namesFor(r, 'leader') ?? <Typography.Text type="secondary">未登记</Typography.Text>,
                },
                {
                  title: '直接责任人',
                  key: 'director',
                  render: (_, r) =>
                    namesFor(r, 'director') ?? <Typography.Text type="secondary">未登记</Typography.Text>,
                },
                {
                  title: '信息员',
                  key: 'officer',
                  render: (_, r) =>
                    namesFor(r, 'officer') ?? <Typography.Text type="secondary">未登记</Typography.Text>,
                },
                {
                  title: '提醒',
                  key: 'warnings',
                  render: (_, r) =>
                    r.warnings.length === 0 && r.followUps.length === 0 ? (
                      <Tag color="green">齐全</Tag>
                    ) : (
                      <Space size={4} wrap>
                        {r.followUps.length > 0 && <Tag color="red">建议更换信息员</Tag>}
                        {r.warnings.map((w) => (
                          <Tag color="orange" key={w}>
                            {w}
                          </Tag>
                        ))}
                      </Space>
                    ),
                },
              ]}
            />
          </>
        ) : (
          (data ?? []).map((row) => (
            <div key={row.unit.id}>
              <Typography.Title level={5}>{row.unit.name}</Typography.Title>
              {contactTable(row)}
            </div>
          ))
        )}
      </Card>
      <AddContact
        adding={adding}
        onClose={() => setAdding(undefined)}
        onAdded={() => {
          setAdding(undefined);
          changed();
        }}
      />
      <EndContact
        contact={ending}
        onClose={() => setEnding(undefined)}
        onEnded={() => {
          setEnding(undefined);
          changed();
        }}
      />
      <MailOptOuts
        contact={mailing}
        onClose={() => setMailing(undefined)}
        onSaved={() => {
          setMailing(undefined);
          changed();
        }}
      />
    </Space>
  );
}

interface ContactForm {
  duty: Contact['duty'];
  name: string;
  post: string;
  officePhone?: string;
  mobile?: string;
  email?: string;
  staffing: ContactBody['staffing'];
  startedOn: Dayjs;
  noticeDate?: Dayjs | null;
  mailKinds?: NotificationKind[];
}

const phoneRule = {
  validator: async (_: unknown, value?: string) => {
    if (value && !isPhoneNumber(value)) throw new Error('电话格式不正确，应为手机号或带区号的固定电话');
  },
};

/**
 * 登记人员. While the unit has no officer registered its officer accounts are offered: one click
 * (or the warning table's 按账号登记) fills in the account's name and phone.
 */
function AddContact({
  adding,
  onClose,
  onAdded,
}: {
  adding: { unit: UnitRegistry['unit']; accounts: OfficerAccount[]; from?: OfficerAccount } | undefined;
  onClose(): void;
  onAdded(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactForm>();
  const { busy, refusal, submitting } = useFormSubmission(form);
  const unit = adding?.unit;
  const fill = useCallback(
    (account: OfficerAccount) =>
      form.setFieldsValue({ officePhone: undefined, mobile: undefined, ...entryFromAccount(account) }),
    [form]
  );
  useEffect(() => {
    if (!adding) return;
    form.resetFields();
    if (adding.from) fill(adding.from);
  }, [adding, form, fill]);

  const submit = async (values: ContactForm) => {
    if (!unit) return;
    await submitting(async () => {
      await addContact(unit.id, {
        duty: values.duty,
        name: values.name.trim(),
        post: values.post.trim(),
        officePhone: values.officePhone?.trim() || null,
        mobile: values.mobile?.trim() || null,
        email: values.email?.trim() || null,
        staffing: values.staffing,
        startedOn: values.startedOn.format('YYYY-MM-DD'),
        noticeDate: values.noticeDate?.format('YYYY-MM-DD') ?? null,
        mailOptOut: optOutOf(values.mailKinds ?? NOTIFICATION_KIND_CODES),
      });
      message.success('已登记');
      form.resetFields();
      onAdded();
    });
  };

  return (
    <Modal
      open={unit !== undefined}
      title={`登记人员：${unit?.name ?? ''}`}
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      width={640}
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      {(adding?.accounts.length ?? 0) > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="本单位尚未登记信息员，可按信息员账号登记："
          description={
            <Space wrap>
              {adding!.accounts.map((a) => (
                <Button
                  key={a.accountId}
                  size="small"
                  onClick={() => fill(a)}
                >{`填入 ${a.name}${a.phone ? `（${a.phone}）` : ''}`}</Button>
              ))}
            </Space>
          }
        />
      )}
      <Form<ContactForm> form={form} name="add-contact" layout="vertical" onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="职责" name="duty" rules={[{ required: true, message: '请选择职责' }]}>
              <Select options={Object.entries(CONTACT_DUTIES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="编制类别"
              name="staffing"
              rules={[{ required: true, message: '请选择编制类别' }]}
              extra="信息员的编制要求见现行考核办法"
            >
              <Select options={Object.entries(STAFFING).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="姓名"
              name="name"
              rules={[
                { required: true, whitespace: true, message: '请输入姓名' },
                { max: 50, message: '最多 50 个字' },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="职务"
              name="post"
              rules={[
                { required: true, whitespace: true, message: '请输入职务' },
                { max: 100, message: '最多 100 个字' },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="办公电话"
              name="officePhone"
              dependencies={['mobile']}
              rules={[
                phoneRule,
                ({ getFieldValue }) => ({
                  validator: async (_, v) => {
                    if (!v && !getFieldValue('mobile')) throw new Error('办公电话和手机至少填一项');
                  },
                }),
              ]}
            >
              <Input inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="手机" name="mobile" rules={[phoneRule]}>
              <Input inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="电子邮箱"
              name="email"
              extra="用于识别该单位发来的邮件和发送通知"
              rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}
            >
              <Input inputMode="email" autoComplete="email" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="任职日期" name="startedOn" rules={[{ required: true, message: '请选择任职日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="书面告知日期" name="noticeDate" extra="收到单位书面告知的日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="邮件通知" name="mailKinds" initialValue={NOTIFICATION_KIND_CODES} extra={MAIL_HELP}>
              <Checkbox.Group options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function EndContact({ contact, onClose, onEnded }: { contact: Contact | undefined; onClose(): void; onEnded(): void }) {
  const [form] = Form.useForm<{ endedOn: Dayjs; noticeDate?: Dayjs | null }>();
  const { busy, refusal, submitting } = useFormSubmission(form);

  const submit = async (values: { endedOn: Dayjs; noticeDate?: Dayjs | null }) => {
    if (!contact) return;
    await submitting(async () => {
      await endContact(contact, values.endedOn.format('YYYY-MM-DD'), values.noticeDate?.format('YYYY-MM-DD') ?? null);
      form.resetFields();
      onEnded();
    });
  };

  return (
    <Modal
      open={contact !== undefined}
      title={`登记离任：${contact?.dutyName ?? ''} ${contact?.name ?? ''}`}
      okText="登记离任"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="离任日期" name="endedOn" rules={[{ required: true, message: '请选择离任日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina()} />
        </Form.Item>
        <Form.Item label="书面告知日期" name="noticeDate" extra="单位书面告知人员变动的日期；未收到的请留空">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 邮件通知: which kinds of e-mail a registered person receives; unchecked kinds are not sent to them. */
function MailOptOuts({
  contact,
  onClose,
  onSaved,
}: {
  contact: Contact | undefined;
  onClose(): void;
  onSaved(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kinds: NotificationKind[] }>();
  const { busy, refusal, submitting } = useFormSubmission(form);
  useEffect(() => {
    if (contact) form.setFieldsValue({ kinds: receivedKinds(contact.mailOptOut) });
  }, [contact, form]);

  const submit = async (values: { kinds?: NotificationKind[] }) => {
    if (!contact) return;
    await submitting(async () => {
      await saveMailOptOuts(contact, optOutOf(values.kinds ?? []));
      message.success('已保存邮件通知设置');
      onSaved();
    });
  };

  return (
    <Modal
      open={contact !== undefined}
      title={`邮件通知：${contact?.dutyName ?? ''} ${contact?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      {contact && !contact.email && (
        <Alert type="info" showIcon title="该人员未登记电子邮箱，不会收到邮件" style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="接收以下邮件通知" name="kinds" extra={MAIL_HELP}>
          <Checkbox.Group options={KIND_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
