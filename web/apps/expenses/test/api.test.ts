import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { ApiError, createApiClient, indexedDbStore, OfflineQueue, type ModuleContext } from '@trackstack/api';
import { expensesApi } from '../src/api';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(respond: (r: Request) => Response = () => json({ items: [], page: 1, pageSize: 500, total: 0, totalCents: 0 })) {
  const seen: Request[] = [];
  const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {}, fetch: async (r) => { seen.push(r); return respond(r); } });
  const queue = new OfflineQueue({ store: indexedDbStore(new IDBFactory()), send: async () => new Response(null, { status: 201 }), channel: null, locks: null });
  const ctx: ModuleContext = { client, queue, household: { id: 'h 1', name: 'Home', currency: 'EUR', locale: 'en-GB', timeZone: 'UTC', role: 'owner' } };
  const url = (i = 0) => { const u = new URL(seen[i].url); return u.pathname + u.search; };
  return { api: expensesApi(ctx), seen, url, queue };
}

describe('the Expenses API on the typed client', () => {
  it('sends entry filters without blank values, and page 1 as the default', async () => {
    const { api, url } = setup();
    await api.entries({ month: '2026-11', tank: 'fun', q: ' coffee ', tag: '', page: 1, pageSize: 20 });
    expect(url()).toBe('/api/households/h%201/expenses/entries?month=2026-11&tank=fun&q=coffee&pageSize=20');
    await api.entries({ categoryId: 'none', page: 3 });
    expect(url(1)).toBe('/api/households/h%201/expenses/entries?categoryId=none&page=3');
  });

  it('asks for whole settings lists (the server pages every list, at most 500)', async () => {
    const { api, url } = setup();
    const page = await api.checklist();
    await api.rules();
    await api.recurring();
    await api.imports();
    expect([url(0), url(1), url(2), url(3)]).toEqual([
      '/api/households/h%201/expenses/checklist?page=1&pageSize=500', '/api/households/h%201/expenses/rules?page=1&pageSize=500',
      '/api/households/h%201/expenses/recurring?page=1&pageSize=500', '/api/households/h%201/expenses/imports?page=1&pageSize=100',
    ]);
    expect(page.items).toEqual([]);
  });

  it('deletes a category moving its entries, and throws the server\'s refusal as an ApiError', async () => {
    const { api, url, seen } = setup((r) => (r.method === 'DELETE' ? new Response(null, { status: 204 }) : json({ title: 'Closed', errors: { IncomeCents: ['Too big.'] } }, 400)));
    await api.deleteCategory('c1', 'c2');
    expect(`${seen[0].method} ${url()}`).toBe('DELETE /api/households/h%201/expenses/categories/c1?reassignTo=c2');
    const error = await api.setMonthIncome('2026-11', 1).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fieldErrors).toEqual({ incomeCents: 'Too big.' });
  });

  it('creates entries through the offline queue, keyed by the client id', async () => {
    const { api, queue } = setup(() => { throw new TypeError('Failed to fetch'); });
    const id = '00000000-0000-4000-8000-000000000001';
    const r = await api.createEntry({ id, date: '2026-11-02', amountCents: 450, title: 'Bakery', categoryId: null, note: null, tags: [], paidBy: null, originalAmountCents: null, originalCurrency: null }, 'Bakery');
    expect(r.queued).toBe(true);
    expect((await queue.list())[0]).toMatchObject({ id, url: '/api/households/h%201/expenses/entries', label: 'Bakery' });
  });
});
