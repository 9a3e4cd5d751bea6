import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { cachedAt, indexedDbReadStore, ReadCache } from '../src/read-cache';
import { createApiClient, unwrap } from '../src/client';

const month = 'http://app.test/api/households/h1/expenses/months/2026-11';

/** A server that answers until the network goes away (fetch then throws, as the browser's does). */
function network() {
  let up = true;
  let served = 0;
  const fetch = async (request: Request) => {
    if (!up) throw new TypeError('Failed to fetch');
    served++;
    return new Response(JSON.stringify({ url: new URL(request.url).pathname, served }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, setUp: (v: boolean) => { up = v; }, get served() { return served; } };
}

function cache(factory = new IDBFactory(), at = 1_700_000_000_000) {
  return new ReadCache({ store: indexedDbReadStore(factory), now: () => at });
}

describe('the read cache', () => {
  it('answers from the device when the network fails, with the time it was fetched, also after a reload', async () => {
    const factory = new IDBFactory();
    const net = network();
    const first = cache(factory);
    first.setScope('ada');
    const wrapped = first.wrap(net.fetch);
    expect(await (await wrapped(new Request(month))).json()).toEqual({ url: '/api/households/h1/expenses/months/2026-11', served: 1 });
    await new Promise((r) => setTimeout(r, 20)); // the write is not awaited by the caller

    net.setUp(false);
    const afterReload = cache(factory, 1_800_000_000_000);
    afterReload.setScope('ada');
    const r = await afterReload.wrap(net.fetch)(new Request(month));
    expect(r.status).toBe(200);
    expect(cachedAt(r)).toBe(1_700_000_000_000);
    expect(await r.json()).toEqual({ url: '/api/households/h1/expenses/months/2026-11', served: 1 });
    expect(afterReload.staleReads()).toEqual([{ path: '/api/households/h1/expenses/months/2026-11', fetchedAt: 1_700_000_000_000 }]);

    // Back online: a fresh answer clears the "as of" mark.
    net.setUp(true);
    const fresh = await afterReload.wrap(net.fetch)(new Request(month));
    expect(cachedAt(fresh)).toBeNull();
    expect(afterReload.staleReads()).toEqual([]);
  });

  it('never serves one user\u2019s reads to another, nor to nobody, and forgets everything on clear (sign-out)', async () => {
    const factory = new IDBFactory();
    const net = network();
    const c = cache(factory);
    const wrapped = c.wrap(net.fetch);
    c.setScope('ada');
    await wrapped(new Request(month));
    await new Promise((r) => setTimeout(r, 20));
    net.setUp(false);
    c.setScope('bob');
    await expect(wrapped(new Request(month))).rejects.toThrow(/Failed to fetch/);
    c.setScope(null);
    await expect(wrapped(new Request(month))).rejects.toThrow(/Failed to fetch/);
    c.setScope('ada');
    expect((await wrapped(new Request(month))).status).toBe(200);
    await c.clear();
    await expect(wrapped(new Request(month))).rejects.toThrow(/Failed to fetch/);
  });

  it('keeps household GETs only: account routes and writes always go to the network', async () => {
    const net = network();
    const c = cache();
    c.setScope('ada');
    const wrapped = c.wrap(net.fetch);
    await wrapped(new Request('http://app.test/api/me'));
    await wrapped(new Request(month, { method: 'POST', body: '{}' }));
    await new Promise((r) => setTimeout(r, 20));
    net.setUp(false);
    await expect(wrapped(new Request('http://app.test/api/me'))).rejects.toThrow();
    await expect(wrapped(new Request(month))).rejects.toThrow();
  });

  it('the typed client reads through it: a failed network gives the last month sheet, not an error', async () => {
    const net = network();
    const readCache = cache();
    readCache.setScope('ada');
    const client = createApiClient({ baseUrl: 'http://app.test', fetch: net.fetch, readCache, onSignInRequired: () => undefined });
    const get = () => unwrap(client.typed.GET('/api/households/{householdId}/expenses/months/{month}', { params: { path: { householdId: 'h1', month: '2026-11' } } }));
    await get();
    await new Promise((r) => setTimeout(r, 20));
    net.setUp(false);
    expect(await get()).toEqual({ url: '/api/households/h1/expenses/months/2026-11', served: 1 });
    expect(readCache.staleReads()).toHaveLength(1);
  });

  it('keeps at most `max` answers, dropping the oldest', async () => {
    const factory = new IDBFactory();
    const store = indexedDbReadStore(factory);
    for (let n = 0; n < 6; n++) await store.put({ key: `ada|/api/households/h1/x/${n}`, path: `/api/households/h1/x/${n}`, status: 200, contentType: null, body: '{}', fetchedAt: 1000 - n });
    await store.prune!(4);
    const kept = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => store.get(`ada|/api/households/h1/x/${n}`)));
    expect(kept.map((e) => e !== undefined)).toEqual([true, true, true, true, false, false]);
  });
});
