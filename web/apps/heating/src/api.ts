// Calls of the Heating screens on the typed client: paths, bodies and answers come from the generated schema.
import { createOrQueue, householdPath, unwrap, upload, type components, type ModuleContext } from '@trackstack/api';
import { heatingSummary } from './summary';

type S = components['schemas'];
export type HeatingSettings = S['HeatingSettingsResponse'];
export type Analysis = S['AnalysisResponse'];
export type Summary = S['HeatingSummaryResponse'];
export type TemperatureImport = S['TemperatureImportResponse'];

/** The stock tab lists the latest ten of each. */
const LATEST = { page: 1, pageSize: 10 };

export function heatingApi(ctx: ModuleContext) {
  const { typed } = ctx.client;
  const householdId = ctx.household.id;
  const path = { householdId };
  return {
    settings: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/heating/settings', { params: { path }, signal })),
    saveSettings: (body: S['HeatingSettingsRequest']) => unwrap(typed.PUT('/api/households/{householdId}/heating/settings', { params: { path }, body })),
    summary: heatingSummary(ctx),
    /** The analysis over [from, to] (yyyy-MM-dd); the server's default period without them. */
    analysis: (signal?: AbortSignal, period?: { from: string; to: string } | null) =>
      unwrap(typed.GET('/api/households/{householdId}/heating/analysis', { params: { path, query: period ?? {} }, signal })),
    stock: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/heating/stock', { params: { path }, signal })),
    refills: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/heating/refills', { params: { path, query: LATEST }, signal })),
    purchases: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/heating/purchases', { params: { path, query: LATEST }, signal })),
    /** Creates through the offline queue: sent now when online, else kept and replayed (same client id = no-op). */
    logRefill: (body: S['RefillRequest'] & { id: string }, label: string) => createOrQueue(ctx, householdPath(householdId, '/heating/refills'), body, label),
    addPurchase: (body: S['PurchaseRequest'] & { id: string }, label: string) => createOrQueue(ctx, householdPath(householdId, '/heating/purchases'), body, label),
    fetchTemperatures: () => unwrap(typed.POST('/api/households/{householdId}/heating/temperatures/fetch', { params: { path } })),
    updateRefill: (refillId: string, body: S['RefillRequest']) =>
      unwrap(typed.PUT('/api/households/{householdId}/heating/refills/{refillId}', { params: { path: { householdId, refillId } }, body })),
    updatePurchase: (purchaseId: string, body: S['PurchaseRequest']) =>
      unwrap(typed.PUT('/api/households/{householdId}/heating/purchases/{purchaseId}', { params: { path: { householdId, purchaseId } }, body })),
    deleteRefill: (refillId: string) => unwrap(typed.DELETE('/api/households/{householdId}/heating/refills/{refillId}', { params: { path: { householdId, refillId } } })),
    deletePurchase: (purchaseId: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/heating/purchases/{purchaseId}', { params: { path: { householdId, purchaseId } } })),
    importTemperatures: (file: File, dryRun: boolean, unit: 'c' | 'f') => {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('dryRun', dryRun ? 'true' : 'false');
      form.append('temperatureUnit', unit);
      return upload(ctx.client, '/api/households/{householdId}/heating/temperatures/import', path, form);
    },
  };
}

export type HeatingApi = ReturnType<typeof heatingApi>;
