// What a widget asks Metrics for and how its answer becomes a figure, a chart's series or a table: kept apart from
// the components so the rules can be tested without a browser.
import { bandFor, barWidth, type Band } from '@trackstack/ui';
import type { ChartSeries } from '@trackstack/charts';
import { previousRange, resolveRange, type DateSpan, type RangeKey } from './ranges';

export const KINDS = ['number', 'line', 'area', 'bar', 'table', 'progress'] as const;
export const AGGS = ['sum', 'avg', 'count', 'min', 'max', 'last'] as const;
export const BUCKETS = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type WidgetKind = (typeof KINDS)[number];
export type Agg = (typeof AGGS)[number];
export type Bucket = (typeof BUCKETS)[number];

/** The query part of a widget, as the Dashboards API stores it. */
export interface WidgetQueryShape {
  metric: string;
  agg: string;
  bucket: string;
  range: string;
  groupBy?: string | null;
  where?: readonly string[] | null;
  product?: string | null;
}

/** The query string of one Metrics query. */
export interface MetricsQuery {
  metric: string;
  from: string;
  to: string;
  bucket: string;
  agg: string;
  groupBy?: string;
  where?: string[];
  product?: string;
}

export interface QueryPoint { start: string; value: number; count: number }
export interface QuerySeries { group: string | null; points: QueryPoint[] }

/** The Metrics query for a widget's range (or the period before, for a number's change). A number or progress widget
 * adds its groups up, so it asks without groupBy. */
export function metricsQuery(q: WidgetQueryShape, kind: string, span: DateSpan): MetricsQuery {
  const grouped = kind !== 'number' && kind !== 'progress' && q.groupBy ? q.groupBy : undefined;
  return {
    metric: q.metric,
    from: span.from,
    to: span.to,
    bucket: q.bucket,
    agg: q.agg,
    ...(grouped ? { groupBy: grouped } : {}),
    ...(q.where && q.where.length ? { where: [...q.where] } : {}),
    ...(q.product ? { product: q.product } : {}),
  };
}

export function isRange(range: string): range is RangeKey {
  return (['today', 'last-7-days', 'last-30-days', 'last-90-days', 'last-12-months', 'this-week', 'this-month', 'last-month', 'this-year', 'this-season'] as string[]).includes(range);
}

/** The widget's span and, for a number, the one it compares with. */
export function spansFor(q: WidgetQueryShape, kind: string, today: string): { current: DateSpan; previous: DateSpan | null } {
  const range: RangeKey = isRange(q.range) ? q.range : 'last-30-days';
  return { current: resolveRange(range, today), previous: kind === 'number' ? previousRange(range, today) : null };
}

/** One figure for the whole range from its buckets: sums and counts add up, min and max over all, an average
 * weighted by each bucket's count of points, last the latest bucket's. Null when there is no point. */
export function combine(series: readonly QuerySeries[], agg: string): number | null {
  const points = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.value));
  if (points.length === 0) return null;
  switch (agg) {
    case 'min': return Math.min(...points.map((p) => p.value));
    case 'max': return Math.max(...points.map((p) => p.value));
    case 'avg': {
      const n = points.reduce((a, p) => a + p.count, 0);
      return n > 0 ? points.reduce((a, p) => a + p.value * p.count, 0) / n : null;
    }
    case 'last': {
      const latest = Math.max(...points.map((p) => Date.parse(p.start)));
      // Several groups may have a bucket at the latest time: their last values add up (one per series).
      return points.filter((p) => Date.parse(p.start) === latest).reduce((a, p) => a + p.value, 0);
    }
    default: return points.reduce((a, p) => a + p.value, 0);
  }
}

export interface Change { delta: number; fraction: number | null }

/** The change against the previous period: the difference, and as a share of the previous figure (null when that
 * is zero or there was none). Null when there is no current figure. */
export function changeAgainst(current: number | null, previous: number | null): Change | null {
  if (current === null) return null;
  if (previous === null) return null;
  return { delta: current - previous, fraction: previous === 0 ? null : (current - previous) / Math.abs(previous) };
}

export interface Progress { value: number; target: number; remaining: number; band: Band; widthPercent: number }

/** "What remains": target − value, coloured as the Expenses tanks are (green above 20 % of the target left, yellow
 * from 5 %, red below or over), the bar as wide as the share left. */
export function progress(value: number | null, target: number): Progress {
  const v = value ?? 0;
  const remaining = target - v;
  return { value: v, target, remaining, band: bandFor(remaining, target), widthPercent: barWidth(remaining, target) };
}

/** A chart's series: one per group (named by its tag value, "–" for points without the tag), else one named `name`. */
export function chartSeries(series: readonly QuerySeries[], name: string, noTag: string): ChartSeries[] {
  return series.map((s) => ({
    name: s.group === null ? (series.length > 1 ? noTag : name) : s.group,
    points: s.points.map((p) => ({ t: p.start, value: p.value })),
  }));
}

/** Money metrics: the built-in expenses series carry amounts in the household currency's major unit. */
export function isMoneyMetric(metric: string, agg: string): boolean {
  return metric.startsWith('expenses.') && agg !== 'count';
}
