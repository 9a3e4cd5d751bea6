import type { ModuleContext } from '@trackstack/api';
import { Card, FormatProvider, HomeCardProblem, Skeleton, useAsync, useFormat, useModuleApi } from '@trackstack/ui';
import type { Summary } from './api';
import { trainingSummary } from './summary';
import { toUnit } from './logic';
import { t } from './strings';

/** Home "at a glance": the last workout, sessions and volume this week, and the next routine day. */
export function TrainingHomeCard({ context }: { context: ModuleContext | null }) {
  if (!context) return <Card title={t.homeCard.title} busy data-module="training" data-state="loading"><TrainingStats summary={null} /></Card>;
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
        <span className="stat-label">{t.homeCard.sessionsThisWeek(summary?.sessionsThisWeek ?? 2)}</span>
      </div>
      <div className="stat">
        <span className="stat-value">{summary === null ? <Skeleton width="3ch" height="0.9em" /> : f.number(toUnit(summary.volumeThisWeekKg, unit), { maximumFractionDigits: 0 })}</span>
        <span className="stat-label">{t.homeCard.liftedThisWeek(unit)}</span>
      </div>
      <div className="stat wide">
        <span className="stat-value" data-last-workout>{summary === null ? <Skeleton width="8ch" height="0.9em" /> : last ? last.name : '–'}</span>
        <span className="stat-label">{summary === null ? <Skeleton width="70%" /> : last ? t.homeCard.lastWorkout(f.date(last.startedAt), t.sets(last.setCount, String(last.setCount))) : t.homeCard.noWorkoutYet}</span>
        {summary?.nextRoutineDay ? <span className="stat-label" data-next-day>{t.homeCard.nextDay(summary.nextRoutineDay.routineName, summary.nextRoutineDay.dayName)}</span> : null}
      </div>
    </div>
  );
}

function Inner({ context }: { context: ModuleContext }) {
  const load = useModuleApi(context, trainingSummary);
  const state = useAsync((signal) => load(signal), [load]);
  const open = <a href="/training" aria-label={t.homeCard.openTraining}>{t.homeCard.open}</a>;
  if (state.status === 'error') {
    return <HomeCardProblem module="training" title={t.homeCard.title} open={open} error={state.error} reload={state.reload} notSetUp={t.homeCard.notSetUp} fallback={t.homeCard.couldNotLoad} />;
  }
  return (
    <Card title={t.homeCard.title} action={open} busy={state.status === 'loading'} data-module="training" data-state={state.status}>
      <TrainingStats summary={state.status === 'ready' ? state.data! : null} />
    </Card>
  );
}
