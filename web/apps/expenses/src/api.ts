// Calls of the Expenses screens, typed with the generated schema. Money stays in cents here.
import { ApiError, createOrQueue, householdPath, readProblem, type ApiClient, type components, type ModuleContext } from '@trackstack/api';
import { filtersToQuery, type EntryFilters } from './logic';

type S = components['schemas'];
export type Settings = S['SettingsResponse'];
export type SettingsRequest = S['SettingsRequest'];
export type Category = S['CategoryResponse'];
export type Entry = S['EntryResponse'];
export type EntryRequest = S['EntryRequest'];
export type EntryPage = S['EntryPageResponse'];
export type MonthSummary = S['MonthSummaryResponse'];
export type Obligation = S['ObligationResponse'];
export type ChecklistTemplate = S['ChecklistTemplateResponse'];
export type ChecklistTemplateRequest = S['ChecklistTemplateRequest'];
export type RecurringTemplate = S['RecurringTemplateResponse'];
export type RecurringTemplateRequest = S['RecurringTemplateRequest'];
export type ImportResult = S['ImportResponse'];
export type ImportRow = S['ImportRowResponse'];
export type ImportSummary = S['ImportSummaryResponse'];

export const n = (v: number | string | null | undefined): number => {
  const x = typeof v === 'string' ? Number(v) : v;
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
};

interface Page<T> { items: T[]; page: number; pageSize: number; total: number }
const items = async <T,>(page: Promise<Page<T>>): Promise<T[]> => (await page).items;

export function expensesApi(ctx: ModuleContext) {
  const { client } = ctx;
  const hid = ctx.household.id;
  const p = (rest: string) => householdPath(hid, `/expenses${rest}`);
  const get = <T,>(rest: string, signal?: AbortSignal) => client.getJson<T>(p(rest), { signal });
  const send = <T,>(method: string, rest: string, body?: unknown) => client.sendJson<T>(method, p(rest), body);
  return {
    path: p,
    settings: (signal?: AbortSignal) => get<Settings>('/settings', signal),
    saveSettings: (body: SettingsRequest) => send<Settings>('PUT', '/settings', body),
    month: (m: string, signal?: AbortSignal) => get<MonthSummary>(`/months/${m}`, signal),
    openMonth: (m: string) => send<S['MonthStateResponse']>('POST', `/months/${m}/open`),
    closeMonth: (m: string) => send<S['MonthStateResponse']>('POST', `/months/${m}/close`),
    setMonthIncome: (m: string, incomeCents: number) => send<S['MonthStateResponse']>('PUT', `/months/${m}/income`, { incomeCents }),
    obligations: (m: string, signal?: AbortSignal) => get<Obligation[]>(`/months/${m}/obligations`, signal),
    tick: (m: string, id: string) => send<Obligation>('POST', `/months/${m}/obligations/${id}/tick`, {}),
    untick: (m: string, id: string) => send<Obligation>('POST', `/months/${m}/obligations/${id}/untick`, {}),
    entries: (f: EntryFilters, signal?: AbortSignal) => get<EntryPage>(`/entries${filtersToQuery(f)}`, signal),
    updateEntry: (id: string, body: EntryRequest) => send<Entry>('PUT', `/entries/${id}`, body),
    deleteEntry: (id: string) => send<void>('DELETE', `/entries/${id}`),
    /** Creates through the offline queue: sent now when online, else kept and replayed (same client id = no-op). */
    createEntry: (body: EntryRequest & { id: string }, label: string) => createOrQueue(ctx, p('/entries'), body, label),
    addCategory: (name: string, tankKey: string) => send<Category>('POST', '/categories', { name, tankKey, sortOrder: null }),
    updateCategory: (id: string, body: S['CategoryRequest']) => send<Category>('PUT', `/categories/${id}`, body),
    deleteCategory: (id: string, reassignTo?: string) => send<void>('DELETE', `/categories/${id}${reassignTo ? `?reassignTo=${encodeURIComponent(reassignTo)}` : ''}`),
    rules: (signal?: AbortSignal) => items(get<Page<S['RuleResponse']>>('/rules?pageSize=500', signal)),
    addRule: (b: S['RuleRequest']) => send<S['RuleResponse']>('POST', '/rules', b),
    deleteRule: (id: string) => send<void>('DELETE', `/rules/${id}`),
    applyRules: (b: S['ApplyRulesRequest']) => send<S['ApplyRulesResponse']>('POST', '/rules/apply', b),
    checklist: (signal?: AbortSignal) => items(get<Page<ChecklistTemplate>>('/checklist?pageSize=500', signal)),
    addChecklist: (b: ChecklistTemplateRequest) => send<ChecklistTemplate>('POST', '/checklist', b),
    updateChecklist: (id: string, b: ChecklistTemplateRequest) => send<ChecklistTemplate>('PUT', `/checklist/${id}`, b),
    deleteChecklist: (id: string) => send<void>('DELETE', `/checklist/${id}`),
    recurring: (signal?: AbortSignal) => items(get<Page<RecurringTemplate>>('/recurring?pageSize=500', signal)),
    addRecurring: (b: RecurringTemplateRequest) => send<RecurringTemplate>('POST', '/recurring', b),
    updateRecurring: (id: string, b: RecurringTemplateRequest) => send<RecurringTemplate>('PUT', `/recurring/${id}`, b),
    deleteRecurring: (id: string) => send<void>('DELETE', `/recurring/${id}`),
    import: (form: FormData) => upload<ImportResult>(client, p('/imports'), form),
    imports: (signal?: AbortSignal) => items(get<Page<ImportSummary>>('/imports?pageSize=100', signal)),
    undoImport: (id: string) => send<void>('DELETE', `/imports/${id}`),
    exportUrl: (format: 'csv' | 'json', month: string) => p(`/export?format=${format}&month=${encodeURIComponent(month)}`),
  };
}

export type ExpensesApi = ReturnType<typeof expensesApi>;

/** multipart/form-data POST through the wrapper (cookies, anti-CSRF header, refresh). */
export async function upload<T>(client: ApiClient, path: string, form: FormData): Promise<T> {
  let r: Response;
  try {
    r = await client.http.request(path, { method: 'POST', body: form });
  } catch {
    throw new ApiError(0, null);
  }
  if (!r.ok) throw new ApiError(r.status, await readProblem(r));
  return (await r.json()) as T;
}
