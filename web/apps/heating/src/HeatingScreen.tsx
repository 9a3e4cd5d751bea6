import type { ModuleContext } from '@trackstack/api';
import { Card, ModuleScreen, canChangeSettings, ModuleScreenSkeleton, Skeleton, useModuleApi } from '@trackstack/ui';
import { heatingApi } from './api';
import { OverviewPanel } from './overview/OverviewPanel';
import { StockPanel } from './stock/StockPanel';
import { TemperatureUploadCard } from './weather/TemperatureUploadCard';
import { WeatherFetchCard } from './weather/WeatherFetchCard';
import { HeatingSettingsForm } from './settings/HeatingSettingsForm';
import { t } from './strings';

const TABS = [
  { id: 'overview', label: t.heatingScreen.overview },
  { id: 'stock', label: t.heatingScreen.stock },
  { id: 'temperatures', label: t.heatingScreen.weather },
  { id: 'settings', label: t.heatingScreen.settings },
] as const;

/** The Heating screen: one-tap refill, figures in plain words, charts, stock and purchases, temperatures, settings. */
export function HeatingScreen({ context }: { context: ModuleContext }) {
  const api = useModuleApi(context, heatingApi);
  return (
    <ModuleScreen context={context} title={t.heatingScreen.heating} tabs={TABS} probe={api.settings}>
      {({ tab, probe, version, changed }) => {
        const settings = probe.data ?? null;
        if (tab === 'overview') return <OverviewPanel api={api} settings={settings} version={version} onChanged={changed} />;
        if (tab === 'stock') return <StockPanel api={api} settings={settings} version={version} onChanged={changed} />;
        if (tab === 'temperatures') return <><TemperatureUploadCard api={api} onChanged={changed} /><WeatherFetchCard api={api} settings={settings} onChanged={changed} /></>;
        return settings
          ? <HeatingSettingsForm api={api} settings={settings} onChanged={changed} readOnly={!canChangeSettings(context.household.role)} />
          : <Card title={t.heatingScreen.settings} busy><Skeleton height="48px" /><Skeleton height="48px" /></Card>;
      }}
    </ModuleScreen>
  );
}

/** The screen while the session loads (also the page's static HTML): the same boxes as the overview. */
export function HeatingScreenSkeleton() {
  return (
    <ModuleScreenSkeleton title={t.heatingScreen.heating} tabs={TABS}>
      <Card title={t.heatingScreen.logRefill} busy><Skeleton height="48px" /><Skeleton height="44px" width="50%" /><Skeleton height="56px" /></Card>
      <Card title={t.heatingScreen.atGlance} busy data-state="loading">
        <div className="stats">
          {[0, 1].map((i) => <div className="stat" key={i}><span className="stat-value"><Skeleton width="3ch" height="0.9em" /></span><span className="stat-label"><Skeleton width="80%" /></span></div>)}
          <div className="stat wide"><span className="stat-value"><Skeleton width="3ch" height="0.9em" /></span><span className="stat-label"><Skeleton width="70%" /></span></div>
        </div>
      </Card>
    </ModuleScreenSkeleton>
  );
}
