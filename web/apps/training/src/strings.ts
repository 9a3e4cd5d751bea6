// The Training screens' English words, in one place (docs/translating.md).
import type { PluralForms } from '@trackstack/ui';

export const words = {
  session: { one: 'session', other: 'sessions' } as PluralForms,
  set: { one: 'set', other: 'sets' } as PluralForms,
  notSetUp: 'Training is not set up here yet. Your last workout and this week’s sessions will show up here.',
  couldNotLoad: 'Could not load training.',
  saved: 'Workout saved.',
  queued: 'Workout saved on this device. It will be sent when you are back online.',
  noExercise: 'Add an exercise to start.',
};
