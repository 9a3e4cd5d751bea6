// Records announced in gym mode the moment a set is completed, by the rules of ADR 0018 (the server checks them
// again when the workout is logged): a set beats the best mark known for the exercise, from the member's earlier
// workouts and the sets done so far; equalling is no record, and an exercise never done before announces nothing.

export type Formula = 'epley' | 'brzycki';
export interface Marks { heaviestKg: number | null; bestE1rmKg: number | null }
export interface SetDone { weightKg: number | null; reps: number | null; kind: 'working' | 'warmUp' | 'drop' | 'failure' }
export type SetRecord = { kind: 'heaviestWeight' | 'bestE1rm'; valueKg: number; previousKg: number };

const EPSILON = 0.005;

/** Epley by default, Brzycki as a setting; one rep is the weight; more than 12 reps get no estimate. */
export function e1rm(weightKg: number | null, reps: number | null, formula: Formula = 'epley'): number | null {
  if (weightKg === null || reps === null || reps < 1 || reps > 12 || weightKg <= 0) return null;
  if (reps === 1) return weightKg;
  return formula === 'brzycki' ? (weightKg * 36) / (37 - reps) : weightKg * (1 + reps / 30);
}

/** The best marks of earlier workouts raised by the sets of this workout already done (warm-ups left out), so a
 * mark beaten twice is announced once. None when there is no earlier workout: its first session announces nothing. */
export function marksWith(earlier: Marks | undefined, done: readonly SetDone[], formula: Formula): Marks | undefined {
  if (!earlier) return undefined;
  let marks: Marks = earlier;
  for (const s of done) {
    if (s.kind === 'warmUp') continue;
    const e = e1rm(s.weightKg, s.reps, formula);
    const heavy = s.weightKg !== null && (s.reps ?? 0) >= 1 ? s.weightKg : null;
    marks = {
      heaviestKg: max(marks.heaviestKg, heavy),
      bestE1rmKg: max(marks.bestE1rmKg, e),
    };
  }
  return marks;
}

/** The records the set beats; none without any earlier mark of the exercise (a first session sets the marks). */
export function recordsOf(set: SetDone, marks: Marks | undefined, formula: Formula): SetRecord[] {
  if (set.kind === 'warmUp' || !marks) return [];
  const out: SetRecord[] = [];
  if (set.weightKg !== null && (set.reps ?? 0) >= 1 && marks.heaviestKg !== null && set.weightKg > marks.heaviestKg + EPSILON) {
    out.push({ kind: 'heaviestWeight', valueKg: set.weightKg, previousKg: marks.heaviestKg });
  }
  const e = e1rm(set.weightKg, set.reps, formula);
  if (e !== null && marks.bestE1rmKg !== null && e > marks.bestE1rmKg + EPSILON) out.push({ kind: 'bestE1rm', valueKg: e, previousKg: marks.bestE1rmKg });
  return out;
}

function max(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
