// Calls of the Nutrition screens on the typed client: paths, bodies and answers come from the generated schema.
import { createOrQueue, householdPath, unwrap, type components, type ModuleContext } from '@trackstack/api';
import { putRecipePhoto } from './recipes/photo';
import { nutritionSummary } from './summary';

type S = components['schemas'];
export type Food = S['FoodResponse'];
export type Day = S['DiaryDayResponse'];
export type Targets = S['TargetsResponse'];
export type Summary = S['NutritionSummaryResponse'];
export type Recipe = S['RecipeResponse'];
export type RecipeSummary = S['RecipeSummaryResponse'];
export type LogBody = S['LogRequest'] & { id: string };
export type Proposal = S['SentenceProposalResponse'];
export type ProposedItem = S['ProposedItemResponse'];
export type Week = S['WeekResponse'];
export type ParsedLine = S['ParsedIngredientResponse'];
export type RecipeBody = S['RecipeRequest'];
export type WeekdayTarget = S['WeekdayTargetRequest'];

export function nutritionApi(ctx: ModuleContext) {
  const { typed } = ctx.client;
  const householdId = ctx.household.id;
  const path = { householdId };
  return {
    targets: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/nutrition/targets', { params: { path }, signal })),
    saveTargets: (body: S['TargetsRequest']) => unwrap(typed.PUT('/api/households/{householdId}/nutrition/targets', { params: { path }, body })),
    summary: nutritionSummary(ctx),
    /** Search as you type; an empty q gives the member's recent foods (the chips). */
    searchFoods: (q: string, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/nutrition/foods', { params: { path, query: { q, limit: 20 } }, signal })),
    /** A barcode: the household's food with it, else looked up in Open Food Facts (when on) and added as one. */
    findBarcode: (barcode: string) =>
      unwrap(typed.POST('/api/households/{householdId}/nutrition/foods/barcode', { params: { path }, body: { barcode } })),
    day: (date: string, signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/nutrition/log', { params: { path, query: { date } }, signal })),
    /** Through the offline queue: sent now when online, else kept and replayed (same client id = no-op). */
    log: (body: LogBody, label: string) => createOrQueue(ctx, householdPath(householdId, '/nutrition/log'), body, label),
    deleteEntry: (entryId: string) => unwrap(typed.DELETE('/api/households/{householdId}/nutrition/log/{entryId}', { params: { path: { householdId, entryId } } })),
    /** A typed sentence read into proposed items (nothing stored). */
    proposeFromSentence: (sentence: string) =>
      unwrap(typed.POST('/api/households/{householdId}/nutrition/log/sentence', { params: { path }, body: { sentence } })),
    copyLog: (body: S['CopyLogRequest']) => unwrap(typed.POST('/api/households/{householdId}/nutrition/log/copy', { params: { path }, body })),
    week: (date: string, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/nutrition/log/week', { params: { path, query: { date } }, signal })),
    parseLines: (lines: string[], signal?: AbortSignal) =>
      unwrap(typed.POST('/api/households/{householdId}/nutrition/ingredients/parse', { params: { path }, body: { lines, sentence: null }, signal })),
    addRecipe: (body: RecipeBody) => unwrap(typed.POST('/api/households/{householdId}/nutrition/recipes', { params: { path }, body })),
    changeRecipe: (recipeId: string, body: RecipeBody) =>
      unwrap(typed.PUT('/api/households/{householdId}/nutrition/recipes/{recipeId}', { params: { path: { householdId, recipeId } }, body })),
    /** Stores a recipe from one of a page address, its HTML or the recipe's JSON-LD; answers the stored recipe. */
    importRecipe: (body: S['ImportRecipeRequest']) =>
      unwrap(typed.POST('/api/households/{householdId}/nutrition/recipes/import', { params: { path }, body })),
    /** The JSON-LD download (a same-origin link: the session cookie goes with it). */
    exportUrl: (recipeId: string) => householdPath(householdId, `/nutrition/recipes/${recipeId}/export`),
    /** The recipe's photo (re-encoded by the server); not queued offline. */
    setPhoto: (recipeId: string, file: Blob) => putRecipePhoto(ctx.client, householdId, recipeId, file),
    deletePhoto: (recipeId: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/nutrition/recipes/{recipeId}/photo', { params: { path: { householdId, recipeId } } })),
    recipes: (signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/nutrition/recipes', { params: { path, query: { page: 1, pageSize: 100 } }, signal })),
    recipe: (recipeId: string, servings: number | null, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/nutrition/recipes/{recipeId}', {
        params: { path: { householdId, recipeId }, query: servings === null ? {} : { servings } }, signal,
      })),
  };
}

export type NutritionApi = ReturnType<typeof nutritionApi>;
