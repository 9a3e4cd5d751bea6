import type { ModuleContext } from '@trackstack/api';
import { Card, ModuleScreen, ModuleScreenSkeleton, Skeleton, useModuleApi } from '@trackstack/ui';
import { trainingApi } from './api';
import { GymPanel } from './gym/GymPanel';
import { HistoryPanel } from './history/HistoryPanel';
import { ImportPanel } from './import/ImportPanel';
import { ProgressPanel } from './progress/ProgressPanel';
import { RoutinesPanel } from './routines/RoutinesPanel';
import { t } from './strings';

const TABS = [
  { id: 'gym', label: t.trainingScreen.tabs.gym },
  { id: 'history', label: t.trainingScreen.tabs.history },
  { id: 'progress', label: t.trainingScreen.tabs.progress },
  { id: 'routines', label: t.trainingScreen.tabs.routines },
  { id: 'import', label: t.trainingScreen.tabs.import },
] as const;

/** The Training screen: gym mode first (works offline from start to finish), then history and records, progress
 * (exercise history, sets per muscle, body weight), the routine editor and the import. */
export function TrainingScreen({ context }: { context: ModuleContext }) {
  const api = useModuleApi(context, trainingApi);
  return (
    <ModuleScreen context={context} title={t.trainingScreen.title} tabs={TABS} probe={api.settings}>
      {({ tab, probe, version, changed }) => {
        const unit = probe.data?.unit === 'lb' ? 'lb' : 'kg';
        const readOnly = context.household.role === 'viewer';
        const formula = probe.data?.formula === 'brzycki' ? 'brzycki' : 'epley';
        if (tab === 'gym') return <GymPanel api={api} householdId={context.household.id} userId={context.userId} unit={unit} formula={formula} readOnly={readOnly} version={version} onChanged={changed} />;
        if (tab === 'progress') return <ProgressPanel api={api} unit={unit} readOnly={readOnly} version={version} onChanged={changed} />;
        if (tab === 'routines') return <RoutinesPanel api={api} unit={unit} readOnly={readOnly} version={version} onChanged={changed} />;
        if (tab === 'import') return <ImportPanel api={api} readOnly={readOnly} onChanged={changed} />;
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
