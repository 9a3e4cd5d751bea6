// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createApiClient, type ModuleContext } from '@trackstack/api';
import { mount } from '../src/index';
import { DashboardsHomeCard } from '../src/DashboardsHomeCard';
import { button, cleanup, click, render, settle } from '../../../packages/ui/test/render';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

const widget = (id: string, kind: string, title: string, width: number, query: Record<string, unknown>, target: number | null = null) =>
  ({ id, kind, title, width, target, query: { agg: 'sum', bucket: 'day', range: 'this-month', groupBy: null, where: [], product: null, ...query } });
const glance = {
  id: 'd1', name: 'Household at a glance', description: null, position: 0, version: 3, updatedAt: '2026-12-01T08:00:00Z',
  widgets: [
    widget('w1', 'number', 'Spent this month', 1, { metric: 'expenses.spent' }),
    widget('w2', 'progress', 'Calories left', 2, { metric: 'nutrition.kcal', range: 'today' }, 2300),
    widget('w3', 'bar', 'By tank', 4, { metric: 'expenses.spent', bucket: 'month', range: 'last-12-months', groupBy: 'tank' }),
  ],
};
const summary = { id: 'd1', name: 'Household at a glance', description: null, position: 0, widgetCount: 3, updatedAt: '2026-12-01T08:00:00Z' };

type Handler = (r: Request, path: string, url: URL) => Response | Promise<Response> | undefined;

function context(handler: Handler, role = 'owner'): { ctx: ModuleContext; requests: { method: string; url: URL; body: unknown }[] } {
  const requests: { method: string; url: URL; body: unknown }[] = [];
  const client = createApiClient({
    baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {},
    fetch: async (r) => {
      const url = new URL(r.url);
      const text = r.method === 'GET' || r.method === 'DELETE' ? '' : await r.clone().text();
      requests.push({ method: r.method, url, body: text ? JSON.parse(text) : null });
      const path = url.pathname.replace(/\/$/, '');
      return (await handler(r, path, url)) ?? reads(r, path, url) ?? json({ title: 'not here' }, 404);
    },
  });
  return {
    ctx: { client, household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'de-DE', timeZone: 'Europe/Zurich', role: role as 'owner' }, now: () => new Date('2026-12-01T23:30:00Z') },
    requests,
  };
}

function reads(r: Request, path: string, url: URL): Response | undefined {
  if (r.method !== 'GET') return undefined;
  if (path === '/api/households/h1/dashboards') return json([summary]);
  if (path === '/api/households/h1/dashboards/templates') return json([{ key: 'household-at-a-glance', name: 'Household at a glance', description: '', widgetCount: 8 }, { key: 'blank', name: 'Blank', description: '', widgetCount: 0 }]);
  if (path === '/api/households/h1/dashboards/d1') return json(glance);
  if (path === '/api/households/h1/metrics/metrics') return json([{ metric: 'expenses.spent', series: 4 }, { metric: 'signups', series: 1 }]);
  if (path === '/api/households/h1/metrics/tags') return json([{ key: 'tank', values: ['fund', 'fun'] }]);
  if (path === '/api/households/h1/metrics/query') return json(answer(url));
  return undefined;
}

/** Metrics' answer by query: this month's spending 150 (the same stretch of November: 100), 1,500 kcal today. */
function answer(url: URL) {
  const q = Object.fromEntries(url.searchParams);
  const base = { metric: q.metric, bucket: q.bucket, agg: q.agg, timeZone: 'Europe/Zurich' };
  if (q.metric === 'nutrition.kcal') return { ...base, series: [{ group: null, points: [{ start: '2026-12-02T00:00:00+01:00', value: 1500, count: 3 }] }] };
  if (q.groupBy === 'tank') return { ...base, series: [
    { group: 'fund', points: [{ start: '2026-11-01T00:00:00+01:00', value: 40, count: 2 }, { start: '2026-12-01T00:00:00+01:00', value: 60, count: 1 }] },
    { group: 'fun', points: [{ start: '2026-12-01T00:00:00+01:00', value: 90, count: 1 }] },
  ] };
  if (q.from === '2026-11-01') return { ...base, series: [{ group: null, points: [{ start: '2026-11-01T00:00:00+01:00', value: 100, count: 1 }] }] };
  return { ...base, series: [{ group: null, points: [{ start: '2026-12-01T00:00:00+01:00', value: 120, count: 1 }, { start: '2026-12-02T00:00:00+01:00', value: 30, count: 1 }] }] };
}

let unmount: (() => void) | null = null;
afterEach(() => { act(() => unmount?.()); unmount = null; cleanup(); location.hash = ''; history.replaceState(null, '', '/'); vi.restoreAllMocks(); });

async function mountScreen(ctx: ModuleContext) {
  const el = document.body.appendChild(document.createElement('div'));
  await act(async () => { unmount = mount(el, ctx); });
  await settle(20);
  return el;
}

describe('the dashboard view', () => {
  it('asks Metrics for each widget with its range as local dates and shows the figures', async () => {
    const { ctx, requests } = context(() => undefined);
    const el = await mountScreen(ctx);
    const queries = requests.filter((r) => r.url.pathname.endsWith('/metrics/query')).map((r) => r.url.search);
    // 23:30 UTC on 1 December is 2 December in Zurich: this month so far is 1–2 December, compared with 1–2 November.
    expect(queries).toEqual(expect.arrayContaining([
      '?metric=expenses.spent&from=2026-12-01&to=2026-12-03&bucket=day&agg=sum',
      '?metric=expenses.spent&from=2026-11-01&to=2026-11-03&bucket=day&agg=sum',
      '?metric=nutrition.kcal&from=2026-12-02&to=2026-12-03&bucket=day&agg=sum',
      '?metric=expenses.spent&from=2026-01-01&to=2026-12-03&bucket=month&agg=sum&groupBy=tank',
    ]));
    const number = el.querySelector('[data-widget-id="w1"]')!;
    expect(number.getAttribute('data-state')).toBe('ready');
    expect(plain(number.querySelector('.bignumber-value')!.textContent)).toBe('150,00 €');
    expect(plain(number.querySelector('.bignumber-caption')!.textContent)).toBe('+50 % (+50,00 €) against the previous period');
    const left = el.querySelector('[data-widget-id="w2"] [data-band]')!;
    expect(left.getAttribute('data-band')).toBe('green');
    expect(left.getAttribute('data-remaining')).toBe('800');
    expect(plain(left.querySelector('[role=meter]')!.getAttribute('aria-label'))).toBe('Calories left: 800 left of 2.300, on track');
    const bars = el.querySelector('[data-widget-id="w3"]')!;
    expect([...bars.querySelectorAll('thead th')].map((c) => c.textContent)).toEqual(['Time', 'fund', 'fun']);
    expect(bars.className).toContain('w-4');
  });

  it('shows a widget that fails on its own, with a retry, while the others show their figures', async () => {
    let fail = true;
    const { ctx } = context((_r, p, url) => (p.endsWith('/metrics/query') && url.searchParams.get('metric') === 'nutrition.kcal' && fail
      ? json({ title: 'Bad', status: 400, errors: { metric: ['Name the metric.'] } }, 400) : undefined));
    const el = await mountScreen(ctx);
    const broken = el.querySelector('[data-widget-id="w2"]')!;
    expect(broken.getAttribute('data-state')).toBe('error');
    expect(broken.textContent).toContain('Name the metric.');
    expect(el.querySelector('[data-widget-id="w1"]')!.getAttribute('data-state')).toBe('ready');
    fail = false;
    await click(button(broken as HTMLElement, 'Try again'));
    await settle(20);
    expect(el.querySelector('[data-widget-id="w2"]')!.getAttribute('data-state')).toBe('ready');
  });
});

describe('the editor', () => {
  it('adds a widget, moves it first and saves the list in order with the version', async () => {
    const saved: unknown[] = [];
    const { ctx } = context((r, p) => {
      if (r.method === 'PUT' && p === '/api/households/h1/dashboards/d1') return r.clone().json().then((b) => { saved.push(b); return json({ ...glance, version: 4, widgets: [...glance.widgets] }); });
      return undefined;
    });
    location.hash = '#edit';
    const el = await mountScreen(ctx);
    await click(button(el, 'Add a widget'));
    await settle(20);
    const title = el.querySelector<HTMLInputElement>('.widget-editor input[name=title]')!;
    await act(async () => { setValue(title, 'Sign-ups'); });
    await act(async () => { setValue(el.querySelector<HTMLInputElement>('.widget-editor input[name=metric]')!, 'signups'); });
    await act(async () => { setValue(el.querySelector<HTMLSelectElement>('.widget-editor select[name=kind]')!, 'number'); });
    await settle(450);
    // The live preview asks Metrics for the widget being edited.
    expect(el.querySelector('[data-preview="true"]')?.getAttribute('data-widget-kind')).toBe('number');
    for (let i = 0; i < 3; i++) await click(el.querySelector('[aria-label="Move “Sign-ups” up"]'));
    expect(el.querySelector('[data-panel="editor"]')!.getAttribute('data-dirty')).toBe('true');
    await click(button(el, 'Save dashboard'));
    await settle(20);
    const body = saved[0] as { version: number; widgets: { id: string | null; title: string; kind: string; query: { metric: string } }[] };
    expect(body.version).toBe(3);
    expect(body.widgets.map((w) => [w.id, w.title])).toEqual([[null, 'Sign-ups'], ['w1', 'Spent this month'], ['w2', 'Calories left'], ['w3', 'By tank']]);
    expect(body.widgets[0]).toMatchObject({ kind: 'number', width: 2, query: { metric: 'signups', agg: 'sum', bucket: 'day', range: 'last-30-days' } });
    expect(el.textContent).toContain('Dashboard saved.');
  });

  it('opens a dashboard just created in the editor, once the list has it', async () => {
    let created = false;
    const fresh = { ...glance, id: 'd2', name: 'Traffic', version: 1, widgets: [] };
    const { ctx, requests } = context((r, p) => {
      if (r.method === 'POST' && p === '/api/households/h1/dashboards') { created = true; return json(fresh, 201); }
      if (r.method === 'GET' && p === '/api/households/h1/dashboards' && created) return json([summary, { ...summary, id: 'd2', name: 'Traffic', widgetCount: 0 }]);
      if (r.method === 'GET' && p === '/api/households/h1/dashboards/d2') return json(fresh);
      return undefined;
    });
    location.hash = '#edit';
    const el = await mountScreen(ctx);
    await act(async () => { setValue(el.querySelector<HTMLInputElement>('.dash-new input[name=name]')!, 'Traffic'); });
    await click(button(el, 'Create dashboard'));
    await settle(30);
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ name: 'Traffic', description: null, template: 'blank' });
    expect(el.querySelector<HTMLInputElement>('[data-panel="editor"] input[name=name]')!.value).toBe('Traffic');
    expect(new URLSearchParams(location.search).get('dashboard')).toBe('d2');
    expect(el.textContent).toContain('Dashboard “Traffic” created.');
  });

  it('says when someone else saved meanwhile, and reloads their version on request', async () => {
    let gets = 0;
    const { ctx } = context((r, p) => {
      if (r.method === 'PUT') return json({ title: 'Conflict', status: 409, detail: 'The dashboard was changed meanwhile.' }, 409);
      if (r.method === 'GET' && p === '/api/households/h1/dashboards/d1') { gets++; return json(gets > 1 ? { ...glance, name: 'Their name', version: 5 } : glance); }
      return undefined;
    });
    location.hash = '#edit';
    const el = await mountScreen(ctx);
    await act(async () => { setValue(el.querySelector<HTMLInputElement>('[data-panel="editor"] input[name=name]')!, 'My name'); });
    await click(button(el, 'Save dashboard'));
    await settle(20);
    expect(el.querySelector('[data-conflict]')!.textContent).toContain('Someone else saved this dashboard');
    await click(button(el, 'Reload the dashboard'));
    await settle(20);
    expect(el.querySelector<HTMLInputElement>('[data-panel="editor"] input[name=name]')!.value).toBe('Their name');
    expect(el.querySelector('[data-conflict]')).toBeNull();
  });

  it('opens the widget a server field error is about, with the message on its field', async () => {
    const { ctx } = context((r) => (r.method === 'PUT' ? json({ title: 'Invalid', status: 400, errors: { 'widgets[1].query.metric': ['Name the metric. Letters, digits, _ . - only.'] } }, 400) : undefined));
    location.hash = '#edit';
    const el = await mountScreen(ctx);
    await click(button(el, 'Save dashboard'));
    await settle(20);
    const editor = el.querySelector('[data-widget-key="w2"] .widget-editor')!;
    expect(editor).not.toBeNull();
    expect(editor.querySelector('input[name=metric]')!.getAttribute('aria-invalid')).toBe('true');
    expect(editor.textContent).toContain('Name the metric. Letters, digits');
  });
});

describe('alerts', () => {
  const firingRule = {
    id: 'r1', name: 'Freezer warm', metric: 'freezer.temp', where: [], productId: null, agg: 'max', kind: 'above', threshold: -12.5, window: '1h',
    bucket: null, buckets: null, deviations: null, notifyUserIds: ['u1'], webhookUrl: null, enabled: true, state: 'firing', currentFiringId: 'f1',
    lastEvaluatedAt: '2026-12-01T23:29:00Z', lastValue: -8.25, version: 7, createdAt: '2026-11-30T08:00:00Z', updatedAt: '2026-11-30T08:00:00Z',
  };
  const firing = { id: 'f1', ruleId: 'r1', firedAt: '2026-12-01T21:00:00Z', resolvedAt: null, fireValue: -9, resolveValue: null, summary: 'max of freezer.temp is -9, above -12.5 over the last 1 hour',
    resolveSummary: null, fireWebhookStatus: null, fireWebhookError: null, resolveWebhookStatus: null, resolveWebhookError: null };
  const alertReads: Handler = (r, p) => {
    if (r.method !== 'GET') return undefined;
    if (p === '/api/households/h1/metrics/alerts') return json({ items: [firingRule], page: 1, pageSize: 100, total: 1 });
    if (p === '/api/households/h1/metrics/alerts/r1/firings') return json({ items: [firing], page: 1, pageSize: 10, total: 1 });
    if (p === '/api/households/h1/members') return json([{ userId: 'u1', email: 'ada@example.org', displayName: 'Ada', role: 'owner', joinedAt: '2026-01-01T00:00:00Z' }]);
    if (p === '/api/households/h1/metrics/products') return json({ items: [], page: 1, pageSize: 100, total: 0 });
    return undefined;
  };

  it('lists a rule with its condition in words, since when it fires and its value in the household locale; a viewer gets no buttons to change or test', async () => {
    const { ctx, requests } = context(alertReads, 'viewer');
    location.hash = '#alerts';
    const el = await mountScreen(ctx);
    const row = el.querySelector('[data-alert="Freezer warm"]')!;
    expect(plain(row.querySelector('[data-condition-words]')!.textContent)).toBe('Highest of freezer.temp over the last hour above -12,5 · e-mails 1 member');
    expect(plain(row.querySelector('[data-alert-state]')!.textContent)).toMatch(/^Firing since .*22:00/);
    expect(plain(row.querySelector('[data-alert-value]')!.textContent)).toBe('-8,25');
    const labels = [...row.querySelectorAll('button')].map((b) => b.textContent);
    expect(labels).toEqual(['History']);
    expect(el.querySelector('[data-panel="alert-editor"]')).toBeNull();
    expect(el.querySelector('[data-read-only]')).not.toBeNull();
    await click(button(row, 'History'));
    await settle(20);
    expect(row.querySelector('[data-firing="open"] [data-fire-value="-9"]')!.textContent).toBe('-9');
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('Test now shows the current value and what the next check does', async () => {
    const { ctx } = context((r, p, u) => (r.method === 'POST' && p === '/api/households/h1/metrics/alerts/r1/test'
      ? json({ condition: false, value: -14, summary: 'max of freezer.temp is -14, not above -12.5 over the last 1 hour', evaluatedAt: '2026-12-01T23:30:00Z' })
      : alertReads(r, p, u)), 'member');
    location.hash = '#alerts';
    const el = await mountScreen(ctx);
    const row = el.querySelector('[data-alert="Freezer warm"]')!;
    expect([...row.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Test now', 'History']);
    await click(button(row, 'Test now'));
    await settle(20);
    const result = row.querySelector('[data-test-result]')!;
    expect(result.getAttribute('data-test-result')).toBe('wouldResolve');
    expect(plain(result.textContent)).toContain('Current value: -14');
  });

  it('an admin creates a rule: the server’s field errors show next to the fields and the typed values stay', async () => {
    const sent: unknown[] = [];
    const { ctx } = context((r, p, u) => {
      if (r.method === 'POST' && p === '/api/households/h1/metrics/alerts') {
        return r.clone().json().then((b) => { sent.push(b); return json({ title: 'One or more validation errors occurred.', status: 400, errors: { webhookUrl: ['Give an absolute https URL.'] } }, 400); });
      }
      return alertReads(r, p, u);
    }, 'admin');
    location.hash = '#alerts';
    const el = await mountScreen(ctx);
    const editor = el.querySelector('[data-panel="alert-editor"]')!;
    await act(async () => { setValue(editor.querySelector<HTMLInputElement>('input[name=name]')!, 'Cellar damp'); });
    await act(async () => { setValue(editor.querySelector<HTMLInputElement>('input[name=metric]')!, 'cellar.humidity'); });
    await act(async () => { setValue(editor.querySelector<HTMLInputElement>('input[name=threshold]')!, '70,5'); });
    await act(async () => { setValue(editor.querySelector<HTMLInputElement>('input[name=webhookUrl]')!, 'http://example.org'); });
    await click(button(editor, 'Create rule'));
    await settle(20);
    expect(sent).toEqual([{ name: 'Cellar damp', metric: 'cellar.humidity', where: [], productId: null, kind: 'above', agg: 'avg', threshold: 70.5, window: '15m',
      bucket: null, buckets: null, deviations: null, notifyUserIds: [], webhookUrl: 'http://example.org', enabled: true }]);
    const url = editor.querySelector<HTMLInputElement>('input[name=webhookUrl]')!;
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.parentElement!.querySelector('.field-error')!.textContent).toBe('Give an absolute https URL.');
    expect(editor.querySelector<HTMLInputElement>('input[name=name]')!.value).toBe('Cellar damp');
  });
});

describe('products and keys', () => {
  it('creates a key, shows its secret once in the snippets, and revokes it', async () => {
    const keys: { id: string; productId: string; name: string; prefix: string; scopes: string[]; createdAt: string; lastUsedAt: null; expiresAt: null }[] = [];
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { ctx, requests } = context((r, p) => {
      if (p === '/api/households/h1/metrics/products' && r.method === 'GET') return json({ items: [
        { id: 'hh', name: 'Household', description: null, retentionDays: 400, builtIn: true, createdAt: '', updatedAt: '' },
        { id: 'p1', name: 'Home sensors', description: null, retentionDays: 400, builtIn: false, createdAt: '', updatedAt: '' },
      ], page: 1, pageSize: 100, total: 2 });
      if (p === '/api/households/h1/metrics/products/p1/keys' && r.method === 'GET') return json(keys);
      if (p === '/api/households/h1/metrics/products/p1/keys' && r.method === 'POST') {
        const key = { id: 'k1', productId: 'p1', name: 'nas', prefix: 'tsk_ABCDEFGH', scopes: ['ingest', 'read'], createdAt: '2026-12-01T10:00:00Z', lastUsedAt: null, expiresAt: null };
        keys.push(key);
        return json({ key, secret: 'tsk_ABCDEFGHsecretsecretsecret' }, 201);
      }
      if (p === '/api/households/h1/metrics/products/p1/keys/k1' && r.method === 'DELETE') { keys.length = 0; return new Response(null, { status: 204 }); }
      return undefined;
    });
    location.hash = '#keys';
    const el = await mountScreen(ctx);
    // The built-in product is marked, cannot be deleted and has no keys card (the server refuses keys on it).
    expect(el.querySelector('[data-product="Household"] [data-built-in]')).not.toBeNull();
    expect(el.querySelector('[aria-label="Delete the product “Household”"], [data-product="Household"] button')).toBeNull();
    expect(el.querySelector('[data-product-id="hh"]')).toBeNull();
    expect(el.querySelectorAll('[data-snippet="telegraf"]').length).toBe(1);
    const product = el.querySelector('[data-product-id="p1"]') as HTMLElement;
    await act(async () => { setValue(product.querySelector<HTMLInputElement>('input[name=name]')!, 'nas'); });
    await click(product.querySelector('input[name=read]'));
    await click(button(product, 'Create key'));
    await settle(20);
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ name: 'nas', scopes: ['ingest', 'read'], expiresAt: null });
    expect(el.querySelector<HTMLInputElement>('input[name=secret]')!.value).toBe('tsk_ABCDEFGHsecretsecretsecret');
    const telegraf = el.querySelector<HTMLTextAreaElement>('[data-snippet="telegraf"] textarea')!.value;
    expect(telegraf).toContain('token = "tsk_ABCDEFGHsecretsecretsecret"');
    expect(telegraf).toContain('bucket = "home-sensors"');
    expect(el.querySelector<HTMLTextAreaElement>('[data-snippet="curl"] textarea')!.value).toContain('http://localhost:3000/api/ingest');
    expect(el.querySelector('[data-key-id="k1"]')!.textContent).toContain('tsk_ABCDEFGH…');
    await click(el.querySelector('[aria-label="Revoke the key “nas”"]'));
    await settle(20);
    expect(requests.some((r) => r.method === 'DELETE' && r.url.pathname.endsWith('/keys/k1'))).toBe(true);
    // The secret is gone with its key, and the snippets fall back to the placeholder.
    expect(el.querySelector('input[name=secret]')).toBeNull();
    expect(el.querySelector<HTMLTextAreaElement>('[data-snippet="telegraf"] textarea')!.value).toContain('token = "tsk_your_key"');
    expect(el.textContent).toContain('Key “nas” revoked.');
  });

  it('shows members the products but not the keys', async () => {
    const { ctx, requests } = context((_r, p) => (p === '/api/households/h1/metrics/products'
      ? json({ items: [{ id: 'p1', name: 'Home sensors', description: null, retentionDays: 400, createdAt: '', updatedAt: '' }], page: 1, pageSize: 100, total: 1 }) : undefined), 'member');
    location.hash = '#keys';
    const el = await mountScreen(ctx);
    expect(el.querySelector('[data-product="Home sensors"]')).not.toBeNull();
    expect(el.textContent).toContain('Only owners and admins manage products and API keys.');
    expect(el.querySelector('[data-product-id]')).toBeNull();
    expect(requests.some((r) => r.url.pathname.endsWith('/keys'))).toBe(false);
  });
});

describe('the home card', () => {
  it('shows the number of dashboards and links the first one', async () => {
    const { ctx } = context(() => undefined);
    const el = await render(<DashboardsHomeCard context={ctx} />);
    await settle(20);
    const card = el.querySelector('[data-module="dashboards"]')!;
    expect(card.getAttribute('data-state')).toBe('ready');
    expect(el.querySelector('[data-first-dashboard] a')!.getAttribute('href')).toBe('/dashboards?dashboard=d1');
    expect(plain(card.textContent)).toContain('3 widgets');
  });

  it('says when the server does not run the module', async () => {
    const { ctx } = context((_r, p) => (p.endsWith('/dashboards') ? json({ title: 'Not found' }, 404) : undefined));
    const el = await render(<DashboardsHomeCard context={ctx} />);
    await settle(20);
    expect(el.querySelector('[data-module="dashboards"]')!.getAttribute('data-state')).toBe('not-set-up');
  });
});

/** Sets a field's value as a user's typing does, so React sees the change. */
function setValue(el: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
