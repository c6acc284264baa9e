/** 预警: units at risk of missing this quarter's target while it can still be met. */
import { Alert, Card, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { pathOf } from '../../../../access';
import { QUARTER_NAMES } from '../service';
import type { EarlyWarning } from '../types';

export interface EarlyWarningCardProps {
  warnings: EarlyWarning[];
  /** Today's quarter, for the heading. */
  quarter: number;
  daysLeft: number;
  seriesName(code: string): string;
  unitIds: ReadonlyMap<string, number>;
  loading?: boolean;
}

export function EarlyWarningCard({ warnings, quarter, daysLeft, seriesName, unitIds, loading }: EarlyWarningCardProps) {
  return (
    <Card size="small" title={`预警 · ${QUARTER_NAMES[quarter - 1]}`}>
      {!loading && warnings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本季度有季度指标的单位均已达到指标，暂无预警" />
      ) : (
        <>
          {!loading && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${warnings.length} 个单位可能完不成本季度指标，本季度还剩 ${daysLeft} 天（含今天）`}
              description="季度结束前仍可补足：请提醒这些单位及时报送信息、按时完成约稿。直报点序列按年度考核，不在此列。"
            />
          )}
          <Table
            rowKey="unit"
            size="small"
            loading={loading}
            dataSource={warnings}
            scroll={{ x: 'max-content' }}
            pagination={
              warnings.length > 5
                ? { pageSize: 5, size: 'small', showSizeChanger: false, showTotal: (total) => `共 ${total} 个单位` }
                : false
            }
            columns={[
              {
                title: '单位',
                dataIndex: 'unit',
                render: (unit: string) => {
                  const id = unitIds.get(unit);
                  return id ? <Link to={pathOf('unitScore', { id })}>{unit}</Link> : unit;
                },
              },
              { title: '序列', dataIndex: 'series', responsive: ['sm'], render: (code: string) => seriesName(code) },
              { title: '已得分', dataIndex: 'points', align: 'right' },
              { title: '季度指标', dataIndex: 'target', align: 'right' },
              {
                title: '还需',
                dataIndex: 'needed',
                align: 'right',
                render: (needed: number) => <Typography.Text type="danger">{`还差 ${needed} 分`}</Typography.Text>,
              },
              {
                title: '剩余天数',
                dataIndex: 'daysLeft',
                align: 'right',
                responsive: ['md'],
                render: (days: number) => <Tag color={days <= 15 ? 'red' : 'orange'}>{`${days} 天`}</Tag>,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
