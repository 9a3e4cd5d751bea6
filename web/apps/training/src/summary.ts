// The one call the home card makes, in a file of its own: the home screen bundles this, not the whole Training API.
import { unwrap, type ModuleContext } from '@trackstack/api';

/** The signed-in member's last workout, and sessions, sets and volume this week. */
export function trainingSummary(ctx: ModuleContext) {
  const householdId = ctx.household.id;
  return (signal?: AbortSignal) => unwrap(ctx.client.typed.GET('/api/households/{householdId}/training/summary', { params: { path: { householdId } }, signal }));
}
