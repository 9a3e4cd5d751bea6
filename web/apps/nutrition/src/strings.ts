// The Nutrition screens' English sentences, in one place so a translation is one file (docs/translating.md).
export const strings = {
  kcalLeft: (n: number) => (n >= 0 ? `${n} kcal left` : `${-n} kcal over`),
  proteinToGo: (n: number) => (n > 0 ? `${n} g protein to go` : 'protein reached'),
  notSetUp: 'Nutrition is not set up here yet. What you ate today and what is left will show up here.',
  loadFailed: 'Could not load nutrition.',
  logged: (label: string) => `${label} logged.`,
  queued: (label: string) => `${label} saved on this device; it will be sent when you are back online.`,
  noMatch: 'No food matches. Try fewer or other words.',
  recent: 'Recent',
  meals: { breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner', snacks: 'Snacks' } as Record<string, string>,
  targetsSaved: 'Targets saved.',
};
