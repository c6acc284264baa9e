/**
 * 刊物编辑: each periodical's issues, newest first; the editor starts a new issue (新建一期) and
 * configures the periodicals themselves (刊物设置). The office leader reads the same page.
 */
import {
  App,
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { todayInChina, yearOf } from '@domain/dates';
import type { IssueSummary, Periodical } from '@shared/api/periodicals';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { can, pathOf } from '../../../access';
import { ApiError } from '../../../http';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { PeriodicalSettings } from './components/PeriodicalSettings';
import { ISSUE_STATUS, createIssue, loadIssues, loadNextNumber, loadPeriodicals, periodicalTitle } from './service';

export default function PeriodicalsPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const periodicals = useRequest((signal) => loadPeriodicals(signal), []);
  const list = periodicals.data ?? [];
  const chosen = list.find((p) => p.id === Number(params.get('periodical'))) ?? list[0];
  const [creating, setCreating] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  const isEditor = can.recordEditorial(user.role);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            刊物编辑
          </Typography.Title>
          <Typography.Text type="secondary">
            从已接收的稿件中编辑一期刊物，经办公室领导审批后发布；发布时为每篇稿件登记采用并计分
          </Typography.Text>
        </div>
        {isEditor && <Button onClick={() => setConfiguring(true)}>刊物设置</Button>}
      </Flex>
      <Card loading={periodicals.loading && !periodicals.data}>
        <Tabs
          activeKey={chosen ? String(chosen.id) : undefined}
          onChange={(key) => setParams({ periodical: key }, { replace: true })}
          tabBarExtraContent={
            chosen && isEditor ? (
              <Button type="primary" onClick={() => setCreating(true)}>
                新建一期
              </Button>
            ) : undefined
          }
          items={list.map((p) => ({
            key: String(p.id),
            label: periodicalTitle(p),
            children: <IssueTable periodical={p} />,
          }))}
        />
      </Card>
      {creating && chosen && <NewIssueDialog periodical={chosen} onClose={() => setCreating(false)} />}
      {configuring && isEditor && (
        <PeriodicalSettings
          periodicals={list}
          loading={periodicals.loading}
          onClose={() => setConfiguring(false)}
          onChanged={periodicals.reload}
        />
      )}
    </Space>
  );
}

function IssueTable({ periodical }: { periodical: Periodical }) {
  const issues = useRequest((signal) => loadIssues(periodical.id, signal), [periodical.id]);
  return (
    <Table<IssueSummary>
      rowKey="id"
      size="middle"
      loading={issues.loading}
      dataSource={issues.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: `${periodicalTitle(periodical)}还没有编辑过的期次` }}
      columns={[
        {
          title: '期号',
          dataIndex: 'issueLine',
          render: (line: string, row) => <Link to={pathOf('periodicalIssue', { id: row.id })}>{line}</Link>,
        },
        { title: '出刊日期', dataIndex: 'date' },
        { title: '稿件篇数', dataIndex: 'itemCount', align: 'right' },
        {
          title: '状态',
          dataIndex: 'status',
          render: (status: IssueSummary['status']) => (
            <Tag color={ISSUE_STATUS[status].color}>{ISSUE_STATUS[status].label}</Tag>
          ),
        },
      ]}
    />
  );
}

interface NewIssueValues {
  year: number;
  number: number;
  date: Dayjs;
}

/** 新建一期: year, number (the next of the year, editable) and date; items are chosen on the issue's page. */
function NewIssueDialog({ periodical, onClose }: { periodical: Periodical; onClose(): void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewIssueValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const year = Form.useWatch('year', form);

  useEffect(() => {
    if (!year || year < 2000 || year > 2100) return;
    let current = true;
    loadNextNumber(periodical.id, year)
      .then(({ number }) => current && form.setFieldValue('number', number))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [periodical.id, year, form]);

  const submit = async (values: NewIssueValues) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const { id } = await createIssue({
        periodicalId: periodical.id,
        year: values.year,
        number: values.number,
        date: values.date.format('YYYY-MM-DD'),
        items: [],
      });
      void message.success('已新建，请选择本期稿件');
      await navigate(pathOf('periodicalIssue', { id }));
    } catch (error) {
      if (error instanceof ApiError) setProblem(applyFieldErrors(form, error, { number: 'number', date: 'date' }));
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  const today = todayInChina();
  return (
    <Modal
      open
      title={`新建一期 ${periodicalTitle(periodical)}`}
      okText="新建"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewIssueValues>
        form={form}
        layout="vertical"
        initialValues={{ year: yearOf(today), date: dayjs(today) }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="number"
          label="期号"
          extra="已自动填入该年度的下一期，可修改"
          rules={[{ required: true, message: '请填写期号' }]}
        >
          <InputNumber min={1} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="date" label="出刊日期" rules={[{ required: true, message: '请选择出刊日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
