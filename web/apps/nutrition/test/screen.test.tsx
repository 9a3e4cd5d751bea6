// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { IDBFactory } from 'fake-indexeddb';
import { createApiClient, indexedDbStore, OfflineQueue, type ModuleContext } from '@trackstack/api';
import { mount } from '../src/index';
import { NutritionHomeCard } from '../src/NutritionHomeCard';
import { mealFor } from '../src/log/LogPanel';
import { button, cleanup, click, render, settle } from '../../../packages/ui/test/render';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

const targets = { kcal: 2300, protein: 120, fat: null, carbohydrate: null, fibre: null, shareDiary: false, isDefault: true, weekdays: [] };
const nutrients = (kcal: number, protein: number) => ({ kcal, protein, fat: 0, saturatedFat: 0, carbohydrate: 0, sugars: 0, fibre: 0, sodiumMg: 0 });
const egg = { id: 'sr28:01123', name: 'Egg, whole, raw, fresh', household: false, brand: null, kcal: 143, protein: 12.56, fat: 9.51, saturatedFat: 3.1, carbohydrate: 0.72, sugars: 0.37, fibre: 0, sodiumMg: 142, alcohol: 0, units: [{ name: 'large', grams: 50 }], recent: false, warnings: [], version: null };
const oats = { ...egg, id: 'sr28:08120', name: 'Cereals, oats, regular and quick, not fortified, dry', kcal: 379, recent: true };
const day = (kcal: number) => ({
  date: '2026-12-01', userId: 'u1', own: true, targets,
  meals: [{ name: 'breakfast', entries: kcal ? [{ id: 'e1', date: '2026-12-01', meal: 'breakfast', kind: 'food', label: 'Egg', foodId: egg.id, recipeId: null, quantity: null, unit: null, grams: 100, servings: null, nutrients: nutrients(kcal, 12.6), version: 1, createdAt: '' }] : [], totals: nutrients(kcal, 12.6) }],
  totals: nutrients(kcal, kcal ? 12.6 : 0), remainingKcal: 2300 - kcal, proteinToGo: 120 - (kcal ? 12.6 : 0), remaining: `${2300 - kcal} kcal left, ${kcal ? 107 : 120} g protein to go`,
});

function context(respond: (r: Request, url: URL) => Response | Promise<Response>, queue?: OfflineQueue, role: 'owner' | 'viewer' = 'owner'): ModuleContext {
  const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {}, fetch: async (r) => respond(r, new URL(r.url)) });
  return { client, queue, household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'de-DE', timeZone: 'Europe/Brussels', role }, now: () => new Date('2026-11-30T23:30:00Z') };
}

/** The fake server: GETs by path; POSTs to /log go to `post`. */
function server(requests: URL[], post: (r: Request) => Response | Promise<Response>, logged = 0) {
  return async (r: Request, url: URL) => {
    requests.push(url);
    const p = url.pathname;
    if (r.method === 'POST' && p.endsWith('/nutrition/log')) return post(r);
    if (p.endsWith('/targets')) return json(targets);
    if (p.endsWith('/log')) return json(day(logged));
    if (p.endsWith('/foods')) return json(url.searchParams.get('q') ? [egg, oats] : [oats]);
    return json({}, 500);
  };
}

let unmount: (() => void) | null = null;
afterEach(() => { act(() => unmount?.()); unmount = null; cleanup(); localStorage.clear(); location.hash = ''; });

async function mountScreen(ctx: ModuleContext) {
  const el = document.body.appendChild(document.createElement('div'));
  await act(async () => { unmount = mount(el, ctx); });
  return el;
}

async function type(field: HTMLInputElement, value: string) {
  await act(async () => { Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value); field.dispatchEvent(new Event('input', { bubbles: true })); });
}

describe('the Nutrition log screen', () => {
  it('searches as you type, logs the chosen food by grams with a client id, and asks for the day of the household', async () => {
    const requests: URL[] = [];
    const bodies: Record<string, unknown>[] = [];
    const el = await mountScreen(context(server(requests, async (r) => { const b = await r.json(); bodies.push(b); return json({ ...b }, 201); })));
    await settle(30);
    // The recent foods are chips (an empty search), and the day is the household's (Brussels: already 1 December).
    expect(requests.some((u) => u.pathname.endsWith('/foods') && u.searchParams.get('q') === '')).toBe(true);
    expect(requests.find((u) => u.pathname.endsWith('/log'))?.searchParams.get('date')).toBe('2026-12-01');
    expect(el.querySelector('[data-chips="recent"]')?.textContent).toContain('Cereals, oats');
    expect(plain(el.querySelector('[data-remaining]')?.textContent)).toBe('2.300 kcal left, 120 g protein to go');

    await type(el.querySelector<HTMLInputElement>('input[name=foodSearch]')!, 'egg');
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 260)); });
    await settle(30);
    const search = requests.find((u) => u.pathname.endsWith('/foods') && u.searchParams.get('q') === 'egg')!;
    expect(search.searchParams.get('limit')).toBe('20');
    await click(el.querySelector(`[data-food="${egg.id}"]`));
    expect(el.querySelector<HTMLInputElement>('input[name=grams]')!.value).toBe('100');
    await type(el.querySelector<HTMLInputElement>('input[name=grams]')!, '120');
    await click(el.querySelector('[data-form="log"] button[type=submit]'));
    await settle(30);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ foodId: egg.id, grams: 120, date: '2026-12-01' });
    expect(String(bodies[0].id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(el.textContent).toContain('Egg, whole, raw, fresh logged.');
  });

  it('logs a recent chip offline into the queue, and shows a server field error next to its field', async () => {
    const queue = new OfflineQueue({ store: indexedDbStore(new IDBFactory()), send: async () => new Response(null, { status: 201 }), channel: null, locks: null });
    const el = await mountScreen(context(server([], () => { throw new TypeError('Failed to fetch'); }), queue));
    await settle(30);
    await click(button(el.querySelector('[data-chips="recent"]')!, oats.name));
    await click(el.querySelector('[data-form="log"] button[type=submit]'));
    await settle(50);
    const [item] = await queue.list();
    expect(item).toMatchObject({ url: '/api/households/h1/nutrition/log', body: { foodId: oats.id, grams: 100, date: '2026-12-01' } });
    expect(el.textContent).toContain('saved on this device');
    act(() => unmount?.()); unmount = null; cleanup();

    const refused = await mountScreen(context(server([], () => json({ title: 'The request has invalid fields.', status: 400, errors: { grams: ['Grams eaten are more than 0 and at most 20,000.'] } }, 400))));
    await settle(30);
    await click(button(refused.querySelector('[data-chips="recent"]')!, oats.name));
    await type(refused.querySelector<HTMLInputElement>('input[name=grams]')!, '99999');
    await click(refused.querySelector('[data-form="log"] button[type=submit]'));
    await settle(30);
    const grams = refused.querySelector<HTMLInputElement>('input[name=grams]')!;
    expect(refused.querySelector('[data-form="log"] .field-error')?.textContent).toBe('Grams eaten are more than 0 and at most 20,000.');
    expect(document.activeElement).toBe(grams);
  });

  it('shows no log form to a viewer', async () => {
    const el = await mountScreen(context(server([], () => json({}, 403)), undefined, 'viewer'));
    await settle(30);
    expect(el.querySelector('[data-panel="log"]')).toBeNull();
    expect(el.querySelector('[data-panel="day"]')).not.toBeNull();
  });

  it('suggests the meal by the time of day', () => {
    expect([mealFor(7), mealFor(12), mealFor(16), mealFor(19), mealFor(23)]).toEqual(['breakfast', 'lunch', 'snacks', 'dinner', 'snacks']);
  });
});

describe('the Nutrition home card', () => {
  it('shows kcal left and protein to go, and is calm when the server has no Nutrition', async () => {
    const summary = { date: '2026-12-01', kcal: 1800, kcalTarget: 2300, remainingKcal: 500, protein: 90, proteinTarget: 120, proteinToGo: 30, entries: 4, remaining: '500 kcal left, 30 g protein to go' };
    const el = await render(<NutritionHomeCard context={context(() => json(summary))} />);
    await settle();
    const card = el.querySelector('[data-module="nutrition"]')!;
    expect(card.getAttribute('data-state')).toBe('ready');
    expect(plain(card.querySelector('[data-stat="kcal"]')?.textContent)).toBe('500kcal left today');
    expect(card.querySelector('[data-stat="kcal"]')?.className).toContain('band-green');
    expect(plain(card.querySelector('[data-stat="protein"]')?.textContent)).toBe('30 gprotein to go');
    cleanup();
    const over = await render(<NutritionHomeCard context={context(() => json({ ...summary, remainingKcal: -120 }))} />);
    await settle();
    expect(plain(over.querySelector('[data-stat="kcal"]')?.textContent)).toBe('120kcal over today');
    expect(over.querySelector('[data-stat="kcal"]')?.className).toContain('band-red');
    cleanup();
    const missing = await render(<NutritionHomeCard context={context(() => json({}, 404))} />);
    await settle();
    expect(missing.querySelector('[data-module="nutrition"]')?.getAttribute('data-state')).toBe('not-set-up');
  });
});
