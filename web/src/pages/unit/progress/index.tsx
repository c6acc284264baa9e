/** 本单位得分: points this quarter and this year against the series targets, what is still missing, and every booking. */
import {
  Alert,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { quarterOf, todayInChina, yearOf } from '@domain/dates';
import { useState } from 'react';
import { Link } from 'react-router';
import { pathOf } from '../../../access';
import { useSeries } from '../../../lib/units';
import { useRequest } from '../../../lib/use-request';
import { useUser } from '../../../session';
import { gapToTarget, loadProgress, quarterState, type ExplainedBooking, type QuarterAssessment } from './service';

const STATE_TAGS = { current: <Tag color="processing">进行中</Tag>, future: <Tag>未开始</Tag> };

export default function ProgressPage() {
  const user = useUser();
  const today = todayInChina();
  const thisYear = yearOf(today);
  const [year, setYear] = useState(thisYear);
  const unit = user.unit?.name ?? '';
  const { data, loading, error } = useRequest((signal) => loadProgress(unit, year, signal), [unit, year]);
  const { data: series } = useSeries();
  const quarter = year === thisYear ? quarterOf(today) : 4;

  const header = (
    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {unit} 得分
      </Typography.Title>
      <Space>
        <label htmlFor="progress-year">考核年度</label>
        <Select
          id="progress-year"
          value={year}
          onChange={setYear}
          options={[0, 1, 2, 3].map((n) => ({ value: thisYear - n, label: `${thisYear - n} 年` }))}
          style={{ width: 110 }}
        />
      </Space>
    </Space>
  );
  if (error)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {header}
        <Alert type="error" showIcon title="得分暂时无法读取" description={error.message} />
      </Space>
    );
  if (loading || !data)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {header}
        <Card>
          <Skeleton active />
        </Card>
      </Space>
    );

  const { assessment, explanation } = data;
  const seriesName = series?.find((s) => s.code === explanation.series)?.name ?? explanation.series;
  const current = assessment?.quarters.find((q) => q.quarter === quarter);
  const annual = assessment?.annual;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {header}
      <Typography.Text type="secondary">
        {seriesName}
        {assessment ? ` · 年度排名第 ${assessment.rank} 名` : ''} · 截至 {today}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={`${year} 年第 ${quarter} 季度`} size="small">
            {current && current.target !== null ? (
              <TargetView points={current.points} target={current.target} />
            ) : (
              <>
                <Statistic title="本季度得分" value={current?.points ?? 0} suffix="分" />
                <Typography.Text type="secondary">本序列只考核年度指标，不设季度指标。</Typography.Text>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={`${year} 年度`} size="small">
            {annual ? (
              <TargetView points={annual.points} target={annual.target} />
            ) : (
              <Statistic title="年度得分" value={explanation.points} suffix="分" />
            )}
          </Card>
        </Col>
        {assessment && assessment.quarters.some((q) => q.target !== null) && (
          <Col xs={24}>
            <Card title="各季度完成情况" size="small">
              <Table<QuarterAssessment>
                size="small"
                rowKey="quarter"
                pagination={false}
                scroll={{ x: true }}
                dataSource={assessment.quarters}
                columns={[
                  { title: '季度', dataIndex: 'quarter', render: (q: number) => `第 ${q} 季度` },
                  { title: '得分', dataIndex: 'points', align: 'right' },
                  { title: '指标', dataIndex: 'target', align: 'right', render: (t: number | null) => t ?? '—' },
                  {
                    title: '完成情况',
                    key: 'state',
                    render: (_, q) => {
                      const state = quarterState(year, q.quarter, today);
                      if (q.target === null) return '—';
                      if (q.met) return <Tag color="success">已完成</Tag>;
                      if (state !== 'past')
                        return (
                          <Space size={4}>
                            {STATE_TAGS[state]}
                            <Typography.Text type="secondary">{gapToTarget(q.points, q.target).text}</Typography.Text>
                          </Space>
                        );
                      return <Tag color="error">未完成（差 {q.target - q.points} 分）</Tag>;
                    },
                  },
                ]}
              />
            </Card>
          </Col>
        )}
        <Col xs={24}>
          <Card
            title="得分明细"
            size="small"
            extra={
              <Typography.Text type="secondary">
                共 {explanation.bookings.length} 笔，合计 {explanation.points} 分
              </Typography.Text>
            }
          >
            <Table<ExplainedBooking>
              size="small"
              rowKey={(b) => `${b.date}-${b.rule}-${b.record.id}`}
              dataSource={explanation.bookings}
              scroll={{ x: true }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{
                emptyText: (
                  <Empty description={`${year} 年尚无得分记录：稿件被采用、获得批示或完成约稿后在这里逐笔列出`} />
                ),
              }}
              columns={[
                { title: '日期', dataIndex: 'date', width: 110 },
                { title: '季度', dataIndex: 'quarter', width: 70, responsive: ['sm'], render: (q: number) => `Q${q}` },
                { title: '记分依据', dataIndex: 'description' },
                {
                  title: '分值',
                  dataIndex: 'points',
                  align: 'right',
                  width: 70,
                  render: (p: number) => (
                    <Typography.Text type={p < 0 ? 'danger' : undefined}>{p > 0 ? `+${p}` : p}</Typography.Text>
                  ),
                },
                {
                  title: '稿件',
                  key: 'item',
                  render: (_, b) =>
                    b.itemId ? (
                      <Link to={pathOf('itemDetail', { id: b.itemId })}>
                        {b.itemTitle ?? b.item ?? `稿件 ${b.itemId}`}
                      </Link>
                    ) : (
                      (b.item ?? '—')
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function TargetView({ points, target }: { points: number; target: number }) {
  const gap = gapToTarget(points, target);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space size="large" wrap>
        <Statistic title="得分" value={points} suffix="分" />
        <Statistic title="指标" value={target} suffix="分" />
      </Space>
      <Progress percent={gap.percent} status={gap.done ? 'success' : 'active'} aria-label={`完成 ${gap.percent}%`} />
      <Typography.Text strong type={gap.done ? 'success' : 'warning'}>
        {gap.text}
      </Typography.Text>
    </Space>
  );
}
