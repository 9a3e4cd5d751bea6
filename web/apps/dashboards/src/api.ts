// Calls of the Dashboards screens on the typed client: the Dashboards API (definitions) and the Metrics API (the
// widgets' figures, the metric and tag pickers, products and keys). Paths and shapes come from the generated schema.
import { householdPath, unwrap, upload, type components, type ModuleContext } from '@trackstack/api';
import { dashboardsSummary } from './summary';
import type { MetricsQuery } from './widgets';

type S = components['schemas'];
export type DashboardSummary = S['DashboardSummaryResponse'];
export type Dashboard = S['DashboardResponse'];
export type Widget = S['WidgetResponse'];
export type WidgetBody = S['WidgetRequest'];
export type DashboardTemplate = S['DashboardTemplateResponse'];
export type DashboardDocument = S['DashboardDocumentRequest'];
export type QueryAnswer = S['QueryResponse'];
export type MetricName = S['MetricNameResponse'];
export type TagValues = S['TagValuesResponse'];
export type Product = S['ProductResponse'];
export type ApiKey = S['ApiKeyResponse'];
export type CreatedApiKey = S['CreatedApiKeyResponse'];
export type AwsCostImport = S['AwsCostImportResponse'];
export type Schedule = S['ScheduleResponse'];
export type ScheduleBody = S['ScheduleRequest'];
export type Delivery = S['DeliveryResponse'];
export type Member = S['MemberResponse'];
export type AlertRule = S['AlertRuleResponse'];
export type AlertRuleBody = S['AlertRuleRequest'];
export type CreatedAlertRule = S['CreatedAlertRuleResponse'];
export type AlertTest = S['AlertTestResponse'];
export type AlertFiring = S['AlertFiringResponse'];

export function dashboardsApi(ctx: ModuleContext) {
  const { typed } = ctx.client;
  const householdId = ctx.household.id;
  const path = { householdId };
  return {
    list: dashboardsSummary(ctx),
    templates: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/dashboards/templates', { params: { path }, signal })),
    get: (dashboardId: string, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/dashboards/{dashboardId}', { params: { path: { householdId, dashboardId } }, signal })),
    create: (body: { name: string; description?: string | null; template?: string | null }) =>
      unwrap(typed.POST('/api/households/{householdId}/dashboards', { params: { path }, body: { name: body.name, description: body.description ?? null, template: body.template ?? null } })),
    save: (dashboardId: string, body: { name: string; description: string | null; widgets: WidgetBody[]; version: number }) =>
      unwrap(typed.PUT('/api/households/{householdId}/dashboards/{dashboardId}', { params: { path: { householdId, dashboardId } }, body })),
    remove: (dashboardId: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/dashboards/{dashboardId}', { params: { path: { householdId, dashboardId } } })),
    import: (document: DashboardDocument) => unwrap(typed.POST('/api/households/{householdId}/dashboards/import', { params: { path }, body: document })),
    /** A download link (the browser fetches it with the session cookie), so a path rather than a call. */
    exportUrl: (dashboardId: string) => householdPath(householdId, `/dashboards/${encodeURIComponent(dashboardId)}/export`),

    query: (q: MetricsQuery, signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/metrics/query', { params: { path, query: q }, signal })),
    metrics: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/metrics/metrics', { params: { path }, signal })),
    tags: (metric: string, signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/metrics/tags', { params: { path, query: { metric } }, signal })),

    products: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/metrics/products', { params: { path, query: { page: 1, pageSize: 100 } }, signal })),
    createProduct: (body: { name: string; description: string | null }) =>
      unwrap(typed.POST('/api/households/{householdId}/metrics/products', { params: { path }, body: { name: body.name, description: body.description, retentionDays: null } })),
    deleteProduct: (productId: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/metrics/products/{productId}', { params: { path: { householdId, productId } } })),
    keys: (productId: string, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/metrics/products/{productId}/keys', { params: { path: { householdId, productId } }, signal })),
    createKey: (productId: string, body: { name: string; scopes: string[]; expiresAt: string | null }) =>
      unwrap(typed.POST('/api/households/{householdId}/metrics/products/{productId}/keys', { params: { path: { householdId, productId } }, body })),
    importAwsCosts: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return upload(ctx.client, '/api/households/{householdId}/metrics/costs/aws', path, form);
    },
    schedules: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/reports/schedules', { params: { path }, signal })),
    createSchedule: (body: ScheduleBody) => unwrap(typed.POST('/api/households/{householdId}/reports/schedules', { params: { path }, body })),
    saveSchedule: (id: string, body: ScheduleBody) =>
      unwrap(typed.PUT('/api/households/{householdId}/reports/schedules/{id}', { params: { path: { householdId, id } }, body })),
    deleteSchedule: (id: string) => unwrap(typed.DELETE('/api/households/{householdId}/reports/schedules/{id}', { params: { path: { householdId, id } } })),
    sendNow: (id: string) => unwrap(typed.POST('/api/households/{householdId}/reports/schedules/{id}/send', { params: { path: { householdId, id } } })),
    /** The e-mail's HTML, opened in a new tab with the session cookie: a path rather than a call. */
    previewUrl: (id: string) => householdPath(householdId, `/reports/schedules/${encodeURIComponent(id)}/preview`),
    sendTimes: (q: { frequency: string; weekday?: number; dayOfMonth?: number; cron?: string; sendAt?: string }, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/reports/send-times', { params: { path, query: q }, signal })),
    deliveries: (signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/reports/deliveries', { params: { path, query: { page: 1, pageSize: 20 } }, signal })),
    alerts: (signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/metrics/alerts', { params: { path, query: { page: 1, pageSize: 100 } }, signal })),
    createAlert: (body: AlertRuleBody) => unwrap(typed.POST('/api/households/{householdId}/metrics/alerts', { params: { path }, body })),
    saveAlert: (ruleId: string, body: AlertRuleBody) =>
      unwrap(typed.PUT('/api/households/{householdId}/metrics/alerts/{ruleId}', { params: { path: { householdId, ruleId } }, body })),
    deleteAlert: (ruleId: string) => unwrap(typed.DELETE('/api/households/{householdId}/metrics/alerts/{ruleId}', { params: { path: { householdId, ruleId } } })),
    /** The condition now, as the next evaluation would see it; writes nothing (members and admins). */
    testAlert: (ruleId: string) => unwrap(typed.POST('/api/households/{householdId}/metrics/alerts/{ruleId}/test', { params: { path: { householdId, ruleId } } })),
    firings: (ruleId: string, page: number, pageSize: number, signal?: AbortSignal) =>
      unwrap(typed.GET('/api/households/{householdId}/metrics/alerts/{ruleId}/firings', { params: { path: { householdId, ruleId }, query: { page, pageSize } }, signal })),
    members: (signal?: AbortSignal) => unwrap(typed.GET('/api/households/{householdId}/members', { params: { path }, signal })),

    revokeKey: (productId: string, keyId: string) =>
      unwrap(typed.DELETE('/api/households/{householdId}/metrics/products/{productId}/keys/{keyId}', { params: { path: { householdId, productId, keyId } } })),
  };
}

export type DashboardsApi = ReturnType<typeof dashboardsApi>;
