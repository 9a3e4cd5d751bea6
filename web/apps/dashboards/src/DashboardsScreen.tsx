import { useCallback, useState } from 'react';
import type { ModuleContext } from '@trackstack/api';
import { ModuleScreen, ModuleScreenSkeleton, Notice, Skeleton, useModuleApi } from '@trackstack/ui';
import { dashboardsApi, type DashboardSummary } from './api';
import { householdToday } from './ranges';
import { DashboardGridSkeleton, DashboardView } from './view/DashboardView';
import { EditorPanel } from './edit/EditorPanel';
import { KeysPanel } from './keys/KeysPanel';
import { ReportsPanel } from './reports/ReportsPanel';
import { AlertsPanel } from './alerts/AlertsPanel';
import { t } from './strings';
import './dashboards.css';

const TABS = [
  { id: 'view', label: t.screen.tabs.view },
  { id: 'edit', label: t.screen.tabs.edit },
  { id: 'reports', label: t.screen.tabs.reports },
  { id: 'alerts', label: t.screen.tabs.alerts },
  { id: 'keys', label: t.screen.tabs.keys },
] as const;

/** The dashboard shown, kept in the address (?dashboard=…) so a reload or a shared link opens the same one. A chosen
 * id missing from the list shows the first dashboard meanwhile: a dashboard just created is in the next list. */
function useSelectedDashboard(list: DashboardSummary[] | undefined): [string | null, (id: string) => void] {
  const [chosen, setChosen] = useState<string | null>(() => (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('dashboard')));
  const select = useCallback((id: string) => {
    setChosen(id || null);
    const url = new URL(location.href);
    if (id) url.searchParams.set('dashboard', id);
    else url.searchParams.delete('dashboard');
    history.replaceState(null, '', url);
  }, []);
  const selected = chosen && list?.some((d) => d.id === chosen) ? chosen : list?.[0]?.id ?? null;
  return [selected, select];
}

/** Dashboards: the household's figures and custom KPIs as widgets, their editor, and the products and API keys. */
export function DashboardsScreen({ context }: { context: ModuleContext }) {
  const api = useModuleApi(context, dashboardsApi);
  return (
    <ModuleScreen context={context} title={t.screen.title} tabs={TABS} probe={api.list}>
      {({ tab, probe, version, changed }) => <Tabs tab={tab} list={probe.status === 'error' ? null : probe.data} probeError={probe.status === 'error'} context={context} api={api} version={version} changed={changed} />}
    </ModuleScreen>
  );
}

function Tabs({ tab, list, probeError, context, api, version, changed }: {
  tab: (typeof TABS)[number]['id']; list: DashboardSummary[] | null | undefined; probeError: boolean; context: ModuleContext;
  api: ReturnType<typeof dashboardsApi>; version: number; changed: (message?: string, kind?: 'success' | 'error') => void;
}) {
  const [selected, select] = useSelectedDashboard(list ?? undefined);
  const today = householdToday(context.household.timeZone, context.now);
  const readOnly = context.household.role === 'viewer';
  if (tab === 'keys') return <KeysPanel api={api} role={context.household.role} version={version} changed={changed} />;
  // Alert rules watch metrics, not dashboards: the tab works without the dashboards list.
  if (tab === 'alerts') return <AlertsPanel api={api} context={context} version={version} changed={changed} />;
  if (probeError) return <Notice kind="error"><p>{t.view.couldNotLoad}</p></Notice>;
  if (!list) return tab === 'view' ? <DashboardGridSkeleton /> : <Skeleton height="200px" radius="14px" />;
  if (tab === 'reports') return <ReportsPanel api={api} context={context} list={list} version={version} changed={changed} />;
  if (tab === 'edit') return <EditorPanel api={api} list={list} selected={selected} onSelect={select} readOnly={readOnly} today={today} version={version} changed={changed} />;
  return <DashboardView api={api} list={list} selected={selected} onSelect={select} today={today} version={version} />;
}

/** The screen while the session loads (also the page's static HTML): the dashboard tab's boxes. */
export function DashboardsScreenSkeleton() {
  return (
    <ModuleScreenSkeleton title={t.screen.title} tabs={TABS}>
      <DashboardGridSkeleton />
    </ModuleScreenSkeleton>
  );
}
