// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { IDBFactory } from 'fake-indexeddb';
import { createApiClient, indexedDbStore, OfflineQueue, type ModuleContext } from '@trackstack/api';
import { mount } from '../src/index';
import { HeatingHomeCard } from '../src/HeatingHomeCard';
import { button, cleanup, click, render, settle } from '../../../packages/ui/test/render';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

const summary = {
  fuel: 'woodPellets', unit: 'bag', unitLabel: 'bag (15 kg)', today: '2026-11-30', seasonLabel: '2026-2027',
  seasonToDate: { from: '2026-09-01', to: '2026-11-30', units: 55, kwh: 3960 }, lastSeasonSameDate: { from: '2025-09-01', to: '2025-11-30', units: 50, kwh: 3600 },
  deltaUnits: 5, deltaPct: 10, lastRefillDate: '2026-11-26', daysSinceLastRefill: 4, stockOnHand: 20, daysOfStockLeft: 6, runOutDate: '2026-12-06', kwhPerDegreeDay: null, rSquared: null,
};
const settings = { fuel: 'woodPellets', unit: 'bag', unitLabel: 'bag (15 kg)', unitSizeKg: 15, kwhPerUnit: 72, meterBased: false, seasonStartMonth: 9, seasonStartDay: 1, baseTemperatureC: 15.5, baseMode: 'fixed', latitude: null, longitude: null, weatherEnabled: false, unitsForFuel: ['bag', 'kg'], updatedAt: '' };

function context(respond: (r: Request, path: string) => Response | Promise<Response>, queue?: OfflineQueue): ModuleContext {
  const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {}, fetch: async (r) => respond(r, new URL(r.url).pathname) });
  return { client, queue, household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'de-DE', timeZone: 'Europe/Brussels', role: 'owner' }, now: () => new Date('2026-11-30T23:30:00Z') };
}

let unmount: (() => void) | null = null;
afterEach(() => { act(() => unmount?.()); unmount = null; cleanup(); localStorage.clear(); location.hash = ''; });

async function mountScreen(ctx: ModuleContext) {
  const el = document.body.appendChild(document.createElement('div'));
  await act(async () => { unmount = mount(el, ctx); });
  return el;
}

describe('the Heating screen', () => {
  it('shows days since the refill, stock left and the season comparison', async () => {
    const el = await mountScreen(context((_, p) => p.endsWith('/summary') ? json({ ...summary, daysOfStockLeft: 38 }) : p.endsWith('/settings') ? json(settings) : json({}, 500)));
    await vi.waitFor(() => expect(el.querySelector('[data-state="ready"]')).not.toBeNull());
    const text = plain(el.textContent);
    expect(text).toContain('4days since the last refill');
    expect(text).toContain('20bags in stock');
    expect(text).toContain('+10 %');
    expect(text).toContain('Log refill: 2 bags');
  });

  it('says calmly that the module is not on this server (404)', async () => {
    const el = await mountScreen(context(() => json({}, 404)));
    await vi.waitFor(() => expect(el.textContent).toContain('not available on this server'));
  });

  it('logs a refill dated today in the household (by the injected clock), through the offline queue when the network fails', async () => {
    const queue = new OfflineQueue({ store: indexedDbStore(new IDBFactory()), send: async () => new Response(null, { status: 201 }), channel: null, locks: null });
    const el = await mountScreen(context((r, p) => {
      if (r.method === 'POST') throw new TypeError('Failed to fetch');
      return p.endsWith('/settings') ? json(settings) : p.endsWith('/summary') ? json(summary) : json({}, 500);
    }, queue));
    await settle(20);
    await click(el.querySelector('[aria-label="One more"]'));
    await click(button(el, 'Log refill: 3 bags'));
    await settle(50);
    const [item] = await queue.list();
    expect(item).toMatchObject({ url: '/api/households/h1/heating/refills', body: { quantity: 3, meterReading: null, date: '2026-12-01' } });
    expect(el.textContent).toContain('Refill saved on this device');
    expect(localStorage.getItem('ts.heating.refillQuantity')).toBe('3');
  });

  it('asks how much went in before sending an empty refill, with focus on the field', async () => {
    const posted = vi.fn();
    const el = await mountScreen(context((r, p) => { if (r.method === 'POST') posted(); return p.endsWith('/settings') ? json(settings) : p.endsWith('/summary') ? json(summary) : json({}, 500); }));
    await settle(20);
    const field = el.querySelector<HTMLInputElement>('input[name=quantity]')!;
    await act(async () => { Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, ''); field.dispatchEvent(new Event('input', { bubbles: true })); });
    await click(el.querySelector('[data-panel="refill"] button[type=submit]'));
    expect(posted).not.toHaveBeenCalled();
    expect(el.querySelector('[data-panel="refill"] .field-error')?.textContent).toBe('How much went in?');
    expect(document.activeElement).toBe(field);
  });
});

describe('the Heating home card', () => {
  it('reads the typed summary: days, a red band for under a week of stock, and this season against last', async () => {
    const el = await render(<HeatingHomeCard context={context(() => json(summary))} />);
    await settle();
    const card = el.querySelector('[data-module="heating"]')!;
    expect(card.getAttribute('data-state')).toBe('ready');
    expect(card.querySelector('.stat.band-red .stat-value')?.textContent).toBe('6');
    expect(plain(card.textContent)).toContain('this season 55 bags vs 50 bags last season, same days');
    expect(plain(card.textContent)).toContain('+10 %');
  });

  it('is calm when the server does not run Heating, and offers a retry for other failures', async () => {
    const missing = await render(<HeatingHomeCard context={context(() => json({}, 404))} />);
    await settle();
    expect(missing.querySelector('[data-module="heating"]')?.getAttribute('data-state')).toBe('not-set-up');
    cleanup();
    let status = 500;
    const broken = await render(<HeatingHomeCard context={context(() => (status === 500 ? json({ title: 'Boom' }, 500) : json(summary)))} />);
    await settle();
    expect(broken.querySelector('[data-module="heating"]')?.getAttribute('data-state')).toBe('error');
    status = 200;
    await click(button(broken, 'Try again'));
    await settle();
    expect(broken.querySelector('[data-module="heating"]')?.getAttribute('data-state')).toBe('ready');
  });
});
