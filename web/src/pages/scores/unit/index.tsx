/** 单位得分明细: one unit's points per quarter against its targets, and every booking behind them. */
import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  Grid,
  Result,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { todayInChina, yearOf } from '@domain/dates';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PAGES, pathOf } from '../../../access';
import { ExportButton } from '../../../components/ExportButton';
import { ApiError, query } from '../../../http';
import { usePolicy } from '../../../lib/policy';
import { useSeries, useUnits } from '../../../lib/units';
import { useRequest } from '../../../lib/use-request';
import { LazyChart } from '../overview/components/LazyChart';
import { MetTag } from '../overview/components/SeriesScoreTable';
import { gapLabel, QUARTER_NAMES, quarterChart, yearOptions } from '../overview/service';
import type { ExplainedBooking } from '../overview/types';
import { BOOKING_COLUMNS, recordLabel } from '@shared/tables/score-columns';
import { bookingsOf, findAssessment, loadExplanation, loadSeriesScores, signedPoints } from './service';

export default function UnitScorePage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const today = todayInChina();
  const thisYear = yearOf(today);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const [quarter, setQuarter] = useState<number | null>(null);

  const screens = Grid.useBreakpoint();
  const units = useUnits();
  const { data: seriesList } = useSeries();
  const { data: policies } = usePolicy();
  const unit = units.data?.find((u) => u.id === Number(id));
  const explanation = useRequest(
    (signal) => (unit ? loadExplanation(unit.name, year, signal) : Promise.resolve(undefined)),
    [unit?.name, year]
  );
  const scores = useRequest(
    (signal) => (unit ? loadSeriesScores(year, unit.series, signal) : Promise.resolve(undefined)),
    [unit?.series, year]
  );

  const back = (
    <Button type="primary" onClick={() => navigate(PAGES.scores.path)}>
      返回考核得分
    </Button>
  );
  if (units.data && !unit) {
    return <Result status="404" title="报送单位不存在" subTitle="请从考核得分表中点击单位名称进入。" extra={back} />;
  }
  const failure = explanation.error ?? scores.error;
  if (failure) {
    const missing = failure instanceof ApiError && (failure.status === 404 || failure.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '无法查看该单位的得分' : '单位得分暂时无法显示'}
        subTitle={failure.message}
        extra={back}
      />
    );
  }
  if (!unit)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );

  const assessment = findAssessment(scores.data, unit.name);
  const seriesName = seriesList?.find((s) => s.code === unit.series)?.name ?? unit.seriesName ?? unit.series;
  const firstYear =
    policies && policies.length > 0 ? Math.min(...policies.map((p) => yearOf(p.effectiveFrom))) : thisYear;
  const bookings = bookingsOf(explanation.data?.bookings ?? [], quarter);
  const counts = (q: number) => (explanation.data?.bookings ?? []).filter((b) => b.quarter === q).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 8]} align="middle" justify="space-between">
        <Col xs={24} md={14}>
          <Link to={PAGES.scores.path}>← 考核得分</Link>
          <Typography.Title level={4} style={{ margin: '4px 0 0' }}>
            {unit.name} <Tag>{seriesName}</Tag>
          </Typography.Title>
          <Typography.Text type="secondary">
            每一笔得分及其依据{year === thisYear ? `，截至 ${today}` : ''}
          </Typography.Text>
        </Col>
        <Col xs={24} md={10}>
          <Form layout="inline" style={{ justifyContent: screens.md ? 'flex-end' : 'flex-start' }}>
            <Form.Item label="考核年度" htmlFor="unit-score-year" style={{ marginInlineEnd: 0 }}>
              <Select
                id="unit-score-year"
                value={year}
                style={{ minWidth: 110 }}
                onChange={(value: number) => setParams({ year: String(value) }, { replace: true })}
                options={yearOptions(firstYear, thisYear).map((y) => ({ value: y, label: `${y} 年` }))}
              />
            </Form.Item>
          </Form>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="全年得分"
              value={assessment?.annual.points ?? '—'}
              suffix={assessment ? `/ ${assessment.annual.target} 分` : undefined}
              loading={scores.loading && !scores.data}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="年度排名"
              value={assessment ? `第 ${assessment.rank} 名` : '—'}
              loading={scores.loading && !scores.data}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="距年度指标"
              value={assessment ? gapLabel(assessment.annual) : '—'}
              loading={scores.loading && !scores.data}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="记分笔数"
              value={explanation.data?.bookings.length ?? '—'}
              loading={explanation.loading && !explanation.data}
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="各季度得分与指标">
            <Table
              rowKey="quarter"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              loading={scores.loading && !scores.data}
              dataSource={assessment?.quarters ?? []}
              locale={{ emptyText: '没有得分数据' }}
              columns={[
                { title: '季度', dataIndex: 'quarter', render: (q: number) => QUARTER_NAMES[q - 1] },
                {
                  title: '得分',
                  dataIndex: 'points',
                  align: 'right',
                  render: (p: number) => <Typography.Text strong>{p}</Typography.Text>,
                },
                { title: '季度指标', dataIndex: 'target', align: 'right', render: (t: number | null) => t ?? '—' },
                { title: '是否达标', key: 'met', render: (_, q) => <MetTag figure={q} /> },
                { title: '与指标差距', key: 'gap', render: (_, q) => gapLabel(q) },
                { title: '记分笔数', key: 'count', align: 'right', render: (_, q) => counts(q.quarter) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="各季度得分">
            {assessment ? (
              <LazyChart
                label={`${unit.name}各季度得分`}
                height={240}
                data={quarterChart(scores.data?.units ?? [], [], unit.name)}
              />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title="记分明细"
        extra={
          unit && (
            <ExportButton
              url={`/api/scores/explain/export${query({ unit: unit.name, year, quarter })}`}
              filename={`${unit.name}得分明细_${year}年${quarter === null ? '全年' : QUARTER_NAMES[quarter - 1]}`}
            />
          )
        }
      >
        <Segmented<number>
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
          value={quarter ?? 0}
          onChange={(value) => setQuarter(value === 0 ? null : value)}
          options={[
            { value: 0, label: '全年' },
            ...QUARTER_NAMES.map((label, i) => ({ value: i + 1, label: label.replace('第', '') })),
          ]}
        />
        <Table<ExplainedBooking>
          rowKey={(b) => `${b.record.type}:${b.record.id}:${b.rule}:${b.date}`}
          size="small"
          loading={explanation.loading}
          dataSource={bookings}
          scroll={{ x: 'max-content' }}
          pagination={
            bookings.length > 20
              ? { pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 笔` }
              : false
          }
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  quarter === null
                    ? '本年度还没有得分记录；稿件被采用、获批示后会在这里逐笔列出'
                    : '本季度还没有得分记录'
                }
              />
            ),
          }}
          columns={[
            { title: BOOKING_COLUMNS.date, dataIndex: 'date', width: 110 },
            { title: BOOKING_COLUMNS.description, dataIndex: 'description' },
            {
              title: BOOKING_COLUMNS.points,
              dataIndex: 'points',
              align: 'right',
              render: (p: number) => (
                <Typography.Text type={p < 0 ? 'danger' : 'success'} strong>
                  {signedPoints(p)}
                </Typography.Text>
              ),
            },
            {
              title: BOOKING_COLUMNS.item,
              key: 'item',
              render: (_, b) =>
                b.itemId ? (
                  <Link to={pathOf('itemDetail', { id: b.itemId })}>{b.itemTitle ?? b.item}</Link>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: BOOKING_COLUMNS.record,
              key: 'record',
              render: (_, b) => <Typography.Text type="secondary">{recordLabel(b.record)}</Typography.Text>,
            },
          ]}
          summary={() =>
            bookings.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  合计
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{bookings.reduce((sum, b) => sum + b.points, 0)}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} colSpan={2} />
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </Space>
  );
}
