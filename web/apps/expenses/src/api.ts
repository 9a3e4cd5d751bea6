// Calls of the Expenses screens on the typed client: paths, bodies and answers come from the generated schema.
// Money stays in cents here.
import { createOrQueue, householdPath, unwrap, upload, type components, type ModuleContext } from '@trackstack/api';
import { entryQuery, type EntryFilters } from './logic';
import { monthSummary } from './summary';

type S = components['schemas'];
export type Settings = S['SettingsResponse'];
export type Category = S['CategoryResponse'];
export type Entry = S['EntryResponse'];
export type EntryRequest = S['EntryRequest'];
export type MonthSummary = S['MonthSummaryResponse'];
export type ChecklistTemplate = S['ChecklistTemplateResponse'];
export type ChecklistTemplateRequest = S['ChecklistTemplateRequest'];
export type RecurringTemplate = S['RecurringTemplateResponse'];
export type RecurringTemplateRequest = S['RecurringTemplateRequest'];
export type ImportResult = S['ImportResponse'];

/** Lists the settings show in full (the server pages every list; 500 is its largest page). */
const ALL = { page: 1, pageSize: 500 };

export function expensesApi(ctx: ModuleContext) {
  const { typed } = ctx.client;
  const householdId = ctx.household.id;
  const path = { householdId };
  const inMonth = (month: string) => ({ householdId, month });
  return {
    settings: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/expenses/settings', { params: { path }, signal })),
    saveSettings: (body: S['SettingsRequest']) => unwrap(typed.PUT('/api/households/{householdId}/expenses/settings', { params: { path }, body })),
    month: monthSummary(ctx),
    openMonth: (month: string) => unwrap(typed.POST('/api/households/{householdId}/expenses/months/{month}/open', { params: { path: inMonth(month) } })),
    closeMonth: (month: string) => unwrap(typed.POST('/api/households/{householdId}/expenses/months/{month}/close', { params: { path: inMonth(month) } })),
    setMonthIncome: (month: string, incomeCents: number) =>
      unwrap(typed.PUT('/api/households/{householdId}/expenses/months/{month}/income', { params: { path: inMonth(month) }, body: { incomeCents } })),
    obligations: (month: string, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/expenses/months/{month}/obligations', { params: { path: inMonth(month) }, signal })),
    tick: (month: string, obligationId: string) =>
      unwrap(typed.POST('/api/households/{householdId}/expenses/months/{month}/obligations/{obligationId}/tick', { params: { path: { ...inMonth(month), obligationId } } })),
    untick: (month: string, obligationId: string) =>
      unwrap(typed.POST('/api/households/{householdId}/expenses/months/{month}/obligations/{obligationId}/untick', { params: { path: { ...inMonth(month), obligationId } } })),
    entries: (filters: EntryFilters, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/expenses/entries', { params: { path, query: entryQuery(filters) }, signal })),
    updateEntry: (entryId: string, body: EntryRequest) =>
      unwrap(typed.PUT('/api/households/{householdId}/expenses/entries/{entryId}', { params: { path: { householdId, entryId } }, body })),
    /** Re-categorise or delete several entries in one transaction; ids of other households come back in notFound. */
    bulkEntries: (body: S['BulkEntriesRequest']) => unwrap(typed.POST('/api/households/{householdId}/expenses/entries/bulk', { params: { path }, body })),
    deleteEntry: (entryId: string) => unwrap(typed.DELETE('/api/households/{householdId}/expenses/entries/{entryId}', { params: { path: { householdId, entryId } } })),
    /** Creates through the offline queue: sent now when online, else kept and replayed (same client id = no-op). */
    createEntry: (body: EntryRequest & { id: string }, label: string) => createOrQueue(ctx, householdPath(householdId, '/expenses/entries'), body, label),
    addCategory: (name: string, tankKey: string) =>
      unwrap(typed.POST('/api/households/{householdId}/expenses/categories', { params: { path }, body: { name, tankKey, sortOrder: null } })),
    updateCategory: (categoryId: string, body: S['CategoryRequest']) =>
      unwrap(typed.PUT('/api/households/{householdId}/expenses/categories/{categoryId}', { params: { path: { householdId, categoryId } }, body })),
    deleteCategory: (categoryId: string, reassignTo?: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/expenses/categories/{categoryId}', { params: { path: { householdId, categoryId }, query: { reassignTo } } })),
    rules: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/expenses/rules', { params: { path, query: ALL }, signal })),
    addRule: (body: S['RuleRequest']) => unwrap(typed.POST('/api/households/{householdId}/expenses/rules', { params: { path }, body })),
    deleteRule: (ruleId: string) => unwrap(typed.DELETE('/api/households/{householdId}/expenses/rules/{ruleId}', { params: { path: { householdId, ruleId } } })),
    applyRules: (body: S['ApplyRulesRequest']) => unwrap(typed.POST('/api/households/{householdId}/expenses/rules/apply', { params: { path }, body })),
    checklist: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/expenses/checklist', { params: { path, query: ALL }, signal })),
    addChecklist: (body: ChecklistTemplateRequest) => unwrap(typed.POST('/api/households/{householdId}/expenses/checklist', { params: { path }, body })),
    updateChecklist: (templateId: string, body: ChecklistTemplateRequest) =>
      unwrap(typed.PUT('/api/households/{householdId}/expenses/checklist/{templateId}', { params: { path: { householdId, templateId } }, body })),
    deleteChecklist: (templateId: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/expenses/checklist/{templateId}', { params: { path: { householdId, templateId } } })),
    recurring: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/expenses/recurring', { params: { path, query: ALL }, signal })),
    addRecurring: (body: RecurringTemplateRequest) => unwrap(typed.POST('/api/households/{householdId}/expenses/recurring', { params: { path }, body })),
    updateRecurring: (templateId: string, body: RecurringTemplateRequest) =>
      unwrap(typed.PUT('/api/households/{householdId}/expenses/recurring/{templateId}', { params: { path: { householdId, templateId } }, body })),
    deleteRecurring: (templateId: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/expenses/recurring/{templateId}', { params: { path: { householdId, templateId } } })),
    import: (form: FormData) => upload(ctx.client, '/api/households/{householdId}/expenses/imports', path, form),
    /** The latest 100 imports, newest first. */
    imports: (signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/expenses/imports', { params: { path, query: { page: 1, pageSize: 100 } }, signal })),
    undoImport: (importId: string) => unwrap(typed.DELETE('/api/households/{householdId}/expenses/imports/{importId}', { params: { path: { householdId, importId } } })),
    /** A download link (the browser fetches it), so a path rather than a call. */
    exportUrl: (format: 'csv' | 'json', month: string) => householdPath(householdId, `/expenses/export?format=${format}&month=${encodeURIComponent(month)}`),
  };
}

export type ExpensesApi = ReturnType<typeof expensesApi>;
