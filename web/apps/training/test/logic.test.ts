import { describe, expect, it } from 'vitest';
import { completeSet, newWorkout, nextSet, platesPerSide, toKg, toRequest, toUnit, volumeKg } from '../src/logic';

describe('gym-mode rules', () => {
  it('converts pounds and rounds to loadable steps', () => {
    expect(toKg(225, 'lb')).toBeCloseTo(102.058, 3);
    expect(toUnit(102.058, 'lb')).toBe(225);
    expect(toUnit(62.4, 'kg')).toBe(62.5);
    expect(toKg(60, 'kg')).toBe(60);
  });

  it('loads a barbell heaviest plates first and says what cannot be made', () => {
    expect(platesPerSide(100)).toEqual({ plates: [25, 15], remainder: 0 });
    expect(platesPerSide(62.5)).toEqual({ plates: [20, 1.25], remainder: 0 });
    expect(platesPerSide(21)).toEqual({ plates: [], remainder: 1 });
    expect(platesPerSide(15)).toEqual({ plates: [], remainder: 0 });
  });

  it('walks through the plan: pre-filled sets, then the next exercise once the target is done', () => {
    let w = newWorkout('w1', 'Push', new Date('2026-12-01T10:00:00Z'), [
      { exerciseId: 'bench', name: 'Bench', targetSets: 2, restSeconds: 120, planned: [{ weightKg: 60, reps: 8 }, { weightKg: 60, reps: 8 }] },
      { exerciseId: 'row', name: 'Row', targetSets: 1, restSeconds: 90, planned: [] },
    ]);
    expect(nextSet(w)).toEqual({ number: 1, of: 2, weightKg: 60, reps: 8 });
    w = completeSet(w, { weightKg: 60, reps: 8, kind: 'working' });
    expect(w.current).toBe(0);
    w = completeSet(w, { weightKg: 60, reps: 7, kind: 'failure', rpe: 9.5 });
    expect(w.current).toBe(1);
    expect(nextSet(w)).toEqual({ number: 1, of: 1, weightKg: null, reps: null });
    w = completeSet(w, { weightKg: 40, reps: 12, kind: 'warmUp' });
    expect(volumeKg(w.done)).toBe(60 * 8 + 60 * 7);
    const body = toRequest(w, new Date('2026-12-01T11:00:00Z'));
    expect(body).toMatchObject({ id: 'w1', startedAt: '2026-12-01T10:00:00.000Z', endedAt: '2026-12-01T11:00:00.000Z' });
    expect(body.sets.map((s) => [s.exerciseId, s.kind, s.reps, s.rpe])).toEqual([['bench', 'working', 8, null], ['bench', 'failure', 7, 9.5], ['row', 'warmUp', 12, null]]);
  });
});

describe('muscle words', () => {
  it('names the library muscles in the UI language and keeps a household word as typed, capitalised', async () => {
    const { t } = await import('../src/strings');
    expect(t.progress.muscleName('upper back')).toBe('Upper back');
    expect(t.progress.muscleName('quadriceps')).toBe('Quadriceps');
    expect(t.progress.muscleName('rotator cuff')).toBe('Rotator cuff');
  });
});
