// @vitest-environment jsdom
/** A component test: the scores table marks met and failed units and states each gap, as people read it. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UnitAssessment } from '../../web/src/lib/scores';
import { SeriesScoreTable } from '../../web/src/pages/scores/overview/components/SeriesScoreTable';
import { seriesRows } from '../../web/src/pages/scores/overview/service';

beforeAll(() => {
  // jsdom has no layout: antd's responsive columns ask matchMedia, which it lacks.
  // Nor pseudo-element styles, which antd reads to measure scrollbars.
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
  // Nor does it observe sizes: the table only asks to be told of resizes.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  window.matchMedia ??= ((query: string) => ({
    matches: true,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
});
afterEach(cleanup);

const quarter = (q: number, points: number, target: number | null, streak = 0) => ({
  quarter: q,
  points,
  target,
  met: target === null ? null : points >= target,
  failed_streak: target === null ? null : streak,
});
const unit = (name: string, rank: number, q2: number, streak = 0): UnitAssessment => ({
  unit: name,
  series: 'town',
  rank,
  all_quarters_met: false,
  quarters: [quarter(1, 20, 18), quarter(2, q2, 18, streak), quarter(3, 0, 18), quarter(4, 0, 18)],
  annual: { points: 20 + q2, target: 72, met: false },
});

describe('SeriesScoreTable', () => {
  it('shows each unit’s quarter points against the target, met or failed, and the gap, linking units to their bookings', () => {
    render(
      <MemoryRouter>
        <SeriesScoreTable
          quarter={2}
          rows={seriesRows([unit('石基镇', 1, 13, 4), unit('沙湾镇', 2, 23)], 'town', 2)}
          unitIds={new Map([['沙湾镇', 1]])}
        />
      </MemoryRouter>
    );
    const [header, shawan, shiji] = screen.getAllByRole('row');
    // Ranked by the quarter shown, not by the year (石基镇's annual rank 1 would say otherwise).
    expect(within(header).getByText('季度排名')).toBeTruthy();
    expect(within(shawan).getAllByRole('cell')[0].textContent).toBe('1');
    expect(within(shiji).getAllByRole('cell')[0].textContent).toBe('2');
    expect(within(shawan).getByRole('link', { name: '沙湾镇' }).getAttribute('href')).toBe('/scores/units/1');
    expect(within(shawan).getByText('达标')).toBeTruthy();
    expect(within(shawan).getByText('超出 5 分')).toBeTruthy();
    expect(within(shiji).getByText('未达标')).toBeTruthy();
    expect(within(shiji).getByText('还差 5 分')).toBeTruthy();
    expect(within(shiji).getByText('连续 4 个季度')).toBeTruthy();
    // Without an id a unit is plain text, not a dead link.
    expect(within(shiji).queryByRole('link')).toBeNull();
  });
});
