/** The three lists of a quarter's results: 通报表扬候选, 季度通报批评, 连续四个季度未完成 (建议更换信息员). */
import { Card, Col, Empty, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { pathOf } from '../../../../access';
import { commendCandidates, criticised, QUARTER_NAMES, replaceOfficer } from '../service';
import type { UnitAssessment } from '../types';

export interface ResultListsProps {
  units: UnitAssessment[];
  quarter: number;
  /** Series codes in the office's order, with their names. */
  series: { code: string; name: string }[];
  /** The quarter is still running: the lists are as of today. */
  inProgress?: boolean;
  /** Commendation needs the whole year: before it is over the list waits. */
  yearComplete: boolean;
  unitIds?: ReadonlyMap<string, number>;
  /** The failed run of quarters that brings the notice, from the policy assessing the year (four). */
  failedStreakNotice?: number;
}

export function ResultLists({
  units,
  quarter,
  series,
  inProgress,
  yearComplete,
  unitIds,
  failedStreakNotice,
}: ResultListsProps) {
  const order = series.map((s) => s.code);
  const seriesName = (code: string) => series.find((s) => s.code === code)?.name ?? code;
  const unitColumn = {
    title: '单位',
    dataIndex: 'unit',
    key: 'unit',
    render: (unit: string, row: UnitAssessment) => {
      const id = unitIds?.get(unit);
      return (
        <>
          {id ? <Link to={pathOf('unitScore', { id })}>{unit}</Link> : unit}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {seriesName(row.series)}
          </Typography.Text>
        </>
      );
    },
  };
  const table = (rows: UnitAssessment[], columns: TableColumnsType<UnitAssessment>, empty: string): ReactNode =>
    rows.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
    ) : (
      <Table
        rowKey="unit"
        size="small"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      />
    );
  const note = inProgress ? '（季度进行中，为截至今日的情况）' : '';

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card
          size="small"
          title="通报表扬候选"
          extra={<Typography.Text type="secondary">全年四季度全部达标</Typography.Text>}
        >
          {!yearComplete ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="全年四个季度结束后确定，按排名列出；请在第四季度结果中查看"
            />
          ) : (
            table(
              commendCandidates(units, order),
              [
                { title: '年度排名', dataIndex: 'rank', key: 'rank', width: 80, align: 'center' },
                unitColumn,
                { title: '全年得分', key: 'annual', align: 'right', render: (_, u) => u.annual.points },
              ],
              '没有全年四个季度全部达标的单位'
            )
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          size="small"
          title="季度通报批评"
          extra={<Typography.Text type="secondary">{QUARTER_NAMES[quarter - 1]}</Typography.Text>}
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            未完成季度指标的单位{note}
          </Typography.Paragraph>
          {table(
            criticised(units, quarter, order),
            [
              unitColumn,
              {
                title: '得分/指标',
                key: 'points',
                align: 'right',
                render: (_, u) => (
                  <Typography.Text type="danger">
                    {u.quarters[quarter - 1].points} / {u.quarters[quarter - 1].target}
                  </Typography.Text>
                ),
              },
            ],
            '本季度所有单位均已完成指标'
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          size="small"
          title="连续四个季度未完成"
          extra={<Typography.Text type="secondary">建议更换信息员</Typography.Text>}
        >
          {table(
            replaceOfficer(units, quarter, order, failedStreakNotice),
            [
              unitColumn,
              {
                title: '连续未完成',
                key: 'streak',
                render: (_, u) => <Tag color="red">{`${u.quarters[quarter - 1].failed_streak} 个季度`}</Tag>,
              },
            ],
            '没有连续四个季度未完成指标的单位'
          )}
        </Card>
      </Col>
    </Row>
  );
}
