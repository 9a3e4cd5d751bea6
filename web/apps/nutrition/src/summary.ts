// The one call the home card makes, in a file of its own: the home screen bundles this, not the whole Nutrition API.
import { unwrap, type ModuleContext } from '@trackstack/api';

/** Today: kcal left and protein to go. */
export function nutritionSummary(ctx: ModuleContext) {
  const householdId = ctx.household.id;
  return (signal?: AbortSignal) => unwrap(ctx.client.typed.GET('/api/households/{householdId}/nutrition/summary', { params: { path: { householdId } }, signal }));
}
