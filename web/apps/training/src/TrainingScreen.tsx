import type { ModuleContext } from '@trackstack/api';
import { Card, ModuleScreen, ModuleScreenSkeleton, Skeleton, useModuleApi } from '@trackstack/ui';
import { trainingApi } from './api';
import { GymPanel } from './gym/GymPanel';
import { HistoryPanel } from './history/HistoryPanel';
import { t } from './strings';

const TABS = [
  { id: 'gym', label: t.trainingScreen.tabs.gym },
  { id: 'history', label: t.trainingScreen.tabs.history },
] as const;

/** The Training screen: gym mode first (works offline from start to finish), then history and records. */
export function TrainingScreen({ context }: { context: ModuleContext }) {
  const api = useModuleApi(context, trainingApi);
  return (
    <ModuleScreen context={context} title={t.trainingScreen.title} tabs={TABS} probe={api.settings}>
      {({ tab, probe, version, changed }) => {
        const unit = probe.data?.unit === 'lb' ? 'lb' : 'kg';
        if (tab === 'gym') return <GymPanel api={api} householdId={context.household.id} userId={context.userId} unit={unit} readOnly={context.household.role === 'viewer'} version={version} onChanged={changed} />;
        return <HistoryPanel api={api} unit={unit} version={version} />;
      }}
    </ModuleScreen>
  );
}

/** The screen while the session loads (also the page's static HTML): the gym tab's boxes. */
export function TrainingScreenSkeleton() {
  return (
    <ModuleScreenSkeleton title={t.trainingScreen.title} tabs={TABS}>
      <Card title={t.trainingScreen.startWorkout} busy><Skeleton height="56px" /><Skeleton height="44px" width="60%" /></Card>
    </ModuleScreenSkeleton>
  );
}
