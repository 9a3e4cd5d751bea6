import { describe, expect, it } from 'vitest';
import { e1rm, marksWith, recordsOf } from '../src/records';

describe('records announced when a set is completed', () => {
  it('estimates 1RM by Epley or Brzycki, the weight itself at one rep, nothing beyond 12 reps', () => {
    expect(e1rm(100, 5)).toBeCloseTo(116.667, 3);
    expect(e1rm(100, 5, 'brzycki')).toBeCloseTo(112.5, 3);
    expect(e1rm(140, 1)).toBe(140);
    expect(e1rm(60, 13)).toBeNull();
    expect(e1rm(null, 5)).toBeNull();
  });

  it('announces a heavier weight and a better e1RM, not an equal one, not a warm-up, nothing for a first session', () => {
    const marks = { heaviestKg: 100, bestE1rmKg: 116.667 };
    expect(recordsOf({ weightKg: 102.5, reps: 3, kind: 'working' }, marks, 'epley').map((r) => r.kind)).toEqual(['heaviestWeight']);
    expect(recordsOf({ weightKg: 95, reps: 8, kind: 'working' }, marks, 'epley').map((r) => r.kind)).toEqual(['bestE1rm']);
    expect(recordsOf({ weightKg: 100, reps: 5, kind: 'working' }, marks, 'epley')).toEqual([]);
    expect(recordsOf({ weightKg: 120, reps: 5, kind: 'warmUp' }, marks, 'epley')).toEqual([]);
    expect(recordsOf({ weightKg: 120, reps: 5, kind: 'working' }, undefined, 'epley')).toEqual([]);
  });

  it('counts the sets already done in this workout, so the same weight twice is announced once', () => {
    const earlier = { heaviestKg: 100, bestE1rmKg: 110 };
    const done = [{ weightKg: 105, reps: 2, kind: 'working' as const }, { weightKg: 200, reps: 1, kind: 'warmUp' as const }];
    const marks = marksWith(earlier, done, 'epley');
    expect(marks?.heaviestKg).toBe(105);
    expect(recordsOf({ weightKg: 105, reps: 2, kind: 'working' }, marks, 'epley')).toEqual([]);
    expect(marksWith(undefined, [], 'epley')).toBeUndefined();
    // A first session announces nothing, also for its later, heavier sets.
    expect(recordsOf({ weightKg: 110, reps: 2, kind: 'working' }, marksWith(undefined, done, 'epley'), 'epley')).toEqual([]);
  });
});
