/** One series' units in rank order: points, target, met or failed, the gap to target (考核得分, 季度通报). */
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { pathOf } from '../../../../access';
import { scoreColumnTitles } from '@shared/tables/score-columns';
import { gapLabel, periodFigure, QUARTER_NAMES, type RankedUnit } from '../service';
import type { PeriodFigure, UnitAssessment } from '../types';
import styles from './score-rows.module.css';

export interface SeriesScoreTableProps {
  /** The series' units in rank order by the period shown (seriesRows). */
  rows: RankedUnit[];
  /** The quarter shown, or null for the whole year. */
  quarter: number | null;
  /** Unit ids by name, to link each unit to its bookings; without it units are plain text. */
  unitIds?: ReadonlyMap<string, number>;
  /** Annual points alongside a quarter's (the published table shows both). */
  withAnnual?: boolean;
  loading?: boolean;
}

export function MetTag({ figure }: { figure: PeriodFigure }) {
  if (figure.met === null) return <Tag>按年度考核</Tag>;
  return figure.met ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>;
}

export function SeriesScoreTable({ rows, quarter, unitIds, withAnnual = true, loading }: SeriesScoreTableProps) {
  const ranks = new Map(rows.map((r) => [r.unit, r.rank]));
  const titles = scoreColumnTitles(quarter);
  const columns: TableColumnsType<UnitAssessment> = [
    {
      title: (
        <Tooltip title={`按${quarter === null ? '全年' : '本季度'}得分在本序列中排名，同分同名次`}>
          {titles.rank}
        </Tooltip>
      ),
      key: 'rank',
      width: 88,
      align: 'center',
      render: (_, unit) => ranks.get(unit),
    },
    {
      title: titles.unit,
      dataIndex: 'unit',
      render: (name: string) => {
        const id = unitIds?.get(name);
        return id ? <Link to={pathOf('unitScore', { id })}>{name}</Link> : name;
      },
    },
    {
      title: titles.points,
      key: 'points',
      align: 'right',
      sorter: (a, b) => periodFigure(a, quarter).points - periodFigure(b, quarter).points,
      render: (_, unit) => <Typography.Text strong>{periodFigure(unit, quarter).points}</Typography.Text>,
    },
    {
      title: titles.target,
      key: 'target',
      align: 'right',
      render: (_, unit) => periodFigure(unit, quarter).target ?? '—',
    },
    { title: titles.met, key: 'met', render: (_, unit) => <MetTag figure={periodFigure(unit, quarter)} /> },
    {
      title: titles.gap,
      key: 'gap',
      render: (_, unit) => {
        const figure = periodFigure(unit, quarter);
        return (
          <Typography.Text type={figure.met === false ? 'danger' : figure.met ? 'success' : 'secondary'}>
            {gapLabel(figure)}
          </Typography.Text>
        );
      },
    },
  ];
  if (quarter !== null) {
    columns.push({
      title: titles.streak,
      key: 'streak',
      responsive: ['sm'],
      render: (_, unit) => {
        const streak = unit.quarters[quarter - 1]?.failed_streak ?? 0;
        if (streak < 2) return '—';
        return <Tag color={streak >= 4 ? 'red' : 'orange'}>{`连续 ${streak} 个季度`}</Tag>;
      },
    });
    if (withAnnual)
      columns.push({
        title: titles.annual,
        key: 'annual',
        align: 'right',
        responsive: ['sm'],
        render: (_, unit) => `${unit.annual.points} / ${unit.annual.target}`,
      });
  } else {
    for (const q of [1, 2, 3, 4]) {
      columns.push({
        title: QUARTER_NAMES[q - 1],
        key: `q${q}`,
        align: 'right',
        responsive: ['md'],
        render: (_, unit) => {
          const figure = periodFigure(unit, q);
          return <Typography.Text type={figure.met === false ? 'danger' : undefined}>{figure.points}</Typography.Text>;
        },
      });
    }
  }
  return (
    <Table
      rowKey="unit"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows.map((r) => r.unit)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(unit) => {
        const met = periodFigure(unit, quarter).met;
        return met === true ? styles.met : met === false ? styles.failed : '';
      }}
      locale={{ emptyText: '本序列没有报送单位' }}
    />
  );
}
