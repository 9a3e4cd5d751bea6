// The Nutrition screens' words (English). Figures come in formatted in the household's locale. See
// docs/translating.md.
export const en = {
  module: { label: 'Nutrition' },
  /** Meal names by the API's meal code. */
  meals: { breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner', snacks: 'Snacks' } as Record<string, string>,
  nutrients: {
    energy: 'Energy', protein: 'Protein', fat: 'Fat', saturated: 'of which saturated', carbohydrate: 'Carbohydrate',
    sugars: 'of which sugars', fibre: 'Fibre', sodium: 'Sodium',
  },
  unit: { kcal: 'kcal', g: 'g', mg: 'mg' },
  nutritionScreen: {
    title: 'Nutrition',
    tabs: { log: 'Log', recipes: 'Recipes', settings: 'Settings' },
    targets: 'Daily targets',
    logFood: 'Log food',
    today: 'Today',
  },
  homeCard: {
    title: 'Nutrition',
    kcalLeftToday: 'kcal left today',
    kcalOverToday: 'kcal over today',
    /** "30 g": grams formatted. */
    proteinGrams: (grams: string) => `${grams} g`,
    proteinToGo: 'protein to go',
    open: 'Open',
    openNutrition: 'Open Nutrition',
    notSetUp: 'Nutrition is not set up here yet. What you ate today and what is left will show up here.',
    couldNotLoad: 'Could not load nutrition.',
  },
  dayBars: {
    /** The day's lead: "640 kcal left, 38 g protein to go" (figures in the household's number format). */
    lead: (kcal: string, over: boolean, protein: string | null) =>
      `${kcal} kcal ${over ? 'over' : 'left'}, ${protein === null ? 'protein reached' : `${protein} g protein to go`}`,
    /** The meter's text alternative: "Energy: 2,300 kcal left of 2,300 (plenty left)". */
    meter: (label: string, remaining: string, unit: string, target: string, band: string) => `${label}: ${remaining} ${unit} left of ${target} (${band})`,
    leftOf: (target: string) => `left of ${target}`,
  },
  logPanel: {
    couldNotLog: 'Could not log it.',
    howManyGrams: 'How many grams did you eat?',
    /** The offline queue's name for a food waiting to be sent. */
    queueLabel: (food: string, grams: string) => `${food}, ${grams} g`,
    logged: (label: string) => `${label} logged.`,
    queued: (label: string) => `${label} saved on this device; it will be sent when you are back online.`,
    logFood: 'Log food',
    searchFoods: 'Search foods',
    searchPlaceholder: 'e.g. egg, oats, banana',
    recent: 'Recent',
    noMatch: 'No food matches. Try fewer or other words.',
    kcalPer100g: (kcal: string) => `${kcal} kcal / 100 g`,
    kcalPer100gDetail: (kcal: string) => ` · ${kcal} kcal per 100 g`,
    unitGrams: (unit: string, grams: string) => `${unit} = ${grams} g`,
    grams: 'Grams',
    meal: 'Meal',
    log: 'Log',
    today: 'Today',
    kcal: (kcal: string) => `${kcal} kcal`,
    entryGrams: (grams: string) => ` · ${grams} g`,
    entryKcal: (kcal: string) => ` · ${kcal} kcal`,
    couldNotLoadToday: 'Could not load today.',
  },
  recipesPanel: {
    recipes: 'Recipes',
    noRecipes: 'No recipes yet.',
    kcalPerServing: (kcal: string) => `${kcal} kcal per serving`,
    couldNotLoad: 'Could not load the recipes.',
    showing: (shown: string, total: string) => `Showing ${shown} of ${total}.`,
  },
  recipePage: {
    recipe: 'Recipe',
    back: 'Back',
    servings: 'Servings',
    fewer: 'Fewer servings',
    more: 'More servings',
    servingsCount: (n: string) => `${n} servings`,
    perServing: 'Per serving',
    ingredients: 'Ingredients',
    linkedGrams: (grams: string) => `, ${grams} g`,
    notLinked: ' · not linked',
    steps: 'Steps',
  },
  targetsForm: {
    couldNotSave: 'Could not save the targets.',
    typeKcal: 'Type the kcal per day, e.g. 2300.',
    typeProtein: 'Type the grams of protein per day, e.g. 120.',
    saved: 'Targets saved.',
    title: 'Daily targets',
    kcal: 'Energy (kcal per day)',
    protein: 'Protein (g per day)',
    shareDiary: ' Let the other members see my food diary',
    viewersCannot: 'Viewers cannot change targets.',
    save: 'Save targets',
  },
};

export type NutritionStrings = typeof en;

/** The strings in use: one language for now. */
export const t: NutritionStrings = en;
