/** The chart, fetched with ECharts only when a page first draws one. */
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { ScoreChartProps } from './ScoreChart';

const ScoreChart = lazy(() => import('./ScoreChart'));

export function LazyChart(props: ScoreChartProps) {
  return (
    <Suspense
      fallback={
        <div style={{ height: props.height ?? 280 }}>
          <Skeleton active />
        </div>
      }
    >
      <ScoreChart {...props} />
    </Suspense>
  );
}
