/**
 * 工作总结: the half-year (半年小结) and annual (年度总结) summaries. The editor reads the figures
 * and charts, edits each series' analysis paragraph and submits; the office leader approves or
 * returns with a comment; both download Word, PDF or Excel.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Result,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { todayInChina, yearOf } from '@domain/dates';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DocumentButton } from '../../../components/DocumentButton';
import { usePolicy } from '../../../lib/policy';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { CommentModal } from '../../items/detail/components/CommentModal';
import { LazyChart } from '../overview/components/LazyChart';
import {
  SUMMARY_ACTIONS,
  SUMMARY_STATUS,
  approveSummary,
  changedParagraphs,
  chinaDateTime,
  documentUrl,
  editable,
  loadSummary,
  percent,
  returnSummary,
  saveSummary,
  signed,
  submitSummary,
  summaryYears,
  type SummaryHalf,
  type SummaryView,
} from './service';

export default function SummariesPage() {
  const today = todayInChina();
  const [params, setParams] = useSearchParams();
  const { data: policies } = usePolicy();
  const firstYear =
    policies && policies.length > 0 ? Math.min(...policies.map((p) => yearOf(p.effectiveFrom))) : yearOf(today);
  const year = Number(params.get('year')) || yearOf(today) - (params.get('half') === '1' ? 0 : 1);
  const half: SummaryHalf = params.get('half') === '1' ? 1 : null;
  const choose = (next: { year?: number; half?: SummaryHalf }) => {
    const y = next.year ?? year;
    const h = next.half === undefined ? half : next.half;
    setParams({ year: String(y), ...(h ? { half: '1' } : {}) }, { replace: true });
  };
  const summary = useRequest((signal) => loadSummary(year, half, signal), [year, half]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 8]} align="middle" justify="space-between">
        <Col xs={24} md={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            工作总结
          </Typography.Title>
          <Typography.Text type="secondary">
            半年小结和年度总结：由台账数据生成，调研科编辑分析、领导审批
          </Typography.Text>
        </Col>
        <Col xs={24} md={12}>
          <Form layout="inline" style={{ justifyContent: 'flex-end', rowGap: 8 }}>
            <Form.Item label="年度" htmlFor="summary-year" style={{ marginInlineEnd: 8 }}>
              <Select
                id="summary-year"
                value={year}
                style={{ minWidth: 110 }}
                onChange={(value: number) => choose({ year: value })}
                options={summaryYears(firstYear, yearOf(today)).map((y) => ({ value: y, label: `${y} 年` }))}
              />
            </Form.Item>
            <Form.Item style={{ marginInlineEnd: 0 }}>
              <Segmented
                value={half === 1 ? 'half' : 'year'}
                onChange={(value) => choose({ half: value === 'half' ? 1 : null })}
                options={[
                  { value: 'half', label: '上半年小结' },
                  { value: 'year', label: '年度总结' },
                ]}
              />
            </Form.Item>
          </Form>
        </Col>
      </Row>

      {summary.error && !summary.data ? (
        <Result
          status="error"
          title="工作总结暂时无法显示"
          subTitle={summary.error.message}
          extra={
            <Button type="primary" onClick={summary.reload}>
              重新加载
            </Button>
          }
        />
      ) : !summary.data || (summary.loading && (summary.data.year !== year || summary.data.half !== half)) ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <SummaryBody
          key={`${summary.data.year}-${summary.data.half}-${summary.data.version}`}
          view={summary.data}
          onChanged={summary.reload}
        />
      )}
    </Space>
  );
}

function SummaryBody({ view, onChanged }: { view: SummaryView; onChanged(): void }) {
  const { figures } = view;
  const status = SUMMARY_STATUS[view.status];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span style={{ whiteSpace: 'normal' }}>{figures.title}</span>}
        extra={<Tag color={status.color}>{status.label}</Tag>}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <WorkflowPanel view={view} onChanged={onChanged} />
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label="数据">
              {view.frozen ? `提交审批时固定（${chinaDateTime(view.submittedAt)}）` : '按当前台账实时计算'}
            </Descriptions.Item>
            <Descriptions.Item label="最近保存">{chinaDateTime(view.updatedAt)}</Descriptions.Item>
            <Descriptions.Item label="审批通过">{chinaDateTime(view.approvedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{view.overview}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={`${figures.periodLabel}合计得分`} value={figures.totals.points} suffix="分" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="去年同期" value={figures.totals.previousPoints} suffix="分" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="增减幅度" value={percent(figures.totals.changeRate)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title="达标单位"
                value={figures.series.reduce((a, s) => a + s.met, 0)}
                suffix={`/ ${figures.units.length}`}
              />
            </Col>
          </Row>
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title="各序列分季度得分">
            <LazyChart label="各序列分季度得分" data={figures.charts.byQuarter} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="按采用载体得分">
            <LazyChart label="按采用载体得分" data={figures.charts.byOutlet} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="与去年同期得分走势">
            <LazyChart label="与去年同期得分走势" data={figures.charts.trend} />
          </Card>
        </Col>
      </Row>

      <ParagraphsCard view={view} onChanged={onChanged} />
      <FiguresCard view={view} />
      {view.history.length > 0 && (
        <Card size="small" title="办理记录">
          <Timeline
            items={view.history.map((e) => ({
              color: e.action === 'return' ? 'red' : e.action === 'approve' ? 'green' : 'blue',
              content: (
                <span>
                  {chinaDateTime(e.at)} {e.actor} {SUMMARY_ACTIONS[e.action]}
                  {e.comment ? `：${e.comment}` : ''}
                </span>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}

/** The state of the approval, the steps the signed-in role may take, and the downloads. */
function WorkflowPanel({ view, onChanged }: { view: SummaryView; onChanged(): void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [returning, setReturning] = useState(false);

  const act = async (what: string, step: () => Promise<unknown>, done: string) => {
    setBusy(what);
    try {
      await step();
      message.success(done);
    } catch {
      /* shown by the http error handler */
    } finally {
      setBusy(undefined);
      onChanged();
    }
  };
  const leader = user.role === 'office_leader';
  const editor = user.role === 'editor';

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {view.status === 'returned' && (
        <Alert type="error" showIcon title="领导退回修改" description={view.returnComment ?? ''} />
      )}
      {view.status === 'pending' && (
        <Alert
          type="warning"
          showIcon
          title="已提交审批，数据已固定"
          description={leader ? '请核对数据和分析后审批；有问题可写明意见退回调研科修改。' : '等待办公室领导审批。'}
          action={
            leader && view.id !== null && view.version !== null ? (
              <Space orientation="vertical" size={8}>
                <Popconfirm
                  title="审批通过本总结？"
                  description="通过后数据和分析不再改变，可下载正式文本。"
                  okText="通过"
                  cancelText="取消"
                  onConfirm={() => act('approve', () => approveSummary(view.id!, view.version!), '工作总结已审批通过')}
                >
                  <Button type="primary" loading={busy === 'approve'}>
                    审批通过
                  </Button>
                </Popconfirm>
                <Button danger onClick={() => setReturning(true)}>
                  退回修改
                </Button>
              </Space>
            ) : undefined
          }
        />
      )}
      {view.status === 'approved' && (
        <Alert type="success" showIcon title="已审批通过：下载的是审批通过的版本（审批时固定的数据和分析）" />
      )}
      <Space wrap>
        {editor && (view.status === 'draft' || view.status === 'returned') && view.id !== null && (
          <Popconfirm
            title="提交办公室领导审批？"
            description="提交时按当前台账固定数据；审批前不能再修改分析。"
            okText="提交"
            cancelText="取消"
            onConfirm={() =>
              act('submit', () => submitSummary(view.id!, view.version!), '已提交审批，请等待办公室领导处理')
            }
          >
            <Button type="primary" loading={busy === 'submit'}>
              提交审批
            </Button>
          </Popconfirm>
        )}
        {editor && view.status === 'none' && (
          <Typography.Text type="secondary">先在下方编辑并保存分析段落，再提交审批。</Typography.Text>
        )}
        <DocumentButton url={documentUrl(view.year, view.half, 'docx')}>下载 Word</DocumentButton>
        <DocumentButton url={documentUrl(view.year, view.half, 'pdf')}>下载 PDF</DocumentButton>
        <DocumentButton url={documentUrl(view.year, view.half, 'xlsx')}>导出 Excel</DocumentButton>
      </Space>
      {returning && view.id !== null && view.version !== null && (
        <CommentModal
          title="退回工作总结"
          label="退回意见"
          placeholder="写明需要修改的地方，调研科会看到"
          onCancel={() => setReturning(false)}
          onSubmit={async (comment) => {
            try {
              await returnSummary(view.id!, view.version!, comment);
              message.success('已退回调研科修改');
              setReturning(false);
            } finally {
              onChanged();
            }
          }}
        />
      )}
    </Space>
  );
}

/** Each series' analysis paragraph: editable by the editor before submission, else read-only. */
function ParagraphsCard({ view, onChanged }: { view: SummaryView; onChanged(): void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const canEdit = editable(view.status, user.role);
  const changed = changedParagraphs(view, texts);

  const save = async () => {
    setSaving(true);
    try {
      await saveSummary(view.year, view.half, view.version, changed);
      message.success('分析段落已保存');
      onChanged();
    } catch {
      /* shown by the http error handler */
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title="各序列分析"
      extra={
        canEdit ? (
          <Button type="primary" loading={saving} disabled={changed.length === 0} onClick={() => void save()}>
            保存
          </Button>
        ) : undefined
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {view.paragraphs.map((p) => {
          const text = texts[p.series] ?? p.text;
          return (
            <div key={p.series}>
              <Space style={{ marginBottom: 4 }}>
                <Typography.Text strong>{p.name}</Typography.Text>
                {canEdit && text !== p.drafted && (
                  <Button size="small" type="link" onClick={() => setTexts({ ...texts, [p.series]: p.drafted })}>
                    恢复自动生成的分析
                  </Button>
                )}
              </Space>
              {canEdit ? (
                <Input.TextArea
                  aria-label={`${p.name}分析`}
                  value={text}
                  autoSize={{ minRows: 3 }}
                  maxLength={5000}
                  onChange={(event) => setTexts({ ...texts, [p.series]: event.target.value })}
                />
              ) : (
                <Typography.Paragraph style={{ marginBottom: 0 }}>{p.text}</Typography.Paragraph>
              )}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}

/** The figures as the document has them: series, units, outlets, the comparison and 通报表扬. */
function FiguresCard({ view }: { view: SummaryView }) {
  const { figures } = view;
  const seriesName = new Map(figures.series.map((s) => [s.code, s.name]));
  const [series, setSeries] = useState(figures.series[0]?.code);
  const targetTitle = figures.half === 1 ? '半年指标' : '年度指标';
  const quarterTitles = ['第一季度', '第二季度', '第三季度', '第四季度'];
  const improvement = (rows: SummaryView['figures']['mostImproved']) => (
    <Table
      size="small"
      pagination={false}
      rowKey="unit"
      dataSource={rows}
      locale={{ emptyText: <Empty description="无" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      columns={[
        { title: '单位', dataIndex: 'unit' },
        { title: '序列', dataIndex: 'series', render: (code: string) => seriesName.get(code) ?? code },
        { title: '本期得分', dataIndex: 'points', align: 'right' },
        { title: '去年同期', dataIndex: 'previousPoints', align: 'right' },
        { title: '增减', dataIndex: 'change', align: 'right', render: (v: number) => signed(v) },
      ]}
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="各序列完成情况">
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          scroll={{ x: 'max-content' }}
          dataSource={figures.series}
          columns={[
            { title: '序列', dataIndex: 'name' },
            { title: '单位数', dataIndex: 'units', align: 'right' },
            { title: `${targetTitle}（分/单位）`, dataIndex: 'target', align: 'right' },
            { title: '达标单位数', dataIndex: 'met', align: 'right' },
            { title: '合计得分', dataIndex: 'points', align: 'right' },
            { title: '去年同期', dataIndex: 'previousPoints', align: 'right' },
            { title: '增减幅度', dataIndex: 'changeRate', align: 'right', render: (v: number | null) => percent(v) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="各单位得分"
        extra={
          <Select
            aria-label="序列"
            value={series}
            onChange={setSeries}
            style={{ minWidth: 160 }}
            options={figures.series.map((s) => ({ value: s.code, label: s.name }))}
          />
        }
      >
        <Table
          size="small"
          pagination={false}
          rowKey="unit"
          scroll={{ x: 'max-content' }}
          dataSource={figures.units.filter((u) => u.series === series)}
          columns={[
            { title: '排名', dataIndex: 'rank', align: 'right' },
            { title: '单位', dataIndex: 'unit' },
            ...figures.quarters.map((q, i) => ({
              title: quarterTitles[q - 1],
              key: `q${q}`,
              align: 'right' as const,
              render: (_: unknown, u: SummaryView['figures']['units'][number]) => u.quarters[i],
            })),
            { title: '合计得分', dataIndex: 'points', align: 'right' },
            { title: targetTitle, dataIndex: 'target', align: 'right' },
            {
              title: '是否达标',
              dataIndex: 'met',
              render: (met: boolean) => <Tag color={met ? 'green' : 'red'}>{met ? '达标' : '未达标'}</Tag>,
            },
            { title: '去年同期', dataIndex: 'previousPoints', align: 'right' },
            { title: '增减', dataIndex: 'change', align: 'right', render: (v: number) => signed(v) },
          ]}
        />
      </Card>
      <Card size="small" title="信息采用情况">
        <Typography.Paragraph type="secondary">
          区领导批示 {figures.instructions} 次；上报省、市政府办公厅被采用或批示加分 {figures.upward} 次。
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="group"
          scroll={{ x: 'max-content' }}
          dataSource={figures.outlets}
          columns={[
            { title: '项目', dataIndex: 'group' },
            ...figures.series.map((s) => ({
              title: `${s.name}（篇/次）`,
              key: s.code,
              align: 'right' as const,
              render: (_: unknown, o: SummaryView['figures']['outlets'][number]) => o.bySeries[s.code]?.count ?? 0,
            })),
            { title: '合计（篇/次）', dataIndex: 'count', align: 'right' },
            { title: '合计得分', dataIndex: 'points', align: 'right' },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="较去年同期进步较大的单位">
            {improvement(figures.mostImproved)}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="较去年同期退步较大的单位">
            {improvement(figures.mostBehind)}
          </Card>
        </Col>
      </Row>
      {figures.commended && (
        <Card size="small" title="通报表扬（全年四个考核季度全部达标，按排名）">
          <Table
            size="small"
            pagination={false}
            rowKey="unit"
            scroll={{ x: 'max-content' }}
            dataSource={figures.commended}
            locale={{
              emptyText: <Empty description="没有四个季度全部达标的单位" image={Empty.PRESENTED_IMAGE_SIMPLE} />,
            }}
            columns={[
              { title: '序列', dataIndex: 'seriesName' },
              { title: '单位', dataIndex: 'unit' },
              { title: '全年得分', dataIndex: 'points', align: 'right' },
              { title: '序列排名', dataIndex: 'rank', align: 'right' },
              {
                title: '直接责任人',
                dataIndex: 'directors',
                render: (names: string[]) =>
                  names.join('、') || <Typography.Text type="warning">未登记</Typography.Text>,
              },
              {
                title: '信息员',
                dataIndex: 'officers',
                render: (names: string[]) =>
                  names.join('、') || <Typography.Text type="warning">未登记</Typography.Text>,
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
