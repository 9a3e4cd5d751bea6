// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { IDBFactory } from 'fake-indexeddb';
import { createApiClient, indexedDbStore, OfflineQueue, type ModuleContext } from '@trackstack/api';
import { mount } from '../src/index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const settings = {
  monthlyIncomeCents: 300000, currency: 'EUR', fuelCategoryId: null, allocation: { totalPercent: 100, status: 'complete', unassignedPercent: 0 },
  tanks: [{ id: 't1', key: 'fun', name: 'Fun', ratioPercent: 100, categories: [{ id: 'c1', name: 'Restaurants', tankKey: 'fun', sortOrder: 0 }] }],
};
const recent = { items: [{ id: 'e0', date: '2026-11-02', amountCents: 450, title: 'Café Central', categoryId: 'c1', categoryName: 'Restaurants', tankKey: 'fun', note: null, tags: [], paidBy: null, kind: 'manual', originalAmountCents: null, originalCurrency: null, importId: null, createdAt: '', updatedAt: '' }], page: 1, pageSize: 40, total: 1, totalCents: 450 };

let unmount: (() => void) | null = null;
afterEach(() => { act(() => unmount?.()); unmount = null; document.body.innerHTML = ''; location.hash = ''; });

function setup(post: (body: Record<string, unknown>) => Response | Promise<Response>) {
  const posted: Record<string, unknown>[] = [];
  const client = createApiClient({
    baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {},
    fetch: async (r) => {
      const path = new URL(r.url).pathname;
      if (r.method === 'POST' && path.endsWith('/entries')) { const body = await r.json(); posted.push(body); return post(body); }
      if (path.endsWith('/settings')) return json(settings);
      if (path.endsWith('/entries')) return json(recent);
      return json({}, 404);
    },
  });
  const queue = new OfflineQueue({ store: indexedDbStore(new IDBFactory()), send: async () => new Response(null, { status: 201 }), channel: null, locks: null });
  const context: ModuleContext = { client, queue, household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'en-GB', timeZone: 'Europe/Brussels', role: 'owner' }, now: () => new Date('2026-11-20T10:00:00Z') };
  return { context, posted, queue };
}

const click = async (el: Element | null) => { await act(async () => { (el as HTMLElement).click(); }); };

async function openAdd(context: ModuleContext) {
  location.hash = '#add';
  const el = document.body.appendChild(document.createElement('div'));
  await act(async () => { unmount = mount(el, context); });
  await act(async () => { await new Promise((r) => setTimeout(r, 20)); });
  return el;
}

describe('adding an expense', () => {
  it('keypad, payee chip (with its category) and save: one create with a client UUID', async () => {
    const { context, posted } = setup(() => json({}, 201));
    const el = await openAdd(context);
    for (const k of ['4', '5', '0']) await click(el.querySelector(`.key[data-key="${k}"]`));
    expect(el.querySelector('.amount-display')?.getAttribute('data-cents')).toBe('450');
    await click([...el.querySelectorAll('.chip')].find((c) => c.textContent === 'Café Central')!);
    expect((el.querySelector('#entry-category') as HTMLSelectElement).value).toBe('c1');
    await click([...el.querySelectorAll('button')].find((b) => b.textContent === 'Save expense')!);
    await act(async () => { await new Promise((r) => setTimeout(r, 20)); });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ amountCents: 450, title: 'Café Central', categoryId: 'c1', date: '2026-11-20', tags: [] });
    expect(String(posted[0].id)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the server\'s field error next to the field', async () => {
    const { context } = setup(() => json({ title: 'Invalid', status: 400, errors: { Date: ['The month 2026-11 is closed.'] } }, 400));
    const el = await openAdd(context);
    await click(el.querySelector('.key[data-key="5"]'));
    await click([...el.querySelectorAll('.chip')][0]);
    await click([...el.querySelectorAll('button')].find((b) => b.textContent === 'Save expense')!);
    await act(async () => { await new Promise((r) => setTimeout(r, 20)); });
    const date = el.querySelector('input[name=date]')!;
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector(`#${date.getAttribute('aria-describedby')?.split(' ')[0]}`)?.textContent).toBe('The month 2026-11 is closed.');
    expect(document.activeElement).toBe(date);
  });

  it('keeps the entry in the offline queue when the network fails', async () => {
    const { context, queue } = setup(() => { throw new TypeError('Failed to fetch'); });
    const el = await openAdd(context);
    await click(el.querySelector('.key[data-key="7"]'));
    await click([...el.querySelectorAll('.chip')][0]);
    await click([...el.querySelectorAll('button')].find((b) => b.textContent === 'Save expense')!);
    await act(async () => { await new Promise((r) => setTimeout(r, 50)); });
    const items = await queue.list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ url: '/api/households/h1/expenses/entries', status: 'pending' });
    expect(items[0].body).toMatchObject({ amountCents: 7, title: 'Café Central' });
    expect(el.textContent).toContain('Saved on this device');
  });
});
