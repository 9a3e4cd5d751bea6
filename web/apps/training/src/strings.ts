// The Training screens' words (English). Figures come in formatted in the household's locale; counts use the UI
// language's plural rules (@trackstack/ui strings). See docs/translating.md.
import { plural, type PluralForms } from '@trackstack/ui';

const forms = {
  session: { one: 'session', other: 'sessions' } as PluralForms,
  set: { one: 'set', other: 'sets' } as PluralForms,
};

export const en = {
  module: { label: 'Training' },
  forms,
  /** "3 sets": the count formatted, the raw count for the plural. */
  sets: (count: number, formatted: string) => `${formatted} ${plural(count, forms.set)}`,
  trainingScreen: {
    title: 'Training',
    tabs: { gym: 'Gym', history: 'History' },
    startWorkout: 'Start a workout',
  },
  homeCard: {
    title: 'Training',
    /** "sessions this week": the word for the count, then the rest. */
    sessionsThisWeek: (count: number) => `${plural(count, forms.session)} this week`,
    liftedThisWeek: (unit: string) => `${unit} lifted this week`,
    lastWorkout: (date: string, sets: string) => `last workout, ${date}, ${sets}`,
    noWorkoutYet: 'no workout yet',
    open: 'Open',
    openTraining: 'Open Training',
    notSetUp: 'Training is not set up here yet. Your last workout and this week’s sessions will show up here.',
    couldNotLoad: 'Could not load training.',
  },
  gymPanel: {
    gym: 'Gym',
    viewersRead: 'Viewers read the log; members log workouts.',
    couldNotStartDay: 'Could not start the routine day.',
    startWorkout: 'Start a workout',
    /** The name of a workout started without a routine. */
    defaultName: 'Workout',
    startEmpty: 'Start an empty workout',
    /** The offline queue's name for a workout waiting to be sent: "Push day, 12 sets". */
    queueLabel: (name: string, sets: string) => `${name}, ${sets}`,
    saved: 'Workout saved.',
    queued: 'Workout saved on this device. It will be sent when you are back online.',
    couldNotSave: 'Could not save the workout.',
    setOf: (n: string, of: string) => `Set ${n} of ${of}`,
    lessWeight: 'Less weight',
    weight: (unit: string) => `Weight (${unit})`,
    moreWeight: 'More weight',
    perSide: (plates: string) => `Per side: ${plates}`,
    barOnly: 'the bar only',
    notMade: (kg: string) => ` (+${kg} kg not made)`,
    repLess: 'One rep less',
    reps: 'Reps',
    repMore: 'One rep more',
    kindOfSet: 'Kind of set',
    kinds: { working: 'Working', warmUp: 'Warm-up', drop: 'Drop', failure: 'Failure' },
    completeSet: 'Complete set',
    noExercise: 'Add an exercise to start.',
    exercises: 'Exercises',
    doneSoFar: 'Done so far',
    finish: 'Finish workout',
    discardConfirm: 'Discard this workout?',
    discard: 'Discard',
    lastSet: 'Last set of the plan.',
    next: (name: string, detail: string) => `Next: ${name}${detail}`,
    addExercise: 'Add exercise',
    findExercise: 'Find an exercise',
    couldNotLoadExercises: 'Could not load the exercises.',
  },
  restTimer: {
    rest: (mm: string, ss: string) => `Rest ${mm}:${ss}`,
    skip: 'Skip rest',
    over: 'Rest is over',
    nextSet: 'Time for the next set.',
  },
  historyPanel: {
    workouts: 'Workouts',
    noWorkoutYet: 'No workout yet.',
    latest: (shown: string, total: string) => `The latest ${shown} of ${total}.`,
    records: 'Records',
    noRecords: 'Records show up after your first workouts.',
    heaviest: (weight: string) => ` · heaviest ${weight}`,
    e1rm: (weight: string) => ` · e1RM ${weight}`,
  },
};

export type TrainingStrings = typeof en;

/** The strings in use: one language for now. */
export const t: TrainingStrings = en;
