// The routine editor's state: text fields as typed (so a half-typed number stays on screen), turned into the API's
// body on save. Weights are shown in the member's unit and sent in kilograms.
import type { Routine, RoutineBody } from '../api';
import { toKg, toUnit, type Unit } from '../logic';

export type Effort = 'none' | 'rpe' | 'rir';
export type Rule = 'none' | 'doubleProgression' | 'linear';

export interface DraftExercise {
  exerciseId: string; name: string; sets: string; repMin: string; repMax: string;
  effort: Effort; effortValue: string; rest: string; superset: string; progression: Rule; increment: string;
}
export interface DraftDay { name: string; exercises: DraftExercise[] }
export interface RoutineDraft { id: string; isNew: boolean; name: string; days: DraftDay[] }

const num = (text: string): number | null => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
};
/** A number with at most two decimals, as typed in the unit. */
const shown = (n: number) => String(Math.round(n * 100) / 100);

/** A new exercise of a day: 3 × 8–12, 90 s rest, double progression by the usual plate step (2.5 kg or 5 lb). */
export function newExercise(exerciseId: string, name: string, unit: Unit): DraftExercise {
  return { exerciseId, name, sets: '3', repMin: '8', repMax: '12', effort: 'none', effortValue: '', rest: '90', superset: '', progression: 'doubleProgression', increment: unit === 'lb' ? '5' : '2.5' };
}

export function emptyRoutine(id: string, dayName: string): RoutineDraft {
  return { id, isNew: true, name: '', days: [{ name: dayName, exercises: [] }] };
}

export function toDraft(r: Routine, names: ReadonlyMap<string, string>, unit: Unit): RoutineDraft {
  return {
    id: r.id, isNew: false, name: r.name,
    days: r.days.map((d) => ({
      name: d.name,
      exercises: d.exercises.map((e) => ({
        exerciseId: e.exerciseId, name: names.get(e.exerciseId) ?? '?', sets: String(e.sets), repMin: String(e.repMin), repMax: String(e.repMax),
        effort: e.targetRpe != null ? 'rpe' : e.targetRir != null ? 'rir' : 'none',
        effortValue: e.targetRpe != null ? String(e.targetRpe) : e.targetRir != null ? String(e.targetRir) : '',
        rest: String(e.restSeconds), superset: e.superset ?? '', progression: (e.progression as Rule) ?? 'none', increment: shown(toUnit(e.incrementKg, unit)),
      })),
    })),
  };
}

/** The body to send: empty fields are left to the server's defaults, and it answers what is out of range. */
export function toBody(d: RoutineDraft, unit: Unit): RoutineBody {
  return {
    id: d.isNew ? d.id : null,
    name: d.name.trim(),
    days: d.days.map((day) => ({
      name: day.name.trim(),
      exercises: day.exercises.map((e) => {
        const inc = num(e.increment);
        const effort = num(e.effortValue);
        return {
          exerciseId: e.exerciseId, sets: num(e.sets), repMin: num(e.repMin), repMax: num(e.repMax),
          targetRpe: e.effort === 'rpe' ? effort : null, targetRir: e.effort === 'rir' ? effort : null,
          restSeconds: num(e.rest), superset: e.superset.trim() || null, progression: e.progression,
          incrementKg: inc === null ? null : Math.round(toKg(inc, unit) * 1000) / 1000,
        };
      }),
    })),
  };
}

/** The list with item i moved by `by` places (kept inside the list). */
export function move<T>(list: readonly T[], i: number, by: number): T[] {
  const j = Math.max(0, Math.min(list.length - 1, i + by));
  const copy = [...list];
  const [item] = copy.splice(i, 1);
  copy.splice(j, 0, item);
  return copy;
}
