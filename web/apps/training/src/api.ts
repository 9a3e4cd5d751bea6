// Calls of the Training screens on the typed client: paths, bodies and answers come from the generated schema.
import { createOrQueue, householdPath, unwrap, upload, type components, type ModuleContext } from '@trackstack/api';
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
export type RoutineBody = S['RoutineRequest'];
export type ExerciseSession = S['ExerciseSessionResponse'];
export type MuscleVolume = S['MuscleVolumeResponse'];
export type BodyWeight = S['BodyWeightResponse'];
export type ImportAnswer = S['WorkoutImportResponse'];

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
    routine: (routineId: string, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/training/routines/{routineId}', { params: { path: { householdId, routineId } }, signal })),
    createRoutine: (body: RoutineBody) => unwrap(typed.POST('/api/households/{householdId}/training/routines', { params: { path }, body })),
    changeRoutine: (routineId: string, body: RoutineBody) =>
      unwrap(typed.PUT('/api/households/{householdId}/training/routines/{routineId}', { params: { path: { householdId, routineId } }, body })),
    deleteRoutine: (routineId: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/training/routines/{routineId}', { params: { path: { householdId, routineId } } })),
    /** An exercise's sessions, newest first: what its e1RM chart plots. */
    history: (exerciseId: string, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/training/exercises/{exerciseId}/history', { params: { path: { householdId, exerciseId }, query: { page: 1, pageSize: 100 } }, signal })),
    volume: (weeks: number, signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/training/volume', { params: { path, query: { weeks } }, signal })),
    bodyWeights: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/training/body-weight', { params: { path, query: { page: 1, pageSize: 120 } }, signal })),
    logBodyWeight: (body: { id: string; date: string; weightKg: number }, label: string) => createOrQueue(ctx, householdPath(householdId, '/training/body-weight'), body, label),
    /** The Strong or Hevy file: dryRun only counts; mappings send names of the file to chosen exercises. */
    importFile: (file: File, dryRun: boolean, mappings: Record<string, string>) => {
      const form = new FormData();
      form.append('file', file);
      form.append('dryRun', String(dryRun));
      if (Object.keys(mappings).length > 0) form.append('mappings', JSON.stringify(mappings));
      return upload(ctx.client, '/api/households/{householdId}/training/imports', path, form);
    },
    startDay: (routineId: string, day: number, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/training/routines/{routineId}/days/{day}/start', { params: { path: { householdId, routineId, day } }, signal })),
    /** The finished workout through the offline queue: sent now when online, else kept and replayed (same id = stored once). */
    logWorkout: (body: WorkoutBody & { id: string }, label: string) => createOrQueue(ctx, householdPath(householdId, '/training/workouts'), body, label),
  };
}

export type TrainingApi = ReturnType<typeof trainingApi>;
