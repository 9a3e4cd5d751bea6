// The editor's working copy of a dashboard: widgets with a key of their own (a new widget has no id yet), moved,
// changed and removed locally until the user saves; then the widget list is sent whole, in its order.
import type { Dashboard, WidgetBody } from '../api';
import type { WidgetShape } from '../view/WidgetCard';

export interface DraftWidget extends WidgetShape { key: string }
export interface Draft { name: string; description: string; widgets: DraftWidget[]; version: number }

let counter = 0;
const nextKey = () => `new-${++counter}`;

export function draftOf(d: Dashboard): Draft {
  return {
    name: d.name,
    description: d.description ?? '',
    version: d.version,
    widgets: d.widgets.map((w) => ({ key: w.id, id: w.id, kind: w.kind, title: w.title, width: w.width, target: w.target ?? null,
      query: { metric: w.query.metric, agg: w.query.agg, bucket: w.query.bucket, range: w.query.range, groupBy: w.query.groupBy ?? null, where: [...(w.query.where ?? [])], product: w.query.product ?? null } })),
  };
}

export function newWidget(title: string, metric: string): DraftWidget {
  return { key: nextKey(), id: null, kind: 'line', title, width: 2, target: null, query: { metric, agg: 'sum', bucket: 'day', range: 'last-30-days', groupBy: null, where: [], product: null } };
}

/** Moves the widget at `index` by `by` places (−1 up, +1 down); the list unchanged at either end. */
export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** The PUT body's widgets, in the draft's order (an existing widget keeps its id). */
export function widgetBodies(widgets: readonly DraftWidget[]): WidgetBody[] {
  return widgets.map((w) => ({
    id: w.id ?? null,
    kind: w.kind,
    title: w.title,
    width: w.width,
    target: w.target ?? null,
    query: { metric: w.query.metric, agg: w.query.agg, bucket: w.query.bucket, range: w.query.range, groupBy: w.query.groupBy || null, where: w.query.where?.length ? [...w.query.where] : null, product: w.query.product ?? null },
  }));
}

/** "widgets[2].query.metric" → the index of the widget a server field error is about, or null. */
export function widgetIndexOf(field: string): number | null {
  const m = /^widgets\[(\d+)\]/i.exec(field);
  return m ? Number(m[1]) : null;
}
