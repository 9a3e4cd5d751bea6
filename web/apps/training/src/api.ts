// Calls of the Training screens on the typed client: paths, bodies and answers come from the generated schema.
import { createOrQueue, householdPath, unwrap, type components, type ModuleContext } from '@trackstack/api';
import { trainingSummary } from './summary';

type S = components['schemas'];
export type TrainingSettings = S['TrainingSettingsResponse'];
export type Summary = S['TrainingSummaryResponse'];
export type Exercise = S['ExerciseResponse'];
export type WorkoutSummary = S['WorkoutSummaryResponse'];
export type ExerciseRecords = S['ExerciseRecordsResponse'];
export type Routine = S['RoutineResponse'];
export type WorkoutDraft = S['WorkoutDraftResponse'];
export type WorkoutBody = S['WorkoutRequest'];

export function trainingApi(ctx: ModuleContext) {
  const { typed } = ctx.client;
  const householdId = ctx.household.id;
  const path = { householdId };
  return {
    settings: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/training/settings', { params: { path }, signal })),
    summary: trainingSummary(ctx),
    /** The whole library (it is about 140 exercises): searched on the device, also offline. */
    exercises: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/training/exercises', { params: { path, query: { pageSize: 500 } }, signal })),
    workouts: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/training/workouts', { params: { path, query: { page: 1, pageSize: 20 } }, signal })),
    records: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/training/records', { params: { path, query: { page: 1, pageSize: 100 } }, signal })),
    routines: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/training/routines', { params: { path, query: { page: 1, pageSize: 50 } }, signal })),
    startDay: (routineId: string, day: number, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/training/routines/{routineId}/days/{day}/start', { params: { path: { householdId, routineId, day } }, signal })),
    /** The finished workout through the offline queue: sent now when online, else kept and replayed (same id = stored once). */
    logWorkout: (body: WorkoutBody & { id: string }, label: string) => createOrQueue(ctx, householdPath(householdId, '/training/workouts'), body, label),
  };
}

export type TrainingApi = ReturnType<typeof trainingApi>;
