import { ApiError, createOrQueue, householdPath, readProblem, type components, type ModuleContext } from '@trackstack/api';

type S = components['schemas'];
export type HeatingSettings = S['HeatingSettingsResponse'];
export type HeatingSettingsRequest = S['HeatingSettingsRequest'];
export type Analysis = S['AnalysisResponse'];
export type Summary = S['HeatingSummaryResponse'];
export type Stock = S['StockResponse'];
export type Refill = S['RefillResponse'];
export type Purchase = S['PurchaseResponse'];
export type RefillPage = S['PagedResponseOfRefillResponse'];
export type PurchasePage = S['PagedResponseOfPurchaseResponse'];
export type TemperatureImport = S['TemperatureImportResponse'];
export type TemperatureFetch = S['TemperatureFetchResponse'];

export const num = (v: number | string | null | undefined): number | null => {
  const x = typeof v === 'string' ? Number(v) : v;
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
};

export function heatingApi(ctx: ModuleContext) {
  const { client } = ctx;
  const p = (rest: string) => householdPath(ctx.household.id, `/heating${rest}`);
  const get = <T,>(rest: string, signal?: AbortSignal) => client.getJson<T>(p(rest), { signal });
  const send = <T,>(method: string, rest: string, body?: unknown) => client.sendJson<T>(method, p(rest), body);
  const create = (rest: string, body: Record<string, unknown> & { id: string }, label: string) => createOrQueue(ctx, p(rest), body, label);
  return {
    settings: (s?: AbortSignal) => get<HeatingSettings>('/settings', s),
    saveSettings: (b: HeatingSettingsRequest) => send<HeatingSettings>('PUT', '/settings', b),
    summary: (s?: AbortSignal) => get<Summary>('/summary', s),
    analysis: (s?: AbortSignal) => get<Analysis>('/analysis', s),
    stock: (s?: AbortSignal) => get<Stock>('/stock', s),
    refills: (s?: AbortSignal) => get<RefillPage>('/refills?pageSize=10', s),
    purchases: (s?: AbortSignal) => get<PurchasePage>('/purchases?pageSize=10', s),
    logRefill: (b: { id: string; date: string; quantity: number | null; meterReading: number | null; note: string | null }, label: string) => create('/refills', b, label),
    addPurchase: (b: { id: string; date: string; quantity: number; unit: string | null; totalPriceCents: number | null; supplier: string | null; note: string | null }, label: string) => create('/purchases', b, label),
    fetchTemperatures: () => send<TemperatureFetch>('POST', '/temperatures/fetch'),
    updateRefill: (id: string, b: S['RefillRequest']) => send<Refill>('PUT', `/refills/${id}`, b),
    updatePurchase: (id: string, b: S['PurchaseRequest']) => send<Purchase>('PUT', `/purchases/${id}`, b),
    deleteRefill: (id: string) => send<void>('DELETE', `/refills/${id}`),
    deletePurchase: (id: string) => send<void>('DELETE', `/purchases/${id}`),
    importTemperatures: async (file: File, dryRun: boolean, unit: 'c' | 'f') => {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('dryRun', dryRun ? 'true' : 'false');
      form.append('temperatureUnit', unit);
      let r: Response;
      try { r = await client.http.request(p('/temperatures/import'), { method: 'POST', body: form }); } catch { throw new ApiError(0, null); }
      if (!r.ok) throw new ApiError(r.status, await readProblem(r));
      return (await r.json()) as TemperatureImport;
    },
  };
}
export type HeatingApi = ReturnType<typeof heatingApi>;
