// Data shaping for the charts, kept apart from the drawing so it can be tested without a browser: series of
// (time, value) points become uPlot's aligned columns, stacked bars become running totals, and the same data
// becomes the rows of the screen readers' table and a one-sentence summary.

/** uPlot's aligned data as plain arrays: x (seconds) first, then a column per series. */
export type Columns = [number[], ...(number | null)[][]];

export type TimeBucket = 'minute' | 'hour' | 'day' | 'week' | 'month';

export interface ChartPoint {
  /** The bucket's start: an ISO instant ("2026-11-30T00:00:00+01:00"), milliseconds since the epoch, or a Date. */
  t: string | number | Date;
  value: number;
}

export interface ChartSeries {
  /** The legend's and the table's name for the series (a tag value when grouped). */
  name: string;
  points: ChartPoint[];
}

/** Milliseconds since the epoch of a point's time; NaN when it is not a time. */
export function timeOf(t: ChartPoint['t']): number {
  if (t instanceof Date) return t.getTime();
  if (typeof t === 'number') return t;
  return Date.parse(t);
}

/** The series on one time axis: x in seconds (uPlot's unit), oldest first, one column per series with null where a
 * series has no point at that time. Points that are not a time or not a finite number are left out; two points of one
 * series at the same time add up (a series is one value per bucket). */
export function align(series: readonly ChartSeries[]): Columns {
  const columns = series.map((s) => {
    const byTime = new Map<number, number>();
    for (const p of s.points) {
      const ms = timeOf(p.t);
      if (!Number.isFinite(ms) || !Number.isFinite(p.value)) continue;
      byTime.set(ms, (byTime.get(ms) ?? 0) + p.value);
    }
    return byTime;
  });
  const times = [...new Set(columns.flatMap((c) => [...c.keys()]))].sort((a, b) => a - b);
  return [times.map((ms) => ms / 1000), ...columns.map((c) => times.map((ms) => c.get(ms) ?? null))];
}

/** Running totals for stacked bars: column i holds the sum of series 0..i (a missing value counts as 0, a time where
 * every series up to i is missing stays null). Drawn from the last column to the first, each bar covers the one below. */
export function stack(data: Columns): Columns {
  const [xs, ...ys] = data;
  const out: (number | null)[][] = [];
  ys.forEach((col, i) => {
    out.push(col.map((v, j) => {
      const below = i === 0 ? null : out[i - 1][j];
      if (v === null) return below;
      return (below ?? 0) + v;
    }));
  });
  return [xs, ...out];
}

/** The y range to show: from 0 (or the lowest value when below 0) to the highest value or the target, with a little
 * head room, so a target line is always inside the chart. */
export function valueRange(data: Columns, target?: number | null, fromZero = true): [number, number] {
  // Bars and areas stand on zero; a line of values far from zero (a body weight of 80 kg) is fitted to its data,
  // or its changes would be a flat line at the top.
  let min = fromZero ? 0 : Infinity;
  let max = fromZero ? 0 : -Infinity;
  for (const col of data.slice(1)) {
    for (const v of col) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (target !== null && target !== undefined && Number.isFinite(target)) {
    min = Math.min(min, target);
    max = Math.max(max, target);
  }
  if (!Number.isFinite(min)) return [0, 1];
  if (max === min) return fromZero ? [min, min + 1] : [min - 1, max + 1];
  const pad = (max - min) * 0.08;
  if (!fromZero) return [min - pad, max + pad];
  return [min < 0 ? min - pad : min, max > 0 ? max + pad : max];
}

/** The x ticks: the buckets' own times, thinned to at most `max` evenly spaced ones. uPlot's automatic ticks may
 * fall between buckets and repeat a label ("Nov. 26" five times on a monthly chart). */
export function bucketTicks(xs: readonly number[], max: number): number[] {
  if (xs.length <= max) return [...xs];
  const step = Math.ceil(xs.length / Math.max(1, max));
  return xs.filter((_, i) => i % step === 0);
}

export interface TableRow { time: number; values: (number | null)[] }

/** The rows of the data table for screen readers: one per time (ms), a value (or null) per series. */
export function tableRows(series: readonly ChartSeries[]): TableRow[] {
  const [xs, ...ys] = align(series);
  return xs.map((x, i) => ({ time: x * 1000, values: ys.map((col) => col[i] ?? null) }));
}

/** Per series: its total, lowest and highest value and the last one, over the points shown (null when none). */
export function seriesStats(series: ChartSeries): { count: number; total: number; min: number; max: number; last: number } | null {
  const values = [...series.points]
    .filter((p) => Number.isFinite(timeOf(p.t)) && Number.isFinite(p.value))
    .sort((a, b) => timeOf(a.t) - timeOf(b.t))
    .map((p) => p.value);
  if (values.length === 0) return null;
  return {
    count: values.length,
    total: values.reduce((a, b) => a + b, 0),
    min: Math.min(...values),
    max: Math.max(...values),
    last: values[values.length - 1],
  };
}

/** Whether there is anything to draw. */
/** A line through one value is no line at all: such a series is drawn as a point instead. */
export function loneValue(column: readonly (number | null | undefined)[]): boolean {
  let seen = 0;
  for (const v of column) if (v != null && Number.isFinite(v) && ++seen > 1) return false;
  return seen === 1;
}

export function hasData(series: readonly ChartSeries[]): boolean {
  return series.some((s) => s.points.some((p) => Number.isFinite(timeOf(p.t)) && Number.isFinite(p.value)));
}

/** Intl options for a time label on the axis, by bucket: "14:00" for minutes and hours, "30 Nov" for days and
 * weeks, "Nov 2026" for months. */
export function axisTimeOptions(bucket: TimeBucket): Intl.DateTimeFormatOptions {
  switch (bucket) {
    case 'minute':
    case 'hour':
      return { hour: '2-digit', minute: '2-digit' };
    case 'day':
    case 'week':
      return { day: 'numeric', month: 'short' };
    case 'month':
      return { month: 'short', year: '2-digit' };
  }
}

/** Intl options for a time in the table and the cursor read-out, by bucket (more precise than the axis). */
export function fullTimeOptions(bucket: TimeBucket): Intl.DateTimeFormatOptions {
  switch (bucket) {
    case 'minute':
    case 'hour':
      return { dateStyle: 'medium', timeStyle: 'short' };
    case 'day':
    case 'week':
      return { dateStyle: 'medium' };
    case 'month':
      return { month: 'long', year: 'numeric' };
  }
}

/** A bar's share of the gap between two buckets, so bars of a month and of a day look alike. */
export const BAR_WIDTH_FACTOR = 0.7;
