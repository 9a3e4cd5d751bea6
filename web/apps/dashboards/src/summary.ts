// The one call the home card makes, in a file of its own: the home screen bundles this, not the whole Dashboards API.
import { unwrap, type ModuleContext } from '@trackstack/api';

/** The household's dashboards (the first list also creates "Household at a glance"). */
export function dashboardsSummary(ctx: ModuleContext) {
  const householdId = ctx.household.id;
  return (signal?: AbortSignal) => unwrap(ctx.client.typed.GET('/api/households/{householdId}/dashboards', { params: { path: { householdId } }, signal }));
}
