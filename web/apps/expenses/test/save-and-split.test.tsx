// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { IDBFactory } from 'fake-indexeddb';
import { createApiClient, indexedDbStore, OfflineQueue, type ModuleContext } from '@trackstack/api';
import { mount } from '../src/index';
import { checkParts, parseAmount, partsBody, startSplit, unassignedCents } from '../src/entries/splits';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const settings = {
  monthlyIncomeCents: 300000, currency: 'EUR', fuelCategoryId: null, allocation: { totalPercent: 100, status: 'complete', unassignedPercent: 0 },
  tanks: [{ id: 't1', key: 'fun', name: 'Fun', ratioPercent: 100, categories: [
    { id: 'c1', name: 'Restaurants', tankKey: 'fun', sortOrder: 0 }, { id: 'c2', name: 'Groceries', tankKey: 'fun', sortOrder: 1 }] }],
};
const empty = { items: [], page: 1, pageSize: 40, total: 0, totalCents: 0 };

let unmount: (() => void) | null = null;
afterEach(() => { act(() => unmount?.()); unmount = null; document.body.innerHTML = ''; location.hash = ''; });

function setup() {
  const posted: Record<string, unknown>[] = [];
  const client = createApiClient({
    baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {},
    fetch: async (r) => {
      const path = new URL(r.url).pathname;
      if (r.method === 'POST' && path.endsWith('/entries')) { const body = await r.json(); posted.push(body); return json({ ...body }, 201); }
      if (path.endsWith('/settings')) return json(settings);
      if (path.endsWith('/entries')) return json(empty);
      return json({}, 404);
    },
  });
  const queue = new OfflineQueue({ store: indexedDbStore(new IDBFactory()), send: async () => new Response(null, { status: 201 }), channel: null, locks: null });
  const context: ModuleContext = { client, queue, household: { id: 'h1', name: 'Home', currency: 'EUR', locale: 'en-GB', timeZone: 'Europe/Brussels', role: 'owner' }, now: () => new Date('2026-11-20T10:00:00Z') };
  return { context, posted };
}

const settle = () => act(async () => { await new Promise((r) => setTimeout(r, 30)); });
const click = async (el: Element | null | undefined) => { await act(async () => { (el as HTMLElement).click(); }); };
const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text);
function type(input: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

async function openAdd(context: ModuleContext) {
  location.hash = '#add';
  const el = document.body.appendChild(document.createElement('div'));
  await act(async () => { unmount = mount(el, context); });
  await settle();
  return el;
}

describe('save and add another', () => {
  it('saves, stays on the form with the keypad focused and empty, keeps the date, and the next save is a new entry', async () => {
    const { context, posted } = setup();
    const el = await openAdd(context);
    for (const k of ['1', '2', '5']) await click(el.querySelector(`.key[data-key="${k}"]`));
    await act(async () => { type(el.querySelector('input[name=title]')!, 'Bakery'); });
    await act(async () => { type(el.querySelector('#entry-category')!, 'c2'); });
    await act(async () => { type(el.querySelector('input[name=date]')!, '2026-11-18'); });
    await click(button(el, 'Save and add another'));
    await settle();

    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ amountCents: 125, title: 'Bakery', categoryId: 'c2', date: '2026-11-18' });
    expect(el.querySelector('form[aria-label="Add an expense"]')).not.toBeNull();
    const display = el.querySelector('.amount-display')!;
    expect(display.getAttribute('data-cents')).toBe('0');
    expect(document.activeElement).toBe(display);
    expect((el.querySelector('input[name=title]') as HTMLInputElement).value).toBe('');
    expect((el.querySelector('#entry-category') as HTMLSelectElement).value).toBe('');
    expect((el.querySelector('input[name=date]') as HTMLInputElement).value).toBe('2026-11-18');
    expect(el.querySelector('[role=status].saved-line')?.textContent).toContain('Bakery');

    // Typing goes straight to the amount: the keypad is ready.
    await act(async () => { display.dispatchEvent(new KeyboardEvent('keydown', { key: '9', bubbles: true })); });
    expect(display.getAttribute('data-cents')).toBe('9');
    await act(async () => { type(el.querySelector('input[name=title]')!, 'Kiosk'); });
    await click(button(el, 'Save and add another'));
    await settle();
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({ amountCents: 9, title: 'Kiosk', date: '2026-11-18', categoryId: null });
    expect(posted[1].id).not.toBe(posted[0].id);
  });

  it('"Save expense" still leaves the form for the month sheet', async () => {
    const { context, posted } = setup();
    const el = await openAdd(context);
    await click(el.querySelector('.key[data-key="5"]'));
    await act(async () => { type(el.querySelector('input[name=title]')!, 'Kiosk'); });
    await click(button(el, 'Save expense'));
    await settle();
    expect(posted).toHaveLength(1);
    expect(location.hash).toBe('#month');
  });
});

describe('splitting an entry', () => {
  it('sends parts that add up to the amount and no category of its own', async () => {
    const { context, posted } = setup();
    const el = await openAdd(context);
    for (const k of ['1', '0', '0', '00']) await click(el.querySelector(`.key[data-key="${k}"]`));
    await act(async () => { type(el.querySelector('input[name=title]')!, 'Supermarket'); });
    await act(async () => { type(el.querySelector('#entry-category')!, 'c2'); });
    await click(button(el, 'Split across categories'));
    expect((el.querySelector('#part-0-category') as HTMLSelectElement).value).toBe('c2');
    expect((el.querySelector('#part-0-amount') as HTMLInputElement).value).toBe('100.00');
    await act(async () => { type(el.querySelector('#part-0-amount')!, '70'); });
    await act(async () => { type(el.querySelector('#part-1-category')!, 'c1'); });
    await act(async () => { type(el.querySelector('#part-1-amount')!, '20'); });
    expect(el.querySelector('#split-left')?.textContent).toContain('10.00');

    await click(button(el, 'Save expense'));
    await settle();
    expect(posted).toHaveLength(0);
    expect(el.querySelector('.split-parts .field-error')?.textContent).toContain('100.00');

    await act(async () => { type(el.querySelector('#part-1-amount')!, '30,00'); });
    await click(button(el, 'Save expense'));
    await settle();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ amountCents: 10000, categoryId: null, parts: [{ categoryId: 'c2', amountCents: 7000 }, { categoryId: 'c1', amountCents: 3000 }] });
  });

  it('parses amounts and checks the parts like the server', () => {
    expect([parseAmount('12.5'), parseAmount('12,50'), parseAmount('3'), parseAmount('1.234'), parseAmount('-2'), parseAmount('')]).toEqual([1250, 1250, 300, null, null, null]);
    // With the household's locale, its separators (de-DE writes 1.234,56; en-US 1,234.56).
    expect([parseAmount('1.234,56', 'de-DE'), parseAmount('1,234.56', 'en-US'), parseAmount('12,5', 'de-DE'), parseAmount('0', 'de-DE')]).toEqual([123456, 123456, 1250, null]);
    expect(startSplit(123456, 'c1', 'de-DE')[0].amount).toBe('1.234,56');
    expect(checkParts(1500, [{ categoryId: 'c1', amount: '10,00' }, { categoryId: 'c2', amount: 'x' }], 'de-DE')).toEqual({ 'parts[1].amountCents': 'Enter an amount, e.g. 12,50.' });
    expect(startSplit(4200, 'c1')).toEqual([{ categoryId: 'c1', amount: '42.00' }, { categoryId: '', amount: '' }]);
    const parts = [{ categoryId: 'c1', amount: '10' }, { categoryId: 'c1', amount: '5' }];
    expect(checkParts(1500, parts)).toEqual({ 'parts[1].categoryId': 'This category is already a part.' });
    expect(unassignedCents(-2000, parts)).toBe(500);
    expect(partsBody(-1500, parts)).toEqual([{ categoryId: 'c1', amountCents: -1000 }, { categoryId: 'c1', amountCents: -500 }]);
    expect(checkParts(1500, [{ categoryId: 'c1', amount: '15' }])).toEqual({ parts: 'A split needs at least two parts.' });
  });
});
