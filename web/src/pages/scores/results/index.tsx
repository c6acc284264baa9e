/** 季度通报: published quarterly results (《番府信息》工作通讯); the editor prepares them, the office leader approves. */
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Grid,
  List,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { failedStreakNoticeFor } from '@domain/assessment-notices';
import { todayInChina, yearOf } from '@domain/dates';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { can } from '../../../access';
import { ApiError } from '../../../http';
import { applyFieldErrors } from '../../../lib/form-errors';
import { usePolicy } from '../../../lib/policy';
import { useSeries, useUnits } from '../../../lib/units';
import { useRequest } from '../../../lib/use-request';
import { useSession, useUser } from '../../../session';
import { ResultLists } from '../overview/components/ResultLists';
import { SeriesScoreTable } from '../overview/components/SeriesScoreTable';
import { QUARTER_NAMES, seriesRows, yearOptions } from '../overview/service';
import { ApprovalPanel } from './components/ApprovalPanel';
import { BulletinDownloads } from './components/BulletinDownloads';
import { BulletinTexts } from './components/BulletinTexts';
import {
  PUBLICATION_STATUS,
  chinaDateTime,
  chineseDate,
  defaultQuarter,
  loadPublications,
  periodTitle,
  preparePublication,
  quarterNotStarted,
} from './service';
import type { Publication } from './types';

export default function ResultsPage() {
  const user = useUser();
  const today = todayInChina();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const publications = useRequest((signal) => loadPublications(signal), []);
  const list = publications.data ?? [];
  const chosen = list.find((p) => p.id === Number(params.get('id'))) ?? list[0];
  const select = (id: number) => setParams({ id: String(id) }, { replace: true });

  if (publications.error && !publications.data) {
    return (
      <Result
        status="error"
        title="季度通报暂时无法显示"
        subTitle={publications.error.message}
        extra={
          <Button type="primary" onClick={publications.reload}>
            重新加载
          </Button>
        }
      />
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 8]} align="middle" justify="space-between">
        <Col xs={24} md={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            季度通报
          </Typography.Title>
          <Typography.Text type="secondary">
            各单位政务信息工作季度考核结果，经区政府办公室领导审批后发布
          </Typography.Text>
        </Col>
        {list.length > 0 && (
          <Col xs={24} md={12}>
            <Form layout="inline" style={{ justifyContent: screens.md ? 'flex-end' : 'flex-start' }}>
              <Form.Item label="通报期次" htmlFor="results-publication" style={{ marginInlineEnd: 0 }}>
                <Select
                  id="results-publication"
                  value={chosen?.id}
                  style={{ minWidth: 220 }}
                  onChange={select}
                  options={list.map((p) => ({
                    value: p.id,
                    label: `${periodTitle(p.year, p.quarter)}（${PUBLICATION_STATUS[p.status].label}）`,
                  }))}
                />
              </Form.Item>
            </Form>
          </Col>
        )}
      </Row>

      {can.prepareResults(user.role) && publications.data && (
        <PrepareCard
          publications={list}
          today={today}
          onPrepared={(id) => {
            select(id);
            publications.reload();
          }}
        />
      )}

      {publications.loading && !publications.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : chosen ? (
        <>
          <PublicationView publication={chosen} onApproved={publications.reload} />
          <BulletinArchive publications={list} />
        </>
      ) : (
        <Card>
          <Empty
            description={
              can.prepareResults(user.role)
                ? '还没有季度考核结果：请在上方选择年度和季度，点击“编制考核结果”，再请办公室领导审批发布'
                : can.approveResults(user.role)
                  ? '还没有季度考核结果：调研科编制后，会在这里等待您审批发布'
                  : '区政府办公室尚未发布季度考核结果；发布后会在这里显示，并在工作台通知您'
            }
          />
        </Card>
      )}
    </Space>
  );
}

function PrepareCard({
  publications,
  today,
  onPrepared,
}: {
  publications: Publication[];
  today: string;
  onPrepared(id: number): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; quarter: number }>();
  const [saving, setSaving] = useState(false);
  const { data: policies } = usePolicy();
  const initial = useMemo(() => defaultQuarter(today, publications), [today, publications]);
  const firstYear =
    policies && policies.length > 0 ? Math.min(...policies.map((p) => yearOf(p.effectiveFrom))) : yearOf(today);

  const submit = async (values: { year: number; quarter: number }) => {
    setSaving(true);
    try {
      const { id } = await preparePublication(values.year, values.quarter);
      message.success(`已编制${periodTitle(values.year, values.quarter)}考核结果，请办公室领导审批发布`);
      onPrepared(id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const rest = applyFieldErrors(form, error, {}, 'quarter');
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title="编制考核结果">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        按季度末（进行中的季度按今天）的得分生成；办公室领导审批前可重新编制。
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={initial} onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item name="year" label="考核年度" rules={[{ required: true, message: '请选择考核年度' }]}>
          <Select
            style={{ minWidth: 110 }}
            onChange={() => form.validateFields(['quarter']).catch(() => undefined)}
            options={yearOptions(firstYear, yearOf(today)).map((y) => ({ value: y, label: `${y} 年` }))}
          />
        </Form.Item>
        <Form.Item
          name="quarter"
          label="季度"
          dependencies={['year']}
          rules={[
            { required: true, message: '请选择季度' },
            ({ getFieldValue }) => ({
              validator: (_, quarter?: number) => {
                const problem = quarter
                  ? quarterNotStarted(getFieldValue('year') as number, quarter, today)
                  : undefined;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}
        >
          <Select style={{ minWidth: 110 }} options={QUARTER_NAMES.map((label, i) => ({ value: i + 1, label }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            编制考核结果
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function PublicationView({ publication, onApproved }: { publication: Publication; onApproved(): void }) {
  const { bulletin } = useSession();
  const user = useUser();
  const { data: seriesList } = useSeries();
  const { data: units } = useUnits();
  const series = seriesList ?? [];
  // District roles follow a unit to its bookings; units read the table as published.
  const unitIds = useMemo(
    () => (can.isDistrictRole(user.role) ? new Map((units ?? []).map((u) => [u.name, u.id])) : undefined),
    [units, user.role]
  );
  const { year, quarter, scores } = publication;
  const { data: policies } = usePolicy();
  const pending = publication.status !== 'published';
  const status = PUBLICATION_STATUS[publication.status];

  return (
    <Card
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {bulletin} · {periodTitle(year, quarter)}政务信息考核情况
        </span>
      }
      extra={<Tag color={status.color}>{status.label}</Tag>}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ApprovalPanel publication={publication} onChanged={onApproved} />
        <Card size="small" type="inner" title={pending ? '工作通讯（草稿预览）' : '工作通讯（发布原件）'}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {pending
                ? '按当前记录生成，审批发布时连同文字一并冻结。'
                : '发布时冻结的原件：此后的记录更正不改变本期，会在下一期的“前期得分调整”中列出。'}
            </Typography.Text>
            <BulletinDownloads id={publication.id} year={year} quarter={quarter} />
            {pending && can.prepareResults(user.role) && (
              <BulletinTexts publication={publication} onSaved={onApproved} />
            )}
          </Space>
        </Card>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label="统计截至">{chineseDate(publication.asOf)}</Descriptions.Item>
          <Descriptions.Item label="考核办法">{scores.policy}</Descriptions.Item>
          <Descriptions.Item label="编制时间">{chinaDateTime(publication.preparedAt)}</Descriptions.Item>
          <Descriptions.Item label="发布时间">
            {pending ? '尚未发布' : chinaDateTime(publication.approvedAt)}
          </Descriptions.Item>
        </Descriptions>

        {series.map((s) => {
          const rows = seriesRows(scores.units, s.code, quarter);
          if (rows.length === 0) return null;
          const failed = rows.filter(({ unit: u }) => u.quarters[quarter - 1]?.met === false).length;
          return (
            <div key={s.code}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {s.name}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
                  {rows.length} 个单位{failed > 0 ? `，${failed} 个未完成季度指标` : ''}
                </Typography.Text>
              </Typography.Title>
              <SeriesScoreTable rows={rows} quarter={quarter} unitIds={unitIds} />
            </div>
          );
        })}

        <ResultLists
          units={scores.units}
          quarter={quarter}
          series={series}
          unitIds={unitIds}
          yearComplete={quarter === 4}
          failedStreakNotice={failedStreakNoticeFor(policies, year)}
        />
      </Space>
    </Card>
  );
}

/** 考核历史: every published bulletin, each downloadable exactly as published. */
function BulletinArchive({ publications }: { publications: Publication[] }) {
  const { bulletin } = useSession();
  const published = publications.filter((p) => p.status === 'published');
  return (
    <Card title="考核历史（已发布的工作通讯）" size="small">
      {published.length === 0 ? (
        <Empty description="尚无已发布的工作通讯" />
      ) : (
        <List
          dataSource={published}
          rowKey="id"
          renderItem={(p) => (
            <List.Item>
              <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text>
                  {periodTitle(p.year, p.quarter)}
                  {bulletin}（{chinaDateTime(p.approvedAt)} 发布）
                </Typography.Text>
                <BulletinDownloads id={p.id} year={p.year} quarter={p.quarter} size="small" />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
