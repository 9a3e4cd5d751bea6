import { describe, expect, it } from 'vitest';
import { changeAgainst, chartSeries, combine, isMoneyMetric, metricsQuery, progress, spansFor, type QuerySeries } from '../src/widgets';

const pt = (day: number, value: number, count = 1) => ({ start: `2026-11-${String(day).padStart(2, '0')}T00:00:00+01:00`, value, count });

describe('the Metrics query of a widget', () => {
  const q = { metric: 'expenses.spent', agg: 'sum', bucket: 'month', range: 'last-12-months', groupBy: 'tank', where: ['category:food'], product: null };

  it('carries the range as local dates, the bucket, the aggregation, the grouping and the filters', () => {
    const span = spansFor(q, 'bar', '2026-12-02').current;
    expect(metricsQuery(q, 'bar', span)).toEqual({ metric: 'expenses.spent', from: '2026-01-01', to: '2026-12-03', bucket: 'month', agg: 'sum', groupBy: 'tank', where: ['category:food'] });
  });

  it('asks a number or a progress widget without grouping, and a number for the period before too', () => {
    const spans = spansFor({ ...q, range: 'this-month' }, 'number', '2026-12-02');
    expect(metricsQuery(q, 'number', spans.current).groupBy).toBeUndefined();
    expect(metricsQuery(q, 'progress', spans.current).groupBy).toBeUndefined();
    expect(spans.previous).toEqual({ from: '2026-11-01', to: '2026-11-03' });
    expect(spansFor(q, 'line', '2026-12-02').previous).toBeNull();
  });

  it('passes a product and leaves out empty filters', () => {
    const m = metricsQuery({ ...q, where: [], groupBy: null, product: 'p1' }, 'line', { from: 'a', to: 'b' });
    expect(m).toEqual({ metric: 'expenses.spent', from: 'a', to: 'b', bucket: 'month', agg: 'sum', product: 'p1' });
  });
});

describe('one figure for the range', () => {
  const series: QuerySeries[] = [
    { group: 'food', points: [pt(1, 10, 2), pt(3, 30, 1)] },
    { group: 'fuel', points: [pt(2, 5, 1), pt(3, 7, 3)] },
  ];

  it('adds up sums and counts across buckets and groups', () => {
    expect(combine(series, 'sum')).toBe(52);
    expect(combine(series, 'count')).toBe(52);
  });

  it('takes the lowest and the highest bucket', () => {
    expect(combine(series, 'min')).toBe(5);
    expect(combine(series, 'max')).toBe(30);
  });

  it('weights averages by the points in each bucket', () => {
    expect(combine(series, 'avg')).toBeCloseTo((10 * 2 + 30 + 5 + 7 * 3) / 7);
  });

  it('takes the latest bucket for last, adding up the groups that have one then', () => {
    expect(combine(series, 'last')).toBe(37);
  });

  it('is null without points', () => {
    expect(combine([{ group: null, points: [] }], 'sum')).toBeNull();
  });
});

describe('the change against the previous period', () => {
  it('gives the difference and its share of the previous figure', () => {
    expect(changeAgainst(120, 100)).toEqual({ delta: 20, fraction: 0.2 });
    expect(changeAgainst(80, -100)).toEqual({ delta: 180, fraction: 1.8 });
  });

  it('has no share when the previous figure is zero, and no change without figures', () => {
    expect(changeAgainst(5, 0)).toEqual({ delta: 5, fraction: null });
    expect(changeAgainst(5, null)).toBeNull();
    expect(changeAgainst(null, 3)).toBeNull();
  });
});

describe('what remains of a target', () => {
  it('is the target less the value, banded like the Expenses tanks', () => {
    expect(progress(1500, 2300)).toMatchObject({ remaining: 800, band: 'green', widthPercent: 34.8 });
    expect(progress(2000, 2300)).toMatchObject({ remaining: 300, band: 'yellow' });
    expect(progress(2250, 2300)).toMatchObject({ remaining: 50, band: 'red' });
    expect(progress(2500, 2300)).toMatchObject({ remaining: -200, band: 'red', widthPercent: 0 });
  });

  it('counts no data as nothing used yet', () => {
    expect(progress(null, 100)).toMatchObject({ value: 0, remaining: 100, band: 'green', widthPercent: 100 });
  });
});

describe('chart series', () => {
  it('names grouped series by their tag value, an ungrouped one by the widget', () => {
    expect(chartSeries([{ group: null, points: [pt(1, 2)] }], 'Spent', '(none)')).toEqual([{ name: 'Spent', points: [{ t: pt(1, 2).start, value: 2 }] }]);
    expect(chartSeries([{ group: 'a', points: [] }, { group: null, points: [] }], 'Spent', '(none)').map((s) => s.name)).toEqual(['a', '(none)']);
  });

  it('formats the expenses series as money, except counts', () => {
    expect(isMoneyMetric('expenses.spent', 'sum')).toBe(true);
    expect(isMoneyMetric('expenses.spent', 'count')).toBe(false);
    expect(isMoneyMetric('heating.kwh', 'sum')).toBe(false);
  });
});
