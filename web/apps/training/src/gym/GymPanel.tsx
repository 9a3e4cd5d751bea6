import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage, newClientId } from '@trackstack/api';
import { Button, Card, Notice, TextField, parseDecimal, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { TrainingApi } from '../api';
import {
  RPE_CHOICES, completeSet, doneOf, loadCurrent, newWorkout, nextSet, platesPerSide, saveCurrent, toKg, toRequest, toUnit, volumeKg,
  type CurrentWorkout, type DoneSet, type Unit,
} from '../logic';
import { t } from '../strings';
import { RestTimer } from './RestTimer';
import { AddExercise } from '../exercises/AddExercise';
import { marksWith, recordsOf, type Formula, type Marks } from '../records';

const DEFAULT_REST = 90;

/** Gym mode: the current exercise and set in big type, steppers, one tap to complete a set, a rest timer that
 * starts by itself, and the workout kept on the device until it is finished and sent (or queued offline). */
export function GymPanel({ api, householdId, userId, unit, formula = 'epley', readOnly, version, onChanged }: {
  api: TrainingApi; householdId: string; userId?: string; unit: Unit; formula?: Formula; readOnly: boolean; version: number; onChanged: (m?: string) => void;
}) {
  const [workout, setWorkoutState] = useState<CurrentWorkout | null>(() => loadCurrent(householdId, userId));
  const setWorkout = useCallback((w: CurrentWorkout | null) => { saveCurrent(householdId, w, userId); setWorkoutState(w); }, [householdId, userId]);
  if (readOnly) return <Card title={t.gymPanel.gym}><Notice kind="info"><p>{t.gymPanel.viewersRead}</p></Notice></Card>;
  return workout
    ? <CurrentCard api={api} workout={workout} setWorkout={setWorkout} unit={unit} formula={formula} onChanged={onChanged} />
    : <StartCard api={api} version={version} onStart={setWorkout} />;
}

function StartCard({ api, version, onStart }: { api: TrainingApi; version: number; onStart: (w: CurrentWorkout) => void }) {
  const routines = useAsync((signal) => api.routines(signal), [api, version]);
  const s = useSubmit([], { fallback: t.gymPanel.couldNotStartDay });
  const startDay = (routineId: string, day: number) => s.run(async () => {
    const draft = await api.startDay(routineId, day);
    onStart(newWorkout(newClientId(), draft.name, new Date(), draft.exercises.map((e) => ({
      exerciseId: e.exerciseId, name: e.exerciseName, targetSets: e.targetSets, restSeconds: e.restSeconds,
      repMin: e.repMin, repMax: e.repMax, targetRpe: e.targetRpe ?? null, targetRir: e.targetRir ?? null, suggestion: e.suggestion?.reason ?? null,
      planned: e.sets.map((p) => ({ weightKg: p.weightKg ?? null, reps: p.reps ?? null })),
    })), { id: routineId, day }));
  }, `${routineId}:${day}`);
  return (
    <Card title={t.gymPanel.startWorkout} data-panel="start">
      <Button block className="btn-big" onClick={() => onStart(newWorkout(newClientId(), t.gymPanel.defaultName, new Date()))}>{t.gymPanel.startEmpty}</Button>
      {routines.status === 'ready' && routines.data!.items.length > 0 ? (
        <div className="btn-row">
          {routines.data!.items.flatMap((r) => r.days.map((d, i) => (
            <Button key={`${r.id}:${i}`} variant="secondary" busy={s.busyWith === `${r.id}:${i}`} onClick={() => startDay(r.id, i)}>{r.name}: {d.name}</Button>
          )))}
        </div>
      ) : null}
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
    </Card>
  );
}

function CurrentCard({ api, workout, setWorkout, unit, formula, onChanged }: {
  api: TrainingApi; workout: CurrentWorkout; setWorkout: (w: CurrentWorkout | null) => void; unit: Unit; formula: Formula; onChanged: (m?: string) => void;
}) {
  const f = useFormat();
  // The marks of earlier workouts, read when the workout is open (from the read cache when offline): a set that
  // beats them is announced at once; the server decides again when the workout is logged.
  const records = useAsync((signal) => api.records(signal), [api]);
  const next = nextSet(workout);
  const ex = workout.exercises[workout.current] ?? null;
  const [weight, setWeight] = useState('');
  const [reps, setReps] = useState('');
  const [kind, setKind] = useState<DoneSet['kind']>('working');
  const [rpe, setRpe] = useState<number | null>(null);
  const [restUntil, setRestUntil] = useState<number | null>(null);
  const [finishError, setFinishError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The steppers start at the plan (or last set) each time the set to do changes.
  const key = `${workout.current}:${next?.number ?? 0}`;
  useEffect(() => {
    setWeight(next?.weightKg == null ? '' : String(toUnit(next.weightKg, unit)));
    setReps(next?.reps == null ? '' : String(next.reps));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, unit]);
  const step = unit === 'lb' ? 5 : 2.5;
  const w = parseDecimal(weight);
  const r = parseDecimal(reps);
  const bump = (set: (v: string) => void, value: number | null, d: number, min = 0) => set(String(Math.max(min, Math.round(((value ?? 0) + d) * 100) / 100)));
  const plates = unit === 'kg' && w !== null && w > 20 ? platesPerSide(w) : null;

  const complete = () => {
    if (!ex) return;
    const set = { weightKg: w === null ? null : toKg(w, unit), reps: r === null ? null : Math.round(r), kind, rpe };
    setWorkout(completeSet(workout, set));
    setKind('working');
    setRpe(null);
    setRestUntil(Date.now() + (ex.restSeconds || DEFAULT_REST) * 1000);
  };
  // The set last completed is judged against the earlier marks whenever both are known: derived from the workout
  // kept on the device, so a set completed while the marks still load (a slow gym network), or a screen drawn again
  // meanwhile, still gets its announcement when they arrive.
  const recordNote = useMemo(() => {
    const last = workout.done[workout.done.length - 1];
    if (!last || !records.data) return null;
    const mark = records.data.items.find((x) => x.exerciseId === last.exerciseId);
    const earlier: Marks | undefined = mark ? { heaviestKg: mark.heaviestWeight?.value ?? null, bestE1rmKg: mark.bestE1rm?.value ?? null } : undefined;
    const before = workout.done.slice(0, -1).filter((d) => d.exerciseId === last.exerciseId);
    const beaten = recordsOf(last, marksWith(earlier, before, formula), formula);
    if (beaten.length === 0) return null;
    const name = workout.exercises.find((e) => e.exerciseId === last.exerciseId)?.name ?? '';
    const weightText = (kg: number) => `${f.number(toUnit(kg, unit), { maximumFractionDigits: 1 })} ${unit}`;
    return t.gymPanel.newRecord(name, beaten.map((b) => t.gymPanel.recordKinds[b.kind](weightText(b.valueKg))).join(', '));
  }, [workout.done, workout.exercises, records.data, formula, unit, f]);
  const finish = async () => {
    setBusy(true);
    setFinishError(null);
    try {
      const body = toRequest(workout, new Date());
      const result = await api.logWorkout(body, t.gymPanel.queueLabel(workout.name, t.sets(body.sets.length, String(body.sets.length))));
      setWorkout(null);
      onChanged(result.queued ? t.gymPanel.queued : t.gymPanel.saved);
    } catch (e) {
      setFinishError(errorMessage(e, t.gymPanel.couldNotSave));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card title={workout.name} data-panel="gym" data-workout-id={workout.id}>
        {ex && next ? (
          <div className="gym-current">
            <p className="bignumber-value" data-current-exercise>{ex.name}</p>
            <p className="stat-value" data-current-set>{t.gymPanel.setOf(String(next.number), String(Math.max(next.of, next.number)))}</p>
            <Targets ex={ex} />
            <div className="stepper">
              <Button variant="secondary" className="btn-big" aria-label={t.gymPanel.lessWeight} onClick={() => bump(setWeight, w, -step)}>−</Button>
              <TextField label={t.gymPanel.weight(unit)} name="weight" inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} />
              <Button variant="secondary" className="btn-big" aria-label={t.gymPanel.moreWeight} onClick={() => bump(setWeight, w, step)}>+</Button>
            </div>
            {plates ? <p className="muted" data-plates>{t.gymPanel.perSide(plates.plates.length ? plates.plates.map((p) => f.number(p)).join(' + ') : t.gymPanel.barOnly)}{plates.remainder > 0 ? t.gymPanel.notMade(f.number(plates.remainder)) : ''}</p> : null}
            <div className="stepper">
              <Button variant="secondary" className="btn-big" aria-label={t.gymPanel.repLess} onClick={() => bump(setReps, r, -1)}>−</Button>
              <TextField label={t.gymPanel.reps} name="reps" inputMode="numeric" value={reps} onChange={(e) => setReps(e.target.value)} />
              <Button variant="secondary" className="btn-big" aria-label={t.gymPanel.repMore} onClick={() => bump(setReps, r, 1)}>+</Button>
            </div>
            <div className="btn-row" role="group" aria-label={t.gymPanel.kindOfSet}>
              {(['working', 'warmUp', 'drop', 'failure'] as const).map((k) => (
                <Button key={k} variant={kind === k ? 'primary' : 'ghost'} aria-pressed={kind === k} onClick={() => setKind(k)}>{t.gymPanel.kinds[k]}</Button>
              ))}
            </div>
            <div className="btn-row" role="group" aria-label={t.gymPanel.rpeGroup}>
              {RPE_CHOICES.map((v) => (
                <Button key={v} variant={rpe === v ? 'primary' : 'ghost'} aria-pressed={rpe === v} onClick={() => setRpe(rpe === v ? null : v)}>{f.number(v)}</Button>
              ))}
            </div>
            <Button block className="btn-big" onClick={complete} disabled={w === null && r === null}>{t.gymPanel.completeSet}</Button>
            {recordNote ? <Notice kind="success"><p data-record-note>{recordNote}</p></Notice> : null}
            {restUntil ? <RestTimer endsAt={restUntil} onDone={() => setRestUntil(null)} /> : null}
            <NextUp workout={workout} unit={unit} />
          </div>
        ) : <p>{t.gymPanel.noExercise}</p>}
        <AddExercise api={api} onAdd={(e) => setWorkout({ ...workout, exercises: [...workout.exercises, { exerciseId: e.id, name: e.name, targetSets: 3, restSeconds: DEFAULT_REST, planned: [] }], current: workout.exercises.length })} />
        {workout.exercises.length > 1 ? (
          <div className="btn-row" role="group" aria-label={t.gymPanel.exercises}>
            {workout.exercises.map((e, i) => (
              <Button key={`${e.exerciseId}:${i}`} variant={i === workout.current ? 'primary' : 'ghost'} onClick={() => setWorkout({ ...workout, current: i })}>
                {e.name} ({doneOf(workout, i).length}/{e.targetSets})
              </Button>
            ))}
          </div>
        ) : null}
      </Card>
      <Card title={t.gymPanel.doneSoFar} data-panel="done">
        <p data-done-count={workout.done.length}>{t.sets(workout.done.length, String(workout.done.length))} · {f.number(toUnit(volumeKg(workout.done), unit), { maximumFractionDigits: 0 })} {unit}</p>
        {finishError ? <Notice kind="error"><p>{finishError}</p></Notice> : null}
        <Button block busy={busy} disabled={workout.done.length === 0} onClick={finish}>{t.gymPanel.finish}</Button>
        <Button variant="ghost" onClick={() => { if (confirm(t.gymPanel.discardConfirm)) setWorkout(null); }}>{t.gymPanel.discard}</Button>
      </Card>
    </>
  );
}

/** What the routine asks of this exercise: the rep range, the effort (RPE or reps in reserve) and why the weight is
 * what it is (the progression rule's suggestion). */
function Targets({ ex }: { ex: CurrentWorkout['exercises'][number] }) {
  const f = useFormat();
  const parts = [
    ex.repMin != null && ex.repMax != null ? t.gymPanel.repRange(String(ex.repMin), String(ex.repMax)) : null,
    ex.targetRpe != null ? t.gymPanel.targetRpe(f.number(ex.targetRpe)) : null,
    ex.targetRir != null ? t.gymPanel.targetRir(String(ex.targetRir)) : null,
  ].filter((x): x is string => x !== null);
  if (parts.length === 0 && !ex.suggestion) return null;
  return (
    <p className="muted" data-targets>
      {parts.length ? t.gymPanel.target(parts.join(' · ')) : null}
      {ex.suggestion ? <><br /><span data-suggestion>{ex.suggestion}</span></> : null}
    </p>
  );
}

function NextUp({ workout, unit }: { workout: CurrentWorkout; unit: Unit }) {
  const f = useFormat();
  const ex = workout.exercises[workout.current];
  if (!ex) return null;
  const done = doneOf(workout, workout.current).length;
  const plan = ex.planned[done + 1];
  const following = done + 1 < ex.targetSets ? { name: ex.name, plan } : workout.exercises[workout.current + 1] ? { name: workout.exercises[workout.current + 1].name, plan: workout.exercises[workout.current + 1].planned[0] } : null;
  if (!following) return <p className="muted" data-next>{t.gymPanel.lastSet}</p>;
  const detail = following.plan?.weightKg != null ? ` ${f.number(toUnit(following.plan.weightKg, unit))} ${unit}${following.plan.reps ? ` × ${following.plan.reps}` : ''}` : '';
  return <p className="muted" data-next>{t.gymPanel.next(following.name, detail)}</p>;
}
