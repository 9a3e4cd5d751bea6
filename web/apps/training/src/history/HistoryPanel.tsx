import { Card, Skeleton, useAsync, useFormat } from '@trackstack/ui';
import type { TrainingApi } from '../api';
import { toUnit, type Unit } from '../logic';
import { t } from '../strings';

/** The latest workouts and the records per exercise. */
export function HistoryPanel({ api, unit, version }: { api: TrainingApi; unit: Unit; version: number }) {
  const f = useFormat();
  const workouts = useAsync((signal) => api.workouts(signal), [api, version]);
  const records = useAsync((signal) => api.records(signal), [api, version]);
  const w = (kg: number) => `${f.number(toUnit(kg, unit), { maximumFractionDigits: 2 })} ${unit}`;
  return (
    <>
      <Card title={t.historyPanel.workouts} busy={workouts.status === 'loading'} data-panel="workouts" data-state={workouts.status}>
        {workouts.status !== 'ready' ? <Skeleton height="48px" /> : workouts.data!.items.length === 0 ? <p>{t.historyPanel.noWorkoutYet}</p> : (
          <ul className="list">
            {workouts.data!.items.map((x) => (
              <li key={x.id} data-workout-id={x.id}>
                <strong>{x.name}</strong> · {f.date(x.startedAt)} · {t.sets(x.setCount, String(x.setCount))} · {w(x.volumeKg)}
              </li>
            ))}
          </ul>
        )}
        {workouts.status === 'ready' && workouts.data!.total > workouts.data!.items.length ? <p className="muted">{t.historyPanel.latest(String(workouts.data!.items.length), String(workouts.data!.total))}</p> : null}
      </Card>
      <Card title={t.historyPanel.records} busy={records.status === 'loading'} data-panel="records" data-state={records.status}>
        {records.status !== 'ready' ? <Skeleton height="48px" /> : records.data!.items.length === 0 ? <p>{t.historyPanel.noRecords}</p> : (
          <ul className="list">
            {records.data!.items.map((r) => (
              <li key={r.exerciseId}>
                <strong>{r.exerciseName}</strong>
                {r.heaviestWeight ? t.historyPanel.heaviest(w(r.heaviestWeight.value)) : ''}
                {r.bestE1rm ? t.historyPanel.e1rm(w(r.bestE1rm.value)) : ''}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
