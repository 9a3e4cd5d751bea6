// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { IDBFactory } from 'fake-indexeddb';
import { createApiClient, indexedDbReadStore, indexedDbStore, OfflineQueue, ReadCache, unwrap, type ModuleContext } from '@trackstack/api';
import { ModuleScreen } from '../src/ModuleScreen';
import { formatAsOf } from '../src/OfflineReads';
import { cleanup, render, settle } from './render';

const TABS = [{ id: 'month', label: 'Month' }] as const;
const fetchedAt = Date.parse('2026-11-30T09:42:00Z'); // 10:42 in Zurich

function setup() {
  let up = true;
  let calls = 0;
  const fetch = async () => {
    if (!up) throw new TypeError('Failed to fetch');
    calls++;
    return new Response(JSON.stringify({ bills: calls }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const readCache = new ReadCache({ store: indexedDbReadStore(new IDBFactory()), now: () => fetchedAt });
  readCache.setScope('ada');
  const client = createApiClient({ baseUrl: 'http://app.test', fetch, readCache, onSignInRequired: () => undefined });
  const context: ModuleContext = {
    client,
    household: { id: 'h1', name: 'Home', currency: 'CHF', locale: 'en-GB', timeZone: 'Europe/Zurich', role: 'owner' },
    now: () => new Date('2026-11-30T12:00:00Z'),
  };
  const probe = () => unwrap(client.typed.GET('/api/households/{householdId}/expenses/settings', { params: { path: { householdId: 'h1' } } })) as Promise<unknown> as Promise<{ bills: number }>;
  return { context, probe, setUp: (v: boolean) => { up = v; }, calls: () => calls };
}

afterEach(cleanup);

describe('offline reading on a module screen', () => {
  it('shows the kept answer with "as of" in the household time zone, and reloads by itself when back online', async () => {
    const { context, probe, setUp, calls } = setup();
    const screen = (
      <ModuleScreen context={context} title="Expenses" tabs={TABS} probe={probe}>
        {({ probe: p }) => <section data-state={p.status} data-bills={p.data?.bills ?? ''} />}
      </ModuleScreen>
    );
    let el = await render(screen);
    await settle(30);
    expect(el.querySelector('section')!.dataset.bills).toBe('1');
    expect(el.querySelector('.stale-reads')).toBeNull();
    cleanup();

    setUp(false); // an offline reload of the screen
    el = await render(screen);
    await settle(30);
    expect(el.querySelector('section')!.dataset.state).toBe('ready');
    expect(el.querySelector('section')!.dataset.bills).toBe('1');
    expect(el.querySelector('.stale-reads')?.textContent).toContain('as of 10:42');

    setUp(true);
    await act(async () => { window.dispatchEvent(new Event('online')); });
    await settle(30);
    expect(calls()).toBe(2);
    expect(el.querySelector('section')!.dataset.bills).toBe('2');
    expect(el.querySelector('.stale-reads')).toBeNull();
  });

  it('reloads once queued entries were sent, so the screen shows them', async () => {
    const { context, probe, calls } = setup();
    const queue = new OfflineQueue({ store: indexedDbStore(new IDBFactory()), send: async () => new Response(null, { status: 201 }), channel: null, locks: null });
    await queue.enqueue('/api/households/h1/expenses/entries', { id: '00000000-0000-4000-8000-000000000001' });
    const el = await render(
      <ModuleScreen context={{ ...context, queue }} title="Expenses" tabs={TABS} probe={probe}>
        {({ probe: p }) => <section data-bills={p.data?.bills ?? ''} />}
      </ModuleScreen>,
    );
    await settle(30);
    expect(calls()).toBe(1);
    await act(async () => { await queue.replay(); });
    await settle(30);
    expect(calls()).toBe(2);
    expect(el.querySelector('section')!.dataset.bills).toBe('2');
  });

  it('writes the date too when the kept answer is from another day', () => {
    expect(formatAsOf(fetchedAt, { locale: 'en-GB', timeZone: 'Europe/Zurich' }, new Date('2026-12-01T12:00:00Z'))).toBe('30 Nov, 10:42');
  });
});
