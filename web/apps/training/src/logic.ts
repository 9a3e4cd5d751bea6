// Gym-mode rules that need no screen: units, plate maths, the workout in progress and what comes next.

export const KG_PER_LB = 0.45359237;
export type Unit = 'kg' | 'lb';

/** A weight in the member's unit, rounded to what a gym can load (0.25 kg or 0.5 lb). */
export function toUnit(kg: number, unit: Unit): number {
  return unit === 'lb' ? Math.round((kg / KG_PER_LB) * 2) / 2 : Math.round(kg * 4) / 4;
}

export function toKg(value: number, unit: Unit): number {
  return unit === 'lb' ? Math.round(value * KG_PER_LB * 1000) / 1000 : value;
}

/** The plates for one side of a barbell, heaviest first; what cannot be made with them is the remainder. */
export function platesPerSide(total: number, bar = 20, plates = [25, 20, 15, 10, 5, 2.5, 1.25]): { plates: number[]; remainder: number } {
  let side = Math.max(0, (total - bar) / 2);
  const out: number[] = [];
  for (const p of plates) {
    while (side + 1e-9 >= p) { out.push(p); side -= p; }
  }
  return { plates: out, remainder: Math.round(side * 2 * 1000) / 1000 };
}

/** The routine's targets travel with the exercise (absent for an exercise added on the spot, and in workouts kept on
 * the device by an earlier version). */
export interface ExerciseTargets { repMin?: number; repMax?: number; targetRpe?: number | null; targetRir?: number | null; suggestion?: string | null }
export interface PlannedExercise extends ExerciseTargets { exerciseId: string; name: string; targetSets: number; restSeconds: number; planned: { weightKg: number | null; reps: number | null }[] }
export interface DoneSet { exerciseId: string; weightKg: number | null; reps: number | null; kind: 'working' | 'warmUp' | 'drop' | 'failure'; rpe?: number | null }

/** The RPE a set can be marked with in gym mode: the halves a lifter tells apart (the server takes 1 to 10 in halves). */
export const RPE_CHOICES = [6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10] as const;
export interface CurrentWorkout {
  id: string; name: string; startedAt: string; routineId: string | null; routineDay: number | null;
  exercises: PlannedExercise[]; done: DoneSet[]; current: number;
}

export function newWorkout(id: string, name: string, now: Date, exercises: PlannedExercise[] = [], routine?: { id: string; day: number }): CurrentWorkout {
  return { id, name, startedAt: now.toISOString(), routineId: routine?.id ?? null, routineDay: routine?.day ?? null, exercises, done: [], current: 0 };
}

export function doneOf(w: CurrentWorkout, index: number): DoneSet[] {
  const id = w.exercises[index]?.exerciseId;
  return w.done.filter((d) => d.exerciseId === id);
}

/** The set to do now for the current exercise: its number, and the weight and reps to start the steppers at
 * (the plan's, else the last done set's, else empty). */
export function nextSet(w: CurrentWorkout): { number: number; of: number; weightKg: number | null; reps: number | null } | null {
  const ex = w.exercises[w.current];
  if (!ex) return null;
  const done = doneOf(w, w.current);
  const plan = ex.planned[done.length];
  const last = done[done.length - 1];
  return { number: done.length + 1, of: ex.targetSets, weightKg: plan?.weightKg ?? last?.weightKg ?? null, reps: plan?.reps ?? last?.reps ?? null };
}

/** Completes a set of the current exercise; moves on when its target sets are done. */
export function completeSet(w: CurrentWorkout, set: Omit<DoneSet, 'exerciseId'>): CurrentWorkout {
  const ex = w.exercises[w.current];
  if (!ex) return w;
  const done = [...w.done, { ...set, exerciseId: ex.exerciseId }];
  const finished = done.filter((d) => d.exerciseId === ex.exerciseId).length >= ex.targetSets;
  const current = finished && w.current + 1 < w.exercises.length ? w.current + 1 : w.current;
  return { ...w, done, current };
}

export function volumeKg(done: DoneSet[]): number {
  return done.filter((d) => d.kind !== 'warmUp').reduce((sum, d) => sum + (d.weightKg ?? 0) * (d.reps ?? 0), 0);
}

/** The request that logs the finished workout (sets in the order they were done). */
export function toRequest(w: CurrentWorkout, now: Date) {
  return {
    id: w.id, name: w.name, notes: null, startedAt: w.startedAt, endedAt: now.toISOString(), routineId: w.routineId, routineDay: w.routineDay,
    sets: w.done.map((d) => ({ exerciseId: d.exerciseId, kind: d.kind, weightKg: d.weightKg, reps: d.reps, rpe: d.rpe ?? null, durationSeconds: null, distanceM: null, notes: null })),
  };
}

/** Per member and household: on a shared device the next member never sees (or logs as theirs) someone else's sets. */
const KEY = (householdId: string, userId: string | undefined) => `ts.training.workout:${userId ?? 'device'}:${householdId}`;

/** The workout in progress lives on the device, so a reload or a dead connection loses nothing. */
export function loadCurrent(householdId: string, userId?: string): CurrentWorkout | null {
  try {
    const text = localStorage.getItem(KEY(householdId, userId));
    return text ? (JSON.parse(text) as CurrentWorkout) : null;
  } catch {
    return null;
  }
}

export function saveCurrent(householdId: string, w: CurrentWorkout | null, userId?: string) {
  try {
    if (w) localStorage.setItem(KEY(householdId, userId), JSON.stringify(w));
    else localStorage.removeItem(KEY(householdId, userId));
  } catch { /* private mode: the workout lives as long as the page */ }
}
