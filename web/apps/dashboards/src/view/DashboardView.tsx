// The dashboard tab: pick a dashboard, see its widgets in a grid (four columns on a desktop, one on a phone).
import { errorMessage } from '@trackstack/api';
import { Button, Card, Notice, SelectField, Skeleton, useAsync, useFormat } from '@trackstack/ui';
import type { DashboardSummary, DashboardsApi } from '../api';
import { WidgetCard } from './WidgetCard';
import { t } from '../strings';

export function DashboardPicker({ list, selected, onSelect, name = 'dashboard' }: { list: DashboardSummary[]; selected: string | null; onSelect: (id: string) => void; name?: string }) {
  return (
    <SelectField label={t.view.dashboard} name={name} value={selected ?? ''} onChange={(e) => onSelect(e.target.value)}
      options={list.map((d) => ({ value: d.id, label: d.name }))} />
  );
}

export function DashboardView({ api, list, selected, onSelect, today, version }: {
  api: DashboardsApi; list: DashboardSummary[]; selected: string | null; onSelect: (id: string) => void; today: string; version: number;
}) {
  const f = useFormat();
  const dashboard = useAsync((signal) => selected ? api.get(selected, signal) : Promise.resolve(null), [api, selected, version]);
  if (list.length === 0) {
    return (
      <Notice>
        <p>{t.view.noDashboards}</p>
        <p><a href="#edit">{t.view.createOne}</a></p>
      </Notice>
    );
  }
  const d = dashboard.data;
  return (
    <div className="dash-view" data-panel="dashboard" data-state={dashboard.status} data-dashboard-id={d?.id ?? undefined} data-version={d?.version ?? undefined}>
      <div className="dash-head">
        {list.length > 1 ? <DashboardPicker list={list} selected={selected} onSelect={onSelect} /> : <h2>{list[0].name}</h2>}
        {d ? <p className="muted dash-meta">{d.description ? `${d.description} · ` : ''}{t.view.updated(f.date(d.updatedAt))}</p> : null}
      </div>
      {dashboard.status === 'error' ? (
        <Notice kind="error">
          <p>{errorMessage(dashboard.error, t.view.couldNotLoad)}</p>
          <Button variant="secondary" onClick={dashboard.reload}>{t.view.retry}</Button>
        </Notice>
      ) : !d ? <DashboardGridSkeleton /> : d.widgets.length === 0 ? (
        <Notice><p>{t.view.noWidgets}</p><p><a href="#edit">{t.view.addWidgets}</a></p></Notice>
      ) : (
        <div className="dash-grid wide">
          {d.widgets.map((w) => <WidgetCard key={w.id} api={api} widget={w} today={today} version={version} />)}
        </div>
      )}
    </div>
  );
}

/** Four boxes where the widgets will be: the page's static HTML and the first paint. */
export function DashboardGridSkeleton() {
  return (
    <div className="dash-grid wide" aria-hidden="true">
      {[2, 1, 1, 4].map((w, i) => (
        <Card key={i} title={<Skeleton width="10ch" />} busy className={`widget w-${w}`}>
          <Skeleton height={i === 3 ? '200px' : '3rem'} radius="10px" />
        </Card>
      ))}
    </div>
  );
}
