// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type ModuleContext } from '@trackstack/api';
import { ExpensesHomeCard } from '../src/ExpensesHomeCard';
import { cleanup, render, settle } from '../../../packages/ui/test/render';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const tank = (key: string, budgetCents: number, spentCents: number) => ({ key, name: key, ratioPercent: 0, budgetCents, spentCents, remainingCents: budgetCents - spentCents, percentUsed: null, over: spentCents > budgetCents });
const month = {
  month: '2026-12', status: 'open', currency: 'EUR', incomeCents: 221500, spentCents: 169340, remainingCents: 52160, percentSpent: 76, uncategorisedCents: 0, categories: [],
  tanks: [tank('Fund', 132900, 101240), tank('Fun', 44300, 42100)], pendingObligations: { count: 2, amountCents: 30000, items: [] },
  comparison: { previousAverageSpentCents: null, monthsCounted: 0, deltaCents: null, deltaPercent: null },
};

function context(respond: (path: string) => Response): ModuleContext {
  const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {}, fetch: async (r) => respond(new URL(r.url).pathname) });
  return { client, household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'de-DE', timeZone: 'Europe/Brussels', role: 'owner' }, now: () => new Date('2026-11-30T23:30:00Z') };
}

afterEach(cleanup);

describe('the Expenses home card', () => {
  it('shows what is left of the household month (by the injected clock) in currency units, one coloured bar per tank', async () => {
    const asked: string[] = [];
    const el = await render(<ExpensesHomeCard context={context((p) => { asked.push(p); return json(month); })} />);
    await settle();
    expect(asked).toEqual(['/api/households/h1/expenses/months/2026-12']);
    const card = el.querySelector('[data-module="expenses"]')!;
    expect(card.getAttribute('data-state')).toBe('ready');
    expect(plain(card.querySelector('h2')?.textContent)).toBe('Expenses · December 2026'); // month names are words of the (English) UI, figures are de-DE
    expect(plain(card.querySelector('.bignumber-value')?.textContent)).toBe('521,60 €');
    expect(plain(card.querySelector('.bignumber-caption')?.textContent)).toBe('left of 2.215 € this month · 2 to pay');
    expect([...card.querySelectorAll('[data-band]')].map((b) => b.getAttribute('data-band'))).toEqual(['green', 'red']);
  });

  it('is calm when the server does not run Expenses', async () => {
    const el = await render(<ExpensesHomeCard context={context(() => json({ title: 'Not found' }, 404))} />);
    await settle();
    expect(el.querySelector('[data-module="expenses"]')?.getAttribute('data-state')).toBe('not-set-up');
    expect(el.textContent).toContain('Expenses are not set up here yet.');
  });
});
