import type { ModuleContext } from '@trackstack/api';
import { Card, FormatProvider, HomeCardProblem, Skeleton, plural, useAsync, useFormat, useModuleApi } from '@trackstack/ui';
import type { Summary } from './api';
import { trainingSummary } from './summary';
import { toUnit } from './logic';
import { words } from './strings';

/** Home "at a glance": the last workout, and sessions and volume this week. */
export function TrainingHomeCard({ context }: { context: ModuleContext | null }) {
  if (!context) return <Card title="Training" busy data-module="training" data-state="loading"><TrainingStats summary={null} /></Card>;
  return (
    <FormatProvider value={context.household}>
      <Inner context={context} />
    </FormatProvider>
  );
}

export function TrainingStats({ summary }: { summary: Summary | null }) {
  const f = useFormat();
  const unit = summary?.unit === 'lb' ? 'lb' : 'kg';
  const last = summary?.lastWorkout ?? null;
  return (
    <div className="stats">
      <div className="stat">
        <span className="stat-value">{summary === null ? <Skeleton width="3ch" height="0.9em" /> : f.number(summary.sessionsThisWeek)}</span>
        <span className="stat-label">{plural(summary?.sessionsThisWeek ?? 2, words.session)} this week</span>
      </div>
      <div className="stat">
        <span className="stat-value">{summary === null ? <Skeleton width="3ch" height="0.9em" /> : f.number(toUnit(summary.volumeThisWeekKg, unit), { maximumFractionDigits: 0 })}</span>
        <span className="stat-label">{unit} lifted this week</span>
      </div>
      <div className="stat wide">
        <span className="stat-value" data-last-workout>{summary === null ? <Skeleton width="8ch" height="0.9em" /> : last ? last.name : '–'}</span>
        <span className="stat-label">{summary === null ? <Skeleton width="70%" /> : last ? `last workout, ${f.date(last.startedAt)}, ${last.setCount} ${plural(last.setCount, words.set)}` : 'no workout yet'}</span>
      </div>
    </div>
  );
}

function Inner({ context }: { context: ModuleContext }) {
  const load = useModuleApi(context, trainingSummary);
  const state = useAsync((signal) => load(signal), [load]);
  const open = <a href="/training" aria-label="Open Training">Open</a>;
  if (state.status === 'error') {
    return <HomeCardProblem module="training" title="Training" open={open} error={state.error} reload={state.reload} notSetUp={words.notSetUp} fallback={words.couldNotLoad} />;
  }
  return (
    <Card title="Training" action={open} busy={state.status === 'loading'} data-module="training" data-state={state.status}>
      <TrainingStats summary={state.status === 'ready' ? state.data! : null} />
    </Card>
  );
}
