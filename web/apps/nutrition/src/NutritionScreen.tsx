import type { ModuleContext } from '@trackstack/api';
import { Card, ModuleScreen, ModuleScreenSkeleton, Skeleton, useModuleApi } from '@trackstack/ui';
import { nutritionApi } from './api';
import { LogPanel } from './log/LogPanel';
import { RecipesPanel } from './recipes/RecipesPanel';
import { TargetsForm } from './settings/TargetsForm';

const TABS = [
  { id: 'log', label: 'Log' },
  { id: 'recipes', label: 'Recipes' },
  { id: 'settings', label: 'Settings' },
] as const;

/** The Nutrition screen: the log first (search, recent chips, grams, what remains), the recipe book, targets. */
export function NutritionScreen({ context }: { context: ModuleContext }) {
  const api = useModuleApi(context, nutritionApi);
  const canWrite = context.household.role !== 'viewer';
  return (
    <ModuleScreen context={context} title="Nutrition" tabs={TABS} probe={api.targets}>
      {({ tab, probe, version, changed }) => {
        if (tab === 'log') return <LogPanel api={api} version={version} onChanged={changed} canWrite={canWrite} />;
        if (tab === 'recipes') return <RecipesPanel api={api} version={version} />;
        return probe.data
          ? <TargetsForm key={version} api={api} targets={probe.data} onChanged={changed} readOnly={!canWrite} />
          : <Card title="Daily targets" busy><Skeleton height="48px" /><Skeleton height="48px" /></Card>;
      }}
    </ModuleScreen>
  );
}

/** The screen while the session loads (also the page's static HTML): the same boxes as the log tab. */
export function NutritionScreenSkeleton() {
  return (
    <ModuleScreenSkeleton title="Nutrition" tabs={TABS}>
      <Card title="Log food" busy><Skeleton height="48px" /><Skeleton height="36px" width="70%" /></Card>
      <Card title="Today" busy data-state="loading"><Skeleton height="80px" /></Card>
    </ModuleScreenSkeleton>
  );
}
