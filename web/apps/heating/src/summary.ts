// The one call the home card makes, in a file of its own: the home screen bundles this, not the whole Heating API.
import { unwrap, type ModuleContext } from '@trackstack/api';

/** Days since the last refill, stock, and this season against the last. */
export function heatingSummary(ctx: ModuleContext) {
  const householdId = ctx.household.id;
  return (signal?: AbortSignal) => unwrap(ctx.client.typed.GET('/api/households/{householdId}/heating/summary', { params: { path: { householdId } }, signal }));
}
