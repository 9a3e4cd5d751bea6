// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createApiClient, type ModuleContext } from '@trackstack/api';
import { mount } from '../src/index';
import { mount as mountHeating } from '../../heating/src/index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function context(respond: (path: string) => Response): ModuleContext {
  const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {}, fetch: async (r) => respond(new URL(r.url).pathname) });
  return {
    client,
    household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'de-DE', timeZone: 'Europe/Brussels', role: 'owner' },
    now: () => new Date('2026-11-30T23:30:00Z'),
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
let unmount: (() => void) | null = null;
afterEach(() => { act(() => unmount?.()); unmount = null; document.body.innerHTML = ''; });

describe('module micro-frontends mounted with mount(element, context)', () => {
  it('Expenses shows what is left in the household month, locale and currency', async () => {
    const seen: string[] = [];
    const el = document.body.appendChild(document.createElement('div'));
    await act(async () => {
      unmount = mount(el, context((p) => { seen.push(p); return json({ income: 2215, spent: 1000, remaining: 1215, tanks: [{ key: 'fun', name: 'Fun', budget: 443, spent: 430 }] }); }));
    });
    await vi.waitFor(() => expect(el.querySelector('[data-state="ready"]')).not.toBeNull());
    expect(seen).toEqual(['/api/households/h1/expenses/months/2026-12']);
    expect(plain(el.textContent)).toContain('1.215,00 €');
    expect(plain(el.textContent)).toContain('Dezember 2026');
    expect(el.querySelector('[data-band]')?.getAttribute('data-band')).toBe('red');
    expect(plain(el.querySelector('[role="meter"]')?.getAttribute('aria-label') ?? null)).toBe('Fun: 13,00 € left of 443,00 € (almost empty or over)');
  });

  it('Expenses says calmly that the module is not on this server (404)', async () => {
    const el = document.body.appendChild(document.createElement('div'));
    await act(async () => { unmount = mount(el, context(() => json({ title: 'Not found' }, 404))); });
    await vi.waitFor(() => expect(el.textContent).toContain('not available on this server'));
  });

  it('Heating shows days since the refill, stock left and the season comparison', async () => {
    const el = document.body.appendChild(document.createElement('div'));
    await act(async () => {
      unmount = mountHeating(el, context(() => json({ daysSinceLastRefill: 4, daysOfStockLeft: 38, seasonToDate: 55, lastSeasonToDate: 50, unit: 'Säcke' })));
    });
    await vi.waitFor(() => expect(el.querySelector('[data-state="ready"]')).not.toBeNull());
    const text = plain(el.textContent);
    expect(text).toContain('4days since the last refill');
    expect(text).toContain('38days of stock left');
    expect(text).toContain('+10 %');
  });

  it('Heating says calmly that the module is not on this server (404)', async () => {
    const el = document.body.appendChild(document.createElement('div'));
    await act(async () => { unmount = mountHeating(el, context(() => json({}, 404))); });
    await vi.waitFor(() => expect(el.textContent).toContain('not available on this server'));
  });
});
