import { useMemo, useState } from 'react';
import { newClientId } from '@trackstack/api';
import { Button, Card, Notice, SelectField, Skeleton, TextField, useAsync, useSubmit } from '@trackstack/ui';
import type { Routine, TrainingApi } from '../api';
import { AddExercise } from '../exercises/AddExercise';
import type { Unit } from '../logic';
import { t } from '../strings';
import { emptyRoutine, move, newExercise, toBody, toDraft, type DraftExercise, type Effort, type RoutineDraft, type Rule } from './routineDraft';

/** The household's routines (shared by its members) and the editor of one: days, ordered exercises and their targets. */
export function RoutinesPanel({ api, unit, readOnly, version, onChanged }: { api: TrainingApi; unit: Unit; readOnly: boolean; version: number; onChanged: (m?: string) => void }) {
  const routines = useAsync((signal) => api.routines(signal), [api, version]);
  const exercises = useAsync((signal) => api.exercises(signal), [api]);
  const names = useMemo(() => new Map((exercises.data?.items ?? []).map((e) => [e.id, e.name])), [exercises.data]);
  const [editing, setEditing] = useState<RoutineDraft | null>(null);
  const s = useSubmit([], { fallback: t.routines.couldNotDelete });
  const edit = (r: Routine) => setEditing(toDraft(r, names, unit));

  if (editing) return <RoutineEditor api={api} unit={unit} draft={editing} setDraft={setEditing} onDone={(m) => { setEditing(null); onChanged(m); }} />;
  return (
    <Card title={t.routines.title} busy={routines.status === 'loading'} data-panel="routines" data-state={routines.status === 'ready' && exercises.status === 'ready' ? 'ready' : routines.status}>
      {routines.status !== 'ready' ? <Skeleton height="48px" /> : routines.data!.items.length === 0 ? <p>{t.routines.none}</p> : (
        <ul className="list">
          {routines.data!.items.map((r) => (
            <li key={r.id} data-routine-id={r.id}>
              <strong>{r.name}</strong> · {r.days.map((d) => d.name).join(' / ')}
              {readOnly ? null : (
                <span className="btn-row">
                  <Button variant="secondary" disabled={exercises.status !== 'ready'} onClick={() => edit(r)} aria-label={t.routines.editNamed(r.name)}>{t.routines.edit}</Button>
                  <Button variant="ghost" busy={s.busyWith === r.id} onClick={() => { if (confirm(t.routines.deleteConfirm(r.name))) void s.run(async () => { await api.deleteRoutine(r.id); onChanged(t.routines.deleted); }, r.id); }}>{t.routines.delete}</Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      {readOnly ? <p className="muted">{t.routines.viewersRead}</p> : <Button onClick={() => setEditing(emptyRoutine(newClientId(), t.routines.defaultDay))}>{t.routines.create}</Button>}
    </Card>
  );
}

const EFFORTS: { value: Effort; label: string }[] = [
  { value: 'none', label: t.routines.effort.none }, { value: 'rpe', label: t.routines.effort.rpe }, { value: 'rir', label: t.routines.effort.rir },
];
const RULES: { value: Rule; label: string }[] = [
  { value: 'doubleProgression', label: t.routines.rules.doubleProgression }, { value: 'linear', label: t.routines.rules.linear }, { value: 'none', label: t.routines.rules.none },
];

function RoutineEditor({ api, unit, draft, setDraft, onDone }: {
  api: TrainingApi; unit: Unit; draft: RoutineDraft; setDraft: (d: RoutineDraft) => void; onDone: (m?: string) => void;
}) {
  // Field errors come back as days[0].exercises[1].repMax: the inputs carry those names.
  const known = ['name', 'days', ...draft.days.flatMap((d, di) => [`days[${di}].name`, `days[${di}].exercises`, ...d.exercises.flatMap((_, ei) =>
    ['exerciseId', 'sets', 'repMin', 'repMax', 'targetRpe', 'targetRir', 'restSeconds', 'superset', 'progression', 'incrementKg'].map((f) => `days[${di}].exercises[${ei}].${f}`))])];
  const s = useSubmit(known, { fallback: t.routines.couldNotSave });
  const days = draft.days;
  const setDays = (next: typeof days) => setDraft({ ...draft, days: next });
  const setDay = (di: number, change: Partial<(typeof days)[number]>) => setDays(days.map((d, i) => (i === di ? { ...d, ...change } : d)));
  const setExercise = (di: number, ei: number, change: Partial<DraftExercise>) =>
    setDay(di, { exercises: days[di].exercises.map((e, i) => (i === ei ? { ...e, ...change } : e)) });
  const err = (field: string) => s.fieldErrors[field];
  const save = s.onSubmit(async () => {
    if (draft.isNew) await api.createRoutine(toBody(draft, unit));
    else await api.changeRoutine(draft.id, toBody(draft, unit));
    onDone(t.routines.saved);
  });

  return (
    <Card title={draft.isNew ? t.routines.newTitle : t.routines.editTitle(draft.name)} data-panel="routine-editor">
      <form ref={s.formRef} noValidate onSubmit={save}>
        <TextField label={t.routines.name} name="name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={err('name')} />
        {err('days') ? <Notice kind="error"><p>{err('days')}</p></Notice> : null}
        {days.map((day, di) => (
          <fieldset key={di} className="routine-day" data-day={di}>
            <legend>{t.routines.dayN(String(di + 1))}</legend>
            <TextField label={t.routines.dayName} name={`days[${di}].name`} value={day.name} onChange={(e) => setDay(di, { name: e.target.value })} error={err(`days[${di}].name`)} />
            {day.exercises.length === 0 ? <p className="muted">{t.routines.noExercises}</p> : null}
            <ol className="list">
              {day.exercises.map((e, ei) => {
                const at = `days[${di}].exercises[${ei}]`;
                return (
                  <li key={`${e.exerciseId}:${ei}`} data-routine-exercise={e.name}>
                    <strong>{e.name}</strong>
                    {err(`${at}.exerciseId`) ? <p className="field-error">{err(`${at}.exerciseId`)}</p> : null}
                    <div className="field-row">
                      <TextField label={t.routines.sets} name={`${at}.sets`} inputMode="numeric" value={e.sets} onChange={(x) => setExercise(di, ei, { sets: x.target.value })} error={err(`${at}.sets`)} />
                      <TextField label={t.routines.repMin} name={`${at}.repMin`} inputMode="numeric" value={e.repMin} onChange={(x) => setExercise(di, ei, { repMin: x.target.value })} error={err(`${at}.repMin`)} />
                      <TextField label={t.routines.repMax} name={`${at}.repMax`} inputMode="numeric" value={e.repMax} onChange={(x) => setExercise(di, ei, { repMax: x.target.value })} error={err(`${at}.repMax`)} />
                      <TextField label={t.routines.rest} name={`${at}.restSeconds`} inputMode="numeric" value={e.rest} onChange={(x) => setExercise(di, ei, { rest: x.target.value })} error={err(`${at}.restSeconds`)} />
                    </div>
                    <div className="field-row">
                      <SelectField label={t.routines.effortLabel} name={`${at}.effort`} value={e.effort} options={EFFORTS} onChange={(x) => setExercise(di, ei, { effort: x.target.value as Effort })} />
                      {e.effort === 'none' ? null : (
                        <TextField label={e.effort === 'rpe' ? t.routines.targetRpe : t.routines.targetRir} name={`${at}.${e.effort === 'rpe' ? 'targetRpe' : 'targetRir'}`} inputMode="decimal"
                          value={e.effortValue} onChange={(x) => setExercise(di, ei, { effortValue: x.target.value })} error={err(`${at}.targetRpe`) ?? err(`${at}.targetRir`)} />
                      )}
                      <TextField label={t.routines.superset} name={`${at}.superset`} value={e.superset} onChange={(x) => setExercise(di, ei, { superset: x.target.value })} error={err(`${at}.superset`)} hint={t.routines.supersetHint} />
                    </div>
                    <div className="field-row">
                      <SelectField label={t.routines.progression} name={`${at}.progression`} value={e.progression} options={RULES} onChange={(x) => setExercise(di, ei, { progression: x.target.value as Rule })} error={err(`${at}.progression`)} />
                      {e.progression === 'none' ? null : (
                        <TextField label={t.routines.increment(unit)} name={`${at}.incrementKg`} inputMode="decimal" value={e.increment} onChange={(x) => setExercise(di, ei, { increment: x.target.value })} error={err(`${at}.incrementKg`)} />
                      )}
                    </div>
                    <div className="btn-row">
                      <Button variant="ghost" disabled={ei === 0} aria-label={t.routines.moveUp(e.name)} onClick={() => setDay(di, { exercises: move(day.exercises, ei, -1) })}>↑</Button>
                      <Button variant="ghost" disabled={ei === day.exercises.length - 1} aria-label={t.routines.moveDown(e.name)} onClick={() => setDay(di, { exercises: move(day.exercises, ei, 1) })}>↓</Button>
                      <Button variant="ghost" aria-label={t.routines.removeNamed(e.name)} onClick={() => setDay(di, { exercises: day.exercises.filter((_, i) => i !== ei) })}>{t.routines.remove}</Button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <div className="btn-row">
              <AddExercise api={api} label={t.routines.addExercise} onAdd={(x) => setDay(di, { exercises: [...day.exercises, newExercise(x.id, x.name, unit)] })} />
              {days.length > 1 ? <Button variant="ghost" onClick={() => setDays(days.filter((_, i) => i !== di))}>{t.routines.removeDay}</Button> : null}
            </div>
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => setDays([...days, { name: t.routines.dayN(String(days.length + 1)), exercises: [] }])}>{t.routines.addDay}</Button>
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        <div className="btn-row">
          <Button type="submit" busy={s.busy}>{t.routines.save}</Button>
          <Button variant="ghost" onClick={() => onDone()}>{t.routines.cancel}</Button>
        </div>
      </form>
    </Card>
  );
}
