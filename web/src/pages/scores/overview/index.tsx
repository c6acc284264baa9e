/** 考核得分: every series' units for a quarter or the year, the lists, early warnings and charts. */
import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  Grid,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { failedStreakNoticeFor } from '@domain/assessment-notices';
import { quarterOf, todayInChina, yearOf } from '@domain/dates';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../../components/ExportButton';
import { UnitPicker } from '../../../components/UnitPicker';
import { query } from '../../../http';
import { usePolicy } from '../../../lib/policy';
import { useSeries, useUnits } from '../../../lib/units';
import { useRequest } from '../../../lib/use-request';
import { EarlyWarningCard } from './components/EarlyWarningCard';
import { LazyChart } from './components/LazyChart';
import { ResultLists } from './components/ResultLists';
import { SeriesScoreTable } from './components/SeriesScoreTable';
import {
  daysLeftInQuarter,
  earlyWarnings,
  listQuarter,
  loadRuleTotals,
  loadScores,
  outletChart,
  QUARTER_NAMES,
  quarterChart,
  quarterInProgress,
  seriesRows,
  yearOptions,
} from './service';

export default function ScoresPage() {
  const today = todayInChina();
  const thisYear = yearOf(today);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const quarterParam = params.get('quarter');
  // The current quarter by default: what the office is working on.
  const quarter =
    quarterParam === 'year' ? null : Number(quarterParam) || (year === thisYear ? quarterOf(today) : null);
  const chartUnitId = Number(params.get('unit')) || undefined;
  const update = (changes: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };

  const screens = Grid.useBreakpoint();
  const { policy, data: policies } = usePolicy();
  const { data: seriesList } = useSeries();
  const { data: units } = useUnits();
  // Two aggregate requests for the whole page, however many units and items there are.
  const scores = useRequest((signal) => loadScores(year, quarter, signal), [year, quarter]);
  const rules = useRequest((signal) => loadRuleTotals(year, null, signal), [year]);
  // Early warnings are about today's quarter: this year's figures, fetched apart only when another year is shown.
  const current = useRequest(
    (signal) => (year === thisYear ? Promise.resolve(undefined) : loadScores(thisYear, null, signal)),
    [year === thisYear]
  );
  const currentDocument = year === thisYear ? scores.data : current.data;

  const series = seriesList ?? [];
  const seriesName = (code: string) => series.find((s) => s.code === code)?.name ?? code;
  const unitIds = useMemo(() => new Map((units ?? []).map((u) => [u.name, u.id])), [units]);
  const chartUnit = units?.find((u) => u.id === chartUnitId)?.name;
  const activeSeries = params.get('series') ?? series[0]?.code;
  const firstYear =
    policies && policies.length > 0 ? Math.min(...policies.map((p) => yearOf(p.effectiveFrom))) : thisYear;
  const lists = listQuarter(year, quarter, today);
  const warnings = earlyWarnings(currentDocument, today);
  const docUnits = scores.data?.units ?? [];

  if (scores.error && !scores.data) {
    return (
      <Result
        status="error"
        title="考核得分暂时无法显示"
        subTitle={scores.error.message}
        extra={
          <Button type="primary" onClick={scores.reload}>
            重新加载
          </Button>
        }
      />
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 8]} align="middle" justify="space-between">
        <Col xs={24} md={10}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            考核得分
          </Typography.Title>
          <Typography.Text type="secondary">
            {policy ? `按${policy.title}计分` : '按现行考核办法计分'}
            {year === thisYear ? `，截至 ${today}` : ''}
          </Typography.Text>
        </Col>
        <Col xs={24} md={14}>
          <Form layout="inline" style={{ justifyContent: screens.md ? 'flex-end' : 'flex-start', rowGap: 8 }}>
            <Form.Item label="考核年度" htmlFor="scores-year">
              <Select
                id="scores-year"
                value={year}
                style={{ minWidth: 110 }}
                onChange={(value: number) => update({ year: value, quarter: null })}
                options={yearOptions(firstYear, thisYear).map((y) => ({ value: y, label: `${y} 年` }))}
              />
            </Form.Item>
            <Form.Item label="考核期间" htmlFor="scores-quarter">
              <Select
                id="scores-quarter"
                value={quarter ?? 0}
                style={{ minWidth: 110 }}
                onChange={(value: number) => update({ quarter: value === 0 ? 'year' : value })}
                options={[{ value: 0, label: '全年' }, ...QUARTER_NAMES.map((label, i) => ({ value: i + 1, label }))]}
              />
            </Form.Item>
            <Form.Item style={{ marginInlineEnd: 0 }}>
              <ExportButton
                url={`/api/scores/export${query({ year, quarter })}`}
                filename={`考核得分_${year}年${quarter === null ? '全年' : QUARTER_NAMES[quarter - 1]}`}
              />
            </Form.Item>
          </Form>
        </Col>
      </Row>

      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        {series.length === 0 ? (
          <Skeleton active />
        ) : (
          <Tabs
            activeKey={activeSeries}
            onChange={(key) => update({ series: key })}
            items={series.map((s) => {
              const rows = seriesRows(docUnits, s.code, quarter);
              const failed =
                quarter === null
                  ? rows.filter(({ unit: u }) => !u.annual.met).length
                  : rows.filter(({ unit: u }) => u.quarters[quarter - 1]?.met === false).length;
              return {
                key: s.code,
                label: (
                  <span>
                    {s.name}
                    {rows.length > 0 && failed > 0 && (
                      <Tag color="error" style={{ marginInlineStart: 6 }}>
                        {failed} 未达标
                      </Tag>
                    )}
                  </span>
                ),
                children: !scores.data ? (
                  <Skeleton active paragraph={{ rows: 8 }} />
                ) : rows.length === 0 ? (
                  <Empty description="本序列还没有报送单位；请在“单位与序列”中添加" />
                ) : (
                  <SeriesScoreTable rows={rows} quarter={quarter} unitIds={unitIds} loading={scores.loading} />
                ),
              };
            })}
          />
        )}
      </Card>

      {year === thisYear || current.data || current.loading ? (
        <EarlyWarningCard
          warnings={warnings}
          quarter={quarterOf(today)}
          daysLeft={daysLeftInQuarter(today)}
          seriesName={seriesName}
          unitIds={unitIds}
          loading={year === thisYear ? scores.loading && !scores.data : current.loading}
        />
      ) : null}

      {scores.data && (
        <ResultLists
          units={docUnits}
          quarter={lists}
          series={series}
          unitIds={unitIds}
          inProgress={quarterInProgress(year, lists, today)}
          yearComplete={year < thisYear}
          failedStreakNotice={failedStreakNoticeFor(policies, year)}
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="各季度得分">
            <Form layout="inline" style={{ marginBottom: 8 }}>
              <Form.Item label="单位" htmlFor="scores-chart-unit" style={{ marginInlineEnd: 0 }}>
                <UnitPicker
                  id="scores-chart-unit"
                  value={chartUnitId}
                  placeholder="不选则显示各序列合计"
                  style={{ minWidth: 200 }}
                  onChange={(value) => update({ unit: typeof value === 'number' ? value : null })}
                />
              </Form.Item>
            </Form>
            {scores.data ? (
              <LazyChart
                label={chartUnit ? `${chartUnit}各季度得分` : '各序列各季度得分合计'}
                data={quarterChart(docUnits, series, chartUnit)}
              />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={`按采用载体得分（${quarter === null ? `${year} 年全年` : `${year} 年${QUARTER_NAMES[quarter - 1]}`}）`}
          >
            {!rules.data ? (
              <Skeleton active />
            ) : rules.data.rows.filter((r) => quarter === null || r.quarter === quarter).length === 0 ? (
              <Empty description="这一期间还没有得分记录；稿件被采用后会在这里显示" />
            ) : (
              <LazyChart label="按采用载体得分" data={outletChart(rules.data, policy, series, quarter)} />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
