// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createApiClient, type ModuleContext } from '@trackstack/api';
import { mount } from '../src/index';

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
      unmount = mount(el, context((p) => {
        seen.push(p);
        if (p.endsWith('/settings')) return json({ monthlyIncomeCents: 221500, currency: 'EUR', fuelCategoryId: null, tanks: [], allocation: { totalPercent: 100, status: 'complete', unassignedPercent: 0 } });
        if (p.endsWith('/entries')) return json({ items: [], page: 1, pageSize: 40, total: 0, totalCents: 0 });
        if (p.endsWith('/obligations')) return json([]);
        return json({ month: '2026-12', status: 'open', currency: 'EUR', incomeCents: 221500, spentCents: 100000, remainingCents: 121500, percentSpent: 45, uncategorisedCents: 0, categories: [],
          tanks: [{ key: 'fun', name: 'Fun', ratioPercent: 20, budgetCents: 44300, spentCents: 43000, remainingCents: 1300, percentUsed: 97, over: false }],
          pendingObligations: { count: 0, amountCents: 0, items: [] }, comparison: { previousAverageSpentCents: null, monthsCounted: 0, deltaCents: null, deltaPercent: null } });
      }));
    });
    await vi.waitFor(() => expect(el.querySelector('[data-state="ready"]')).not.toBeNull());
    expect(seen).toContain('/api/households/h1/expenses/months/2026-12');
    expect(plain(el.textContent)).toContain('1.215,00 €');
    expect(plain(el.textContent)).toContain('December 2026'); // English month name in the English UI
    expect(el.querySelector('[data-band]')?.getAttribute('data-band')).toBe('red');
    expect(plain(el.querySelector('[role="meter"]')?.getAttribute('aria-label') ?? null)).toBe('Fun: 13 € left of 443 € (almost empty or over)'); // tank amounts: whole euros, as on the bar
  });

  it('Expenses says calmly that the module is not on this server (404)', async () => {
    const el = document.body.appendChild(document.createElement('div'));
    await act(async () => { unmount = mount(el, context(() => json({ title: 'Not found' }, 404))); });
    await vi.waitFor(() => expect(el.textContent).toContain('not available on this server'));
  });
});
