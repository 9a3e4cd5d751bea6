// One widget: it resolves its relative range to local dates, asks Metrics for the figures (and, for a number, the
// period before), and shows them as a number, a chart, a table or what remains of a target. Each widget loads,
// fails and retries on its own.
import { useMemo } from 'react';
import { ApiError, errorMessage } from '@trackstack/api';
import { AreaChart, BarChart, LineChart, tableRows, fullTimeOptions, type TimeBucket } from '@trackstack/charts';
import { BAND_LABEL, BigNumber, Button, Card, Skeleton, useAsync, useFormat } from '@trackstack/ui';
import type { DashboardsApi } from '../api';
import { changeAgainst, chartSeries, combine, isMoneyMetric, metricsQuery, progress, spansFor, type QuerySeries, type WidgetQueryShape } from '../widgets';
import { t } from '../strings';

export interface WidgetShape {
  id?: string | null;
  kind: string;
  title: string;
  width: number;
  query: WidgetQueryShape;
  target?: number | null;
}

interface Loaded { current: QuerySeries[]; previous: QuerySeries[] | null }

const CHART_HEIGHT = 200;

/** The formatter for a widget's values: money for the expenses series, else the household's number format. */
export function useValueFormat(metric: string, agg: string) {
  const f = useFormat();
  return useMemo(() => isMoneyMetric(metric, agg)
    ? (n: number) => f.money(n)
    : (n: number) => f.number(n, { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 2 }), [f, metric, agg]);
}

/** Axis ticks: whole currency units for money, short figures otherwise ("1.2K" stays a number of the locale). */
function useTickFormat(metric: string, agg: string) {
  const f = useFormat();
  return useMemo(() => isMoneyMetric(metric, agg)
    ? (n: number) => f.money(n, { whole: true })
    : (n: number) => f.number(n, Math.abs(n) >= 10_000 ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }), [f, metric, agg]);
}

export function WidgetCard({ api, widget, today, version, preview = false }: { api: DashboardsApi; widget: WidgetShape; today: string; version: number; preview?: boolean }) {
  const { kind, query } = widget;
  const key = JSON.stringify([kind, query, today]);
  const state = useAsync<Loaded>(async (signal) => {
    const spans = spansFor(query, kind, today);
    const [current, previous] = await Promise.all([
      api.query(metricsQuery(query, kind, spans.current), signal),
      spans.previous ? api.query(metricsQuery(query, kind, spans.previous), signal) : Promise.resolve(null),
    ]);
    return { current: current.series, previous: previous?.series ?? null };
  }, [api, key, version]);
  const range = t.ranges[query.range] ?? query.range;
  const caption = t.widget.rangeCaption(range, t.aggs[query.agg] ?? query.agg);
  const empty = state.status === 'ready' && !state.data!.current.some((s) => s.points.length > 0);
  const status = state.status === 'ready' && empty && kind !== 'number' && kind !== 'progress' ? 'empty' : state.status;
  return (
    <Card title={widget.title} busy={state.status === 'loading'} className={`widget widget-${kind} w-${Math.min(4, Math.max(1, widget.width))}`}
      data-widget-id={widget.id ?? undefined} data-widget-kind={kind} data-state={status} data-preview={preview ? 'true' : undefined}>
      <p className="widget-caption muted">{caption}</p>
      {state.status === 'error' ? (
        <div className="widget-error" role="alert">
          <p>{widgetError(state.error)}</p>
          <Button variant="secondary" className="btn-small" onClick={state.reload}>{t.widget.retry}</Button>
        </div>
      ) : state.status === 'loading' && !state.data ? <WidgetSkeleton kind={kind} />
        : <WidgetBody widget={widget} data={state.data!} />}
    </Card>
  );
}

/** A refused query names what is wrong in its field errors (a metric name, too many buckets): say that. */
function widgetError(error: unknown): string {
  const fields = error instanceof ApiError ? Object.values(error.fieldErrors) : [];
  return fields.length ? fields.join(' ') : errorMessage(error, t.widget.couldNotLoad);
}

function WidgetSkeleton({ kind }: { kind: string }) {
  if (kind === 'number' || kind === 'progress') return <div className="widget-skeleton"><Skeleton width="7ch" height="2.2rem" /><Skeleton width="60%" /></div>;
  return <div className="widget-skeleton"><Skeleton height={`${CHART_HEIGHT}px`} radius="10px" /></div>;
}

function WidgetBody({ widget, data }: { widget: WidgetShape; data: Loaded }) {
  switch (widget.kind) {
    case 'number': return <NumberBody widget={widget} data={data} />;
    case 'progress': return <ProgressBody widget={widget} data={data} />;
    case 'table': return <TableBody widget={widget} data={data} />;
    default: return <ChartBody widget={widget} data={data} />;
  }
}

function NumberBody({ widget, data }: { widget: WidgetShape; data: Loaded }) {
  const f = useFormat();
  const fmt = useValueFormat(widget.query.metric, widget.query.agg);
  const value = combine(data.current, widget.query.agg);
  const before = data.previous ? combine(data.previous, widget.query.agg) : null;
  const change = changeAgainst(value, before);
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${fmt(Math.abs(n))}`;
  const caption = value === null ? t.widget.noData
    : change === null ? t.widget.noPrevious
    : change.fraction === null ? t.widget.changeNoPercent(signed(change.delta))
    : t.widget.change(f.percent(change.fraction, { signed: true }), signed(change.delta));
  return (
    <div data-value={value ?? ''} data-change={change ? String(change.delta) : ''}>
      <BigNumber value={value === null ? '–' : fmt(value)} caption={caption} />
    </div>
  );
}

function ProgressBody({ widget, data }: { widget: WidgetShape; data: Loaded }) {
  const fmt = useValueFormat(widget.query.metric, widget.query.agg);
  const value = combine(data.current, widget.query.agg);
  const target = widget.target ?? 0;
  const p = progress(value, target);
  const over = p.remaining < 0;
  const label = over
    ? t.widget.overLabel(widget.title, fmt(-p.remaining), fmt(target), BAND_LABEL[p.band])
    : t.widget.remainingLabel(widget.title, fmt(p.remaining), fmt(target), BAND_LABEL[p.band]);
  return (
    <div className={`colorbar band-${p.band}`} data-band={p.band} data-value={value ?? 0} data-remaining={p.remaining}>
      <BigNumber value={fmt(Math.abs(p.remaining))} caption={over ? t.widget.over : t.widget.left} band={p.band} />
      <div className="colorbar-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.widthPercent} aria-valuetext={label}>
        <span className="colorbar-fill" style={{ width: `${p.widthPercent}%` }} />
      </div>
      <p className="muted widget-sub">{t.widget.ofTarget(fmt(p.value), fmt(target))}</p>
    </div>
  );
}

function ChartBody({ widget, data }: { widget: WidgetShape; data: Loaded }) {
  const fmt = useValueFormat(widget.query.metric, widget.query.agg);
  const tick = useTickFormat(widget.query.metric, widget.query.agg);
  const series = useMemo(() => chartSeries(data.current, widget.title, t.widget.noTag), [data.current, widget.title]);
  const props = { title: widget.title, series, bucket: widget.query.bucket as TimeBucket, target: widget.target ?? null, height: CHART_HEIGHT, formatValue: fmt, formatTick: tick };
  if (widget.kind === 'bar') return <BarChart {...props} />;
  if (widget.kind === 'area') return <AreaChart {...props} />;
  return <LineChart {...props} />;
}

function TableBody({ widget, data }: { widget: WidgetShape; data: Loaded }) {
  const f = useFormat();
  const fmt = useValueFormat(widget.query.metric, widget.query.agg);
  const series = useMemo(() => chartSeries(data.current, t.widget.value, t.widget.noTag), [data.current]);
  const rows = useMemo(() => tableRows(series).reverse(), [series]);
  const time = useMemo(() => {
    try {
      return new Intl.DateTimeFormat(f.ctx.locale, { ...fullTimeOptions(widget.query.bucket as TimeBucket), timeZone: f.ctx.timeZone });
    } catch {
      return new Intl.DateTimeFormat('en-GB', fullTimeOptions(widget.query.bucket as TimeBucket));
    }
  }, [f.ctx.locale, f.ctx.timeZone, widget.query.bucket]);
  if (rows.length === 0) return <p className="muted widget-empty">{t.widget.noData}</p>;
  return (
    <div className="table-wrap widget-table">
      <table className="table">
        <thead><tr><th scope="col">{t.widget.time}</th>{series.map((s, i) => <th key={s.name + i} scope="col" className="num">{s.name}</th>)}</tr></thead>
        <tbody>
          {rows.map((r) => <tr key={r.time}><th scope="row">{time.format(new Date(r.time))}</th>{r.values.map((v, i) => <td key={i} className="num">{v === null ? '–' : fmt(v)}</td>)}</tr>)}
        </tbody>
      </table>
    </div>
  );
}
