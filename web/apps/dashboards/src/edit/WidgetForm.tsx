// One widget's settings, changed in place in the editor's draft, with a live preview of what it will show.
import { useEffect, useId, useState } from 'react';
import { Button, Notice, SelectField, TextField, parseDecimal, useAsync } from '@trackstack/ui';
import type { DashboardsApi } from '../api';
import { AGGS, BUCKETS, KINDS } from '../widgets';
import { RANGES } from '../ranges';
import { WidgetCard } from '../view/WidgetCard';
import type { DraftWidget } from './draft';
import { t } from '../strings';

/** The value after it has stopped changing for `ms`: the preview asks Metrics once the user pauses. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function WidgetForm({ api, widget, onChange, onDone, today, errors }: {
  api: DashboardsApi; widget: DraftWidget; onChange: (w: DraftWidget) => void; onDone: () => void; today: string; errors: Record<string, string>;
}) {
  const listId = useId();
  const metrics = useAsync((signal) => api.metrics(signal), [api]);
  const products = useAsync((signal) => api.products(signal).then((p) => p.items, () => []), [api]);
  const metric = widget.query.metric.trim();
  const tags = useAsync((signal) => metric ? api.tags(metric, signal).catch(() => []) : Promise.resolve([]), [api, metric]);
  const [targetText, setTargetText] = useState(widget.target === null || widget.target === undefined ? '' : String(widget.target));
  useEffect(() => setTargetText(widget.target === null || widget.target === undefined ? '' : String(widget.target)), [widget.key]); // eslint-disable-line react-hooks/exhaustive-deps
  const preview = useSettled(widget, 400);
  const set = (patch: Partial<DraftWidget>) => onChange({ ...widget, ...patch });
  const setQuery = (patch: Partial<DraftWidget['query']>) => onChange({ ...widget, query: { ...widget.query, ...patch } });
  const tagKeys = tags.data ?? [];
  // One filter is chosen here; further ones (from an imported file) are kept as they are.
  const where = widget.query.where?.[0] ?? '';
  const targetError = errors.target ?? (targetText.trim() && parseDecimal(targetText) === null ? t.widgetForm.notANumber : undefined)
    ?? (widget.kind === 'progress' && (widget.target === null || widget.target === undefined) ? t.widgetForm.targetNeeded : undefined);
  return (
    <div className="widget-editor" data-editing={widget.key}>
      <div className="widget-form">
        <TextField label={t.widgetForm.title} name="title" value={widget.title} maxLength={100} error={errors.title}
          onChange={(e) => set({ title: e.target.value })} />
        <TextField label={t.widgetForm.metric} name="metric" value={widget.query.metric} list={listId} autoComplete="off" spellCheck={false}
          error={errors.metric} hint={metrics.status === 'error' ? t.widgetForm.couldNotLoadMetrics : t.widgetForm.metricHint}
          onChange={(e) => setQuery({ metric: e.target.value, groupBy: null, where: [] })} />
        <datalist id={listId}>{(metrics.data ?? []).map((m) => <option key={m.metric} value={m.metric} />)}</datalist>
        <div className="two">
          <SelectField label={t.widgetForm.kind} name="kind" value={widget.kind} options={KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
            onChange={(e) => set({ kind: e.target.value })} error={errors.kind} />
          <SelectField label={t.widgetForm.width} name="width" value={String(widget.width)} options={t.widgetForm.widths.map((label, i) => ({ value: String(i + 1), label }))}
            onChange={(e) => set({ width: Number(e.target.value) })} error={errors.width} />
        </div>
        <div className="two">
          <SelectField label={t.widgetForm.agg} name="agg" value={widget.query.agg} options={AGGS.map((a) => ({ value: a, label: t.aggs[a] }))}
            onChange={(e) => setQuery({ agg: e.target.value })} error={errors.agg} />
          <SelectField label={t.widgetForm.bucket} name="bucket" value={widget.query.bucket} options={BUCKETS.map((b) => ({ value: b, label: t.buckets[b] }))}
            onChange={(e) => setQuery({ bucket: e.target.value })} error={errors.bucket} />
        </div>
        <SelectField label={t.widgetForm.range} name="range" value={widget.query.range} options={RANGES.map((r) => ({ value: r, label: t.ranges[r] }))}
          onChange={(e) => setQuery({ range: e.target.value })} error={errors.range} />
        <div className="two">
          <SelectField label={t.widgetForm.groupBy} name="groupBy" value={widget.query.groupBy ?? ''} error={errors.groupBy}
            options={[{ value: '', label: t.widgetForm.noGroup }, ...tagKeys.map((k) => ({ value: k.key, label: k.key }))]}
            onChange={(e) => setQuery({ groupBy: e.target.value || null })} />
          <SelectField label={t.widgetForm.where} name="where" value={where} error={errors.where}
            options={[{ value: '', label: t.widgetForm.noFilter }, ...tagKeys.flatMap((k) => k.values.map((v) => ({ value: `${k.key}:${v}`, label: `${k.key} = ${v}` })))]}
            onChange={(e) => setQuery({ where: [...(e.target.value ? [e.target.value] : []), ...(widget.query.where ?? []).slice(1)] })} />
        </div>
        {products.data && products.data.length > 1 ? (
          <SelectField label={t.widgetForm.product} name="product" value={widget.query.product ?? ''} error={errors.product}
            options={[{ value: '', label: t.widgetForm.allProducts }, ...products.data.map((p) => ({ value: p.id, label: p.name }))]}
            onChange={(e) => setQuery({ product: e.target.value || null })} />
        ) : null}
        <TextField label={t.widgetForm.target} name="target" inputMode="decimal" value={targetText} error={targetError} hint={t.widgetForm.targetHint}
          onChange={(e) => { setTargetText(e.target.value); const n = parseDecimal(e.target.value); set({ target: e.target.value.trim() === '' ? null : n }); }} />
        <div><Button variant="secondary" onClick={onDone}>{t.widgetForm.done}</Button></div>
      </div>
      <section className="widget-preview" aria-label={t.widgetForm.preview}>
        <h3 className="subhead">{t.widgetForm.preview}</h3>
        {preview.query.metric.trim() ? <WidgetCard api={api} widget={{ ...preview, title: preview.title || t.editor.newWidgetTitle }} today={today} version={0} preview />
          : <Notice><p>{t.widgetForm.metricNeeded}</p></Notice>}
      </section>
    </div>
  );
}
