import type { ModuleContext } from '@trackstack/api';
import { Card, FormatProvider, HomeCardProblem, Skeleton, useAsync, useFormat, useModuleApi } from '@trackstack/ui';
import type { DashboardSummary } from './api';
import { dashboardsSummary } from './summary';
import { t } from './strings';

/** Home "at a glance": how many dashboards, and the first one to open. */
export function DashboardsHomeCard({ context }: { context: ModuleContext | null }) {
  if (!context) return <Card title={t.homeCard.title} busy data-module="dashboards" data-state="loading"><DashboardsStats list={null} /></Card>;
  return (
    <FormatProvider value={context.household}>
      <Inner context={context} />
    </FormatProvider>
  );
}

export function DashboardsStats({ list }: { list: DashboardSummary[] | null }) {
  const f = useFormat();
  const first = list?.[0] ?? null;
  return (
    <div className="stats">
      <div className="stat">
        <span className="stat-value">{list === null ? <Skeleton width="3ch" height="0.9em" /> : f.number(list.length)}</span>
        <span className="stat-label">{list === null ? <Skeleton width="60%" /> : t.homeCard.count(list.length)}</span>
      </div>
      <div className="stat wide">
        <span className="stat-value" data-first-dashboard>{list === null ? <Skeleton width="8ch" height="0.9em" /> : first ? <a href={`/dashboards?dashboard=${encodeURIComponent(first.id)}`}>{first.name}</a> : '–'}</span>
        <span className="stat-label">{list === null ? <Skeleton width="70%" /> : first ? t.widgets(first.widgetCount, f.number(first.widgetCount)) : t.homeCard.none}</span>
      </div>
    </div>
  );
}

function Inner({ context }: { context: ModuleContext }) {
  const load = useModuleApi(context, dashboardsSummary);
  const state = useAsync((signal) => load(signal), [load]);
  const open = <a href="/dashboards" aria-label={t.homeCard.openDashboards}>{t.homeCard.open}</a>;
  if (state.status === 'error') {
    return <HomeCardProblem module="dashboards" title={t.homeCard.title} open={open} error={state.error} reload={state.reload} notSetUp={t.homeCard.notSetUp} fallback={t.homeCard.couldNotLoad} />;
  }
  return (
    <Card title={t.homeCard.title} action={open} busy={state.status === 'loading'} data-module="dashboards" data-state={state.status}>
      <DashboardsStats list={state.status === 'ready' ? state.data! : null} />
    </Card>
  );
}
