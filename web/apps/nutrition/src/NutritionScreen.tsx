import type { ModuleContext } from '@trackstack/api';
import { Card, ModuleScreen, ModuleScreenSkeleton, Skeleton, useModuleApi } from '@trackstack/ui';
import { nutritionApi } from './api';
import { LogPanel } from './log/LogPanel';
import { RecipesPanel } from './recipes/RecipesPanel';
import { TargetsForm } from './settings/TargetsForm';
import { WeekPanel } from './week/WeekPanel';
import { t } from './strings';

const TABS = [
  { id: 'log', label: t.nutritionScreen.tabs.log },
  { id: 'week', label: t.nutritionScreen.tabs.week },
  { id: 'recipes', label: t.nutritionScreen.tabs.recipes },
  { id: 'settings', label: t.nutritionScreen.tabs.settings },
] as const;

/** The Nutrition screen: the log first (search, recent chips, grams, what remains), the recipe book, targets. */
export function NutritionScreen({ context }: { context: ModuleContext }) {
  const api = useModuleApi(context, nutritionApi);
  const canWrite = context.household.role !== 'viewer';
  return (
    <ModuleScreen context={context} title={t.nutritionScreen.title} tabs={TABS} probe={api.targets}>
      {({ tab, probe, version, changed }) => {
        if (tab === 'log') return <LogPanel api={api} version={version} onChanged={changed} canWrite={canWrite} />;
        if (tab === 'week') return <WeekPanel api={api} version={version} />;
        if (tab === 'recipes') return <RecipesPanel api={api} version={version} canWrite={canWrite} onChanged={changed} />;
        return probe.data
          ? <TargetsForm key={version} api={api} targets={probe.data} onChanged={changed} readOnly={!canWrite} />
          : <Card title={t.nutritionScreen.targets} busy><Skeleton height="48px" /><Skeleton height="48px" /></Card>;
      }}
    </ModuleScreen>
  );
}

/** The screen while the session loads (also the page's static HTML): the same boxes as the log tab. */
export function NutritionScreenSkeleton() {
  return (
    <ModuleScreenSkeleton title={t.nutritionScreen.title} tabs={TABS}>
      <Card title={t.nutritionScreen.logFood} busy><Skeleton height="48px" /><Skeleton height="36px" width="70%" /></Card>
      <Card title={t.nutritionScreen.today} busy data-state="loading"><Skeleton height="80px" /></Card>
    </ModuleScreenSkeleton>
  );
}
