// One time-series chart on uPlot (canvas): lines, filled areas or bars stacked by series, as wide as its container,
// coloured by the theme's CSS variables, with an optional dashed target line. uPlot is loaded when the first chart
// mounts (never during the static render), and every chart carries its data as a visually hidden table and a
// one-sentence summary, since a canvas says nothing to a screen reader.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { AlignedData, Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { useFormat } from '@trackstack/ui';
import { align, axisTimeOptions, BAR_WIDTH_FACTOR, bucketTicks, fullTimeOptions, hasData, loneValue, seriesStats, stack, tableRows, valueRange, type ChartSeries, type Columns, type TimeBucket } from './shape';
import { readTheme, useThemeVersion, type ChartTheme } from './theme';
import { t } from './strings';

export type ChartKind = 'line' | 'area' | 'bar';

export interface TimeChartProps {
  /** The chart's accessible name (and the data table's caption). */
  title: string;
  series: ChartSeries[];
  /** The bucket of the points: axis labels, the table's times and the bars' width follow it. */
  bucket?: TimeBucket;
  /** A dashed horizontal line at this value (a daily goal, a budget). */
  target?: number | null;
  /** Canvas height in CSS pixels (the width follows the container). */
  height?: number;
  /** Formats a value (axis, table, read-out); the household's number format by default. */
  formatValue?: (value: number) => string;
  /** Formats the value axis' ticks (shorter than the values: whole currency units, say); `formatValue` by default. */
  formatTick?: (value: number) => string;
  /** Whether to show the legend; by default when there is more than one series or a target. */
  legend?: boolean;
  className?: string;
}

let loading: Promise<typeof uPlot> | null = null;
function loadUPlot(): Promise<typeof uPlot> {
  // A failed load (offline before the chunk arrived, no matchMedia in a test DOM) is tried again by the next chart.
  return (loading ??= import('uplot').then((m) => m.default, (error) => { loading = null; throw error; }));
}

/** A bucket's length in seconds (a month as its average), for the bars' margins. */
const BUCKET_SECONDS: Record<TimeBucket, number> = { minute: 60, hour: 3600, day: 86_400, week: 7 * 86_400, month: 30.44 * 86_400 };

let measure: CanvasRenderingContext2D | null | undefined;
/** The width of a label in CSS pixels (a rough estimate where there is no canvas). */
function textWidth(text: string, font: string): number {
  if (measure === undefined) measure = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * 6.5;
  measure.font = font;
  return measure.measureText(text).width;
}

function alpha(color: string, share: number): string {
  return `color-mix(in srgb, ${color} ${Math.round(share * 100)}%, transparent)`;
}

/** uPlot options for the kind; `plotted` says which input series each drawn series is (bars draw the stack top first). */
function buildOptions(U: typeof uPlot, kind: ChartKind, names: string[], theme: ChartTheme, p: {
  width: number; height: number; bucket: TimeBucket; target: number | null; range: [number, number]; xSpan: [number, number];
  timeZone: string; axisTime: Intl.DateTimeFormat; tick: (n: number) => string; onCursor: (idx: number | null) => void;
}): { options: Options; plotted: number[] } {
  const order = kind === 'bar' ? names.map((_, i) => names.length - 1 - i) : names.map((_, i) => i);
  const bars = kind === 'bar' ? U.paths.bars!({ size: [BAR_WIDTH_FACTOR, 64], align: 0 }) : undefined;
  const axisFont = `11px ${theme.font}`;
  const options: Options = {
    width: p.width,
    height: p.height,
    tzDate: (ts) => U.tzDate(new Date(ts * 1000), p.timeZone),
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: kind !== 'bar' } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    // From the data's own first and last time (uPlot widens a single time to days): bars are centred on their
    // bucket's start, so half a bucket more on each side keeps the first and last whole; one point gets one bucket.
    scales: { x: { time: true, range: () => {
      const pad = kind === 'bar' || p.xSpan[0] === p.xSpan[1] ? BUCKET_SECONDS[p.bucket] / 2 : 0;
      return [p.xSpan[0] - pad, p.xSpan[1] + pad] as [number, number];
    } }, y: { range: () => p.range } },
    axes: [
      { stroke: theme.axis, font: axisFont, grid: { show: false }, ticks: { stroke: theme.grid },
        splits: (u) => bucketTicks(u.data[0] as number[], Math.max(2, Math.floor(p.width / 80))),
        values: (_u, splits) => splits.map((s) => p.axisTime.format(new Date(s * 1000))) },
      { stroke: theme.axis, font: axisFont, grid: { stroke: theme.grid, width: 1 }, ticks: { show: false },
        // As wide as the longest label ("CHF 1'200"), so money and large figures are never cut off.
        size: (_u, values) => Math.ceil(Math.max(24, ...(values ?? []).map((v) => textWidth(String(v), axisFont)))) + 14,
        values: (_u, splits) => splits.map((s) => p.tick(s)) },
    ],
    series: [
      {},
      ...order.map((i) => {
        const color = theme.series[i % theme.series.length];
        return {
          label: names[i],
          stroke: color,
          width: kind === 'bar' ? 0 : 2,
          fill: kind === 'area' ? alpha(color, 0.25) : kind === 'bar' ? color : undefined,
          paths: bars,
          points: { show: kind === 'bar' ? false : (u: uPlot, si: number) => loneValue(u.data[si] as (number | null)[]), size: 8 },
          spanGaps: kind !== 'bar',
        };
      }),
    ],
    hooks: {
      setCursor: [(u) => p.onCursor(u.cursor.idx ?? null)],
      draw: p.target === null ? [] : [(u) => {
        const y = Math.round(u.valToPos(p.target!, 'y', true)) + 0.5;
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = theme.target;
        ctx.lineWidth = 2 * (typeof devicePixelRatio === 'number' ? devicePixelRatio : 1);
        ctx.setLineDash([6 * (devicePixelRatio || 1), 4 * (devicePixelRatio || 1)]);
        ctx.beginPath();
        ctx.moveTo(u.bbox.left, y);
        ctx.lineTo(u.bbox.left + u.bbox.width, y);
        ctx.stroke();
        ctx.restore();
      }],
    },
  };
  return { options, plotted: order };
}

export function TimeChart({ kind, title, series, bucket = 'day', target = null, height = 200, formatValue, formatTick, legend, className }: TimeChartProps & { kind: ChartKind }) {
  const f = useFormat();
  const id = useId();
  const plotRef = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const themeVersion = useThemeVersion();
  const fmt = useMemo(() => formatValue ?? ((n: number) => f.number(n, { maximumFractionDigits: 2 })), [formatValue, f]);
  // The axis reads the latest formatter: a caller's inline arrow must not rebuild the plot on every render.
  const tickRef = useRef(formatTick ?? fmt);
  tickRef.current = formatTick ?? fmt;
  const names = useMemo(() => series.map((s) => s.name), [series]);
  const aligned = useMemo(() => align(series), [series]);
  const drawn = useMemo<Columns>(() => {
    if (kind !== 'bar') return aligned;
    const stacked = stack(aligned);
    return [stacked[0], ...stacked.slice(1).reverse()];
  }, [aligned, kind]);
  const range = useMemo(() => valueRange(kind === 'bar' ? stack(aligned) : aligned, target, kind !== 'line'), [aligned, kind, target]);
  const timeZone = f.ctx.timeZone || 'UTC';
  const axisTime = useMemo(() => safeDateFormat(f.ctx.locale, { ...axisTimeOptions(bucket), timeZone }), [f.ctx.locale, bucket, timeZone]);
  const fullTime = useMemo(() => safeDateFormat(f.ctx.locale, { ...fullTimeOptions(bucket), timeZone }), [f.ctx.locale, bucket, timeZone]);
  const empty = !hasData(series);

  useEffect(() => {
    const el = plotRef.current;
    if (!el || empty) return;
    let plot: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    loadUPlot().then((U) => {
      if (cancelled) return;
      const width = Math.max(120, Math.floor(el.clientWidth || 320));
      const { options } = buildOptions(U, kind, names, readTheme(el), { width, height, bucket, target, range, xSpan: [drawn[0][0], drawn[0][drawn[0].length - 1]], timeZone, axisTime, tick: (n) => tickRef.current(n), onCursor: setCursor });
      try {
        plot = new U(options, drawn as AlignedData, el);
      } catch {
        // No canvas here (an old browser, a test DOM): the summary and the table still carry the data.
        return;
      }
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(() => {
          const w = Math.max(120, Math.floor(el.clientWidth));
          if (plot && w !== plot.width) plot.setSize({ width: w, height });
        });
        observer.observe(el);
      }
    }, () => { /* no chart drawn: the summary and the table still carry the data */ });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [drawn, names, kind, height, bucket, target, range, timeZone, axisTime, f.ctx.locale, empty, themeVersion]);

  const rows = useMemo(() => tableRows(series), [series]);
  const summary = useMemo(() => {
    const parts = series.map((s) => {
      const st = seriesStats(s);
      return st ? t.seriesSummary(s.name, f.number(st.count), fmt(st.total), fmt(st.min), fmt(st.max), fmt(st.last)) : null;
    }).filter(Boolean);
    if (target !== null) parts.push(t.targetSummary(fmt(target)));
    return parts.length ? parts.join(' ') : t.noData;
  }, [series, target, fmt, f]);
  const readout = cursor !== null && aligned[0][cursor] !== undefined
    ? t.readout(fullTime.format(new Date(aligned[0][cursor]! * 1000)),
      series.map((s, i) => {
        const v = aligned[i + 1][cursor];
        return `${series.length > 1 ? `${s.name} ` : ''}${v === null || v === undefined ? '–' : fmt(v)}`;
      }).join(', '))
    : '';
  const showLegend = legend ?? (series.length > 1 || target !== null);

  return (
    <figure className={['ts-chart', className ?? ''].join(' ').trim()} data-chart={kind} data-points={rows.length} role="group" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <figcaption id={`${id}-t`} className="visually-hidden">{title}</figcaption>
      <p id={`${id}-d`} className="visually-hidden">{summary}</p>
      {empty
        ? <div className="ts-chart-empty" data-empty style={{ height }}>{t.noData}</div>
        : <div ref={plotRef} className="ts-chart-plot" aria-hidden="true" style={{ minHeight: height }} />}
      {!empty ? <p className="ts-chart-readout" aria-hidden="true">{readout}</p> : null}
      {showLegend && !empty ? (
        <ul className="ts-chart-legend" aria-hidden="true">
          {series.map((s, i) => <li key={s.name + i}><span className={`ts-chart-swatch ts-chart-swatch-${(i % 8) + 1}`} />{s.name}</li>)}
          {target !== null ? <li><span className="ts-chart-swatch ts-chart-swatch-target" />{t.target} {fmt(target)}</li> : null}
        </ul>
      ) : null}
      {!empty ? (
        <table className="visually-hidden">
          <caption>{t.dataTable(title)}</caption>
          <thead><tr><th scope="col">{t.time}</th>{series.map((s, i) => <th key={s.name + i} scope="col">{s.name}</th>)}</tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.time}><th scope="row">{fullTime.format(new Date(r.time))}</th>{r.values.map((v, i) => <td key={i}>{v === null ? '–' : fmt(v)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}

function safeDateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    const { timeZone: _tz, ...rest } = options;
    return new Intl.DateTimeFormat('en-GB', rest);
  }
}

/** A line per series. */
export function LineChart(props: TimeChartProps) {
  return <TimeChart kind="line" {...props} />;
}

/** A line per series with the area below it filled. */
export function AreaChart(props: TimeChartProps) {
  return <TimeChart kind="area" {...props} />;
}

/** Bars per bucket, the series stacked on each other (a bar per series' share, the total on top). */
export function BarChart(props: TimeChartProps) {
  return <TimeChart kind="bar" {...props} />;
}
