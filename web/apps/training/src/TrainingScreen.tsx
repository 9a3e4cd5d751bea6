import type { ModuleContext } from '@trackstack/api';
import { Card, ModuleScreen, ModuleScreenSkeleton, Skeleton, useModuleApi } from '@trackstack/ui';
import { trainingApi } from './api';
import { GymPanel } from './gym/GymPanel';
import { HistoryPanel } from './history/HistoryPanel';

const TABS = [
  { id: 'gym', label: 'Gym' },
  { id: 'history', label: 'History' },
] as const;

/** The Training screen: gym mode first (works offline from start to finish), then history and records. */
export function TrainingScreen({ context }: { context: ModuleContext }) {
  const api = useModuleApi(context, trainingApi);
  return (
    <ModuleScreen context={context} title="Training" tabs={TABS} probe={api.settings}>
      {({ tab, probe, version, changed }) => {
        const unit = probe.data?.unit === 'lb' ? 'lb' : 'kg';
        if (tab === 'gym') return <GymPanel api={api} householdId={context.household.id} unit={unit} readOnly={context.household.role === 'viewer'} version={version} onChanged={changed} />;
        return <HistoryPanel api={api} unit={unit} version={version} />;
      }}
    </ModuleScreen>
  );
}

/** The screen while the session loads (also the page's static HTML): the gym tab's boxes. */
export function TrainingScreenSkeleton() {
  return (
    <ModuleScreenSkeleton title="Training" tabs={TABS}>
      <Card title="Start a workout" busy><Skeleton height="56px" /><Skeleton height="44px" width="60%" /></Card>
    </ModuleScreenSkeleton>
  );
}
