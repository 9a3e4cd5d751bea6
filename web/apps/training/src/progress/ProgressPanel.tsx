import { useEffect, useState } from 'react';
import { LineChart, type TimeBucket } from '@trackstack/charts';
import { Card, SelectField, Skeleton, useAsync, useFormat } from '@trackstack/ui';
import type { TrainingApi } from '../api';
import { toUnit, type Unit } from '../logic';
import { t } from '../strings';
import { BodyWeightPanel } from './BodyWeightPanel';
import { MuscleVolumePanel } from './MuscleVolumePanel';

/** Progress: one exercise's sessions with its e1RM and top weight over time, the weekly sets per muscle and the body weight. */
export function ProgressPanel({ api, unit, readOnly, version, onChanged }: { api: TrainingApi; unit: Unit; readOnly: boolean; version: number; onChanged: (m?: string) => void }) {
  return (
    <>
      <ExerciseHistory api={api} unit={unit} version={version} />
      <MuscleVolumePanel api={api} version={version} />
      <BodyWeightPanel api={api} unit={unit} readOnly={readOnly} version={version} onChanged={onChanged} />
    </>
  );
}

function ExerciseHistory({ api, unit, version }: { api: TrainingApi; unit: Unit; version: number }) {
  const f = useFormat();
  // The exercises the member has records of are the ones with a history.
  const records = useAsync((signal) => api.records(signal), [api, version]);
  const [exerciseId, setExerciseId] = useState('');
  const options = records.data?.items.map((r) => ({ value: r.exerciseId, label: r.exerciseName })) ?? [];
  useEffect(() => {
    if (!exerciseId && options.length > 0) setExerciseId(options[0].value);
  }, [exerciseId, options]);
  const history = useAsync((signal) => (exerciseId ? api.history(exerciseId, signal) : Promise.resolve(null)), [api, exerciseId, version]);
  const w = (kg: number) => `${f.number(toUnit(kg, unit), { maximumFractionDigits: 1 })} ${unit}`;
  const sessions = history.data?.items ?? [];
  const oldestFirst = [...sessions].reverse();
  // Over half a year the axis names months with their year; closer up, days.
  const spanDays = sessions.length > 1 ? (Date.parse(sessions[0].startedAt) - Date.parse(sessions[sessions.length - 1].startedAt)) / 86_400_000 : 0;
  const bucket: TimeBucket = spanDays > 180 ? 'month' : 'day';
  const ready = records.status === 'ready' && (options.length === 0 || history.status === 'ready');
  return (
    <Card title={t.progress.exerciseTitle} busy={!ready} data-panel="exercise-history" data-state={ready ? 'ready' : 'loading'}>
      {records.status !== 'ready' ? <Skeleton height="200px" /> : options.length === 0 ? <p>{t.progress.noHistory}</p> : (
        <>
          <SelectField label={t.progress.exercise} name="historyExercise" value={exerciseId} options={options} onChange={(e) => setExerciseId(e.target.value)} />
          {history.status !== 'ready' ? <Skeleton height="200px" /> : (
            <>
              <LineChart
                bucket={bucket}
                title={t.progress.chartTitle(options.find((o) => o.value === exerciseId)?.label ?? '')}
                series={[
                  { name: t.progress.e1rm, points: oldestFirst.filter((x) => x.bestE1rmKg != null).map((x) => ({ t: x.startedAt, value: toUnit(x.bestE1rmKg!, unit) })) },
                  { name: t.progress.topWeight, points: oldestFirst.filter((x) => x.topWeightKg != null).map((x) => ({ t: x.startedAt, value: toUnit(x.topWeightKg!, unit) })) },
                ]}
                formatValue={(v) => f.number(v, { maximumFractionDigits: 1 })}
              />
              <ul className="list" data-sessions={sessions.length}>
                {sessions.slice(0, 10).map((x) => (
                  <li key={x.workoutId}>
                    <span className="grow">
                      <span className="title">{f.date(x.startedAt)} · {x.workoutName}</span>
                      <span className="sub"> {x.sets.filter((s) => s.kind !== 'warmUp').map((s) => `${s.weightKg != null ? f.number(toUnit(s.weightKg, unit), { maximumFractionDigits: 1 }) : '–'} × ${s.reps ?? '–'}`).join(', ')}</span>
                    </span>
                    {x.bestE1rmKg != null ? <span>{t.progress.e1rmOf(w(x.bestE1rmKg))}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Card>
  );
}
