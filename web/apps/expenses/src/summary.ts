// The one call the home card makes, in a file of its own: the home screen bundles this, not the whole Expenses API.
import { unwrap, type ModuleContext } from '@trackstack/api';

/** The month sheet's figures (income, spent, what is left per tank), money in cents. */
export function monthSummary(ctx: ModuleContext) {
  const householdId = ctx.household.id;
  return (month: string, signal?: AbortSignal) =>
    unwrap(ctx.client.typed.GET('/api/households/{householdId}/expenses/months/{month}', { params: { path: { householdId, month } }, signal }));
}
