import { describe, expect, it } from 'vitest';
import { emptyRoutine, move, newExercise, toBody, toDraft } from '../src/routines/routineDraft';

const stored = {
  id: 'r1', name: 'PPL', version: 3,
  days: [{ name: 'Push', exercises: [
    { exerciseId: 'b1', sets: 4, repMin: 6, repMax: 10, targetRpe: 8, targetRir: null, restSeconds: 150, superset: null, progression: 'doubleProgression', incrementKg: 2.5 },
    { exerciseId: 'c1', sets: 3, repMin: 10, repMax: 15, targetRpe: null, targetRir: 2, restSeconds: 60, superset: 'A', progression: 'linear', incrementKg: 1 },
  ] }],
};
const names = new Map([['b1', 'Bench Press (Barbell)'], ['c1', 'Cable Crossover']]);

describe('the routine editor draft', () => {
  it('round-trips a stored routine, RPE and RIR targets included, without sending an id for a change', () => {
    const draft = toDraft(stored, names, 'kg');
    expect(draft.days[0].exercises.map((e) => [e.name, e.effort, e.effortValue, e.superset])).toEqual([['Bench Press (Barbell)', 'rpe', '8', ''], ['Cable Crossover', 'rir', '2', 'A']]);
    const body = toBody(draft, 'kg');
    expect(body.id).toBeNull();
    expect(body.days![0].exercises).toEqual(stored.days[0].exercises.map(({ exerciseId, sets, repMin, repMax, targetRpe, targetRir, restSeconds, superset, progression, incrementKg }) =>
      ({ exerciseId, sets, repMin, repMax, targetRpe, targetRir, restSeconds, superset, progression, incrementKg })));
  });

  it('shows increments in pounds and sends kilograms; empty fields go to the server defaults; a new routine sends its client id', () => {
    const draft = emptyRoutine('new-id', 'Day 1');
    draft.name = ' Upper ';
    draft.days[0].exercises.push({ ...newExercise('b1', 'Bench', 'lb'), sets: '', rest: 'abc' });
    expect(draft.days[0].exercises[0].increment).toBe('5');
    const body = toBody(draft, 'lb');
    expect(body).toMatchObject({ id: 'new-id', name: 'Upper' });
    expect(body.days![0].exercises![0]).toMatchObject({ sets: null, restSeconds: null, incrementKg: 2.268, progression: 'doubleProgression', targetRpe: null, targetRir: null });
  });

  it('moves an exercise within the day and never past its ends', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 1, -5)).toEqual(['b', 'a', 'c']);
  });
});
