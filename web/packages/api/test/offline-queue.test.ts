import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { classify, indexedDbStore, OfflineQueue, postOrQueue, type QueuedRequest } from '../src/offline-queue';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const url = '/api/households/h1/expenses/entries';

/** A fake server that stores each record once per id, like the real one (a repeated create is a no-op). */
function fakeServer() {
  const stored = new Map<string, unknown>();
  const calls: string[] = [];
  let mode: 'up' | 'down' | number = 'up';
  const send = vi.fn(async (item: QueuedRequest) => {
    calls.push(item.id);
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (typeof mode === 'number') return new Response(JSON.stringify({ title: 'Nope' }), { status: mode, headers: { 'content-type': 'application/json' } });
    const existed = stored.has(item.id);
    stored.set(item.id, item.body);
    return new Response(null, { status: existed ? 200 : 201 });
  });
  return { stored, calls, send, set: (m: typeof mode) => { mode = m; } };
}

function newQueue(send: (i: QueuedRequest) => Promise<Response>, factory = new IDBFactory(), extra: Partial<ConstructorParameters<typeof OfflineQueue>[0]> = {}) {
  let t = 1000;
  return new OfflineQueue({ store: indexedDbStore(factory), send, channel: null, locks: null, now: () => t++, ...extra });
}

describe('the offline queue', () => {
  it('accepts only creates that carry a client UUID', async () => {
    const q = newQueue(fakeServer().send);
    await expect(q.enqueue(url, { amount: 1 })).rejects.toThrow(/UUID/);
    await expect(q.enqueue(url, { id: 'not-a-uuid' })).rejects.toThrow(/UUID/);
  });

  it('keeps one item per client id, however often it is queued', async () => {
    const q = newQueue(fakeServer().send);
    await q.enqueue(url, { id: id(1), amount: 12.5 });
    await q.enqueue(url, { id: id(1), amount: 12.5 });
    expect(await q.counts()).toEqual({ pending: 1, failed: 0 });
  });

  it('survives a reload (IndexedDB) and replays oldest first, removing what the server accepted', async () => {
    const factory = new IDBFactory();
    const server = fakeServer();
    const first = newQueue(server.send, factory);
    for (const n of [1, 2, 3]) await first.enqueue(url, { id: id(n), amount: n });
    const afterReload = newQueue(server.send, factory);
    expect(await afterReload.counts()).toEqual({ pending: 3, failed: 0 });
    expect(await afterReload.replay()).toEqual({ sent: 3, failed: 0, remaining: 0 });
    expect(server.calls).toEqual([id(1), id(2), id(3)]);
    expect(await afterReload.list()).toEqual([]);
  });

  it('stops at a network failure, keeps the order and counts the attempt', async () => {
    const server = fakeServer();
    const q = newQueue(server.send);
    for (const n of [1, 2]) await q.enqueue(url, { id: id(n) });
    server.set('down');
    expect(await q.replay()).toEqual({ sent: 0, failed: 0, remaining: 2 });
    expect(server.calls).toEqual([id(1)]);
    const [a] = await q.list();
    expect(a.attempts).toBe(1);
    expect(a.lastError).toMatch(/Failed to fetch/);
    server.set('up');
    expect(await q.replay()).toEqual({ sent: 2, failed: 0, remaining: 0 });
    expect([...server.stored.keys()]).toEqual([id(1), id(2)]);
  });

  it('sets aside what the server refuses (400) and keeps server errors (503) for later', async () => {
    expect(classify(201)).toBe('done');
    expect(classify(200)).toBe('done');
    expect(classify(409)).toBe('rejected');
    expect(classify(400)).toBe('rejected');
    expect(classify(404)).toBe('rejected');
    expect(classify(401)).toBe('retry-later');
    expect(classify(429)).toBe('retry-later');
    expect(classify(503)).toBe('retry-later');

    const server = fakeServer();
    const q = newQueue(server.send);
    await q.enqueue(url, { id: id(1) });
    await q.enqueue(url, { id: id(2) });
    server.set(400);
    expect(await q.replay()).toEqual({ sent: 0, failed: 2, remaining: 0 });
    expect(await q.counts()).toEqual({ pending: 0, failed: 2 });
    expect((await q.list())[0].lastError).toBe('400 Nope');
    await q.discard(id(1));
    expect(await q.counts()).toEqual({ pending: 0, failed: 1 });

    const q2 = newQueue(server.send);
    await q2.enqueue(url, { id: id(3) });
    server.set(503);
    expect(await q2.replay()).toEqual({ sent: 0, failed: 0, remaining: 1 });
  });

  it('runs one replay at a time: overlapping triggers send each item once', async () => {
    const server = fakeServer();
    const slowSend = vi.fn(async (item: QueuedRequest) => { await new Promise((r) => setTimeout(r, 5)); return server.send(item); });
    const q = newQueue(slowSend);
    for (const n of [1, 2, 3]) await q.enqueue(url, { id: id(n) });
    const results = await Promise.all([q.replay(), q.replay(), q.replay()]);
    expect(results[0]).toBe(results[1]);
    expect(server.calls).toEqual([id(1), id(2), id(3)]);
  });

  it('does not send twice across tabs sharing the database and a lock', async () => {
    const factory = new IDBFactory();
    const server = fakeServer();
    let chain = Promise.resolve<unknown>(undefined);
    const locks = { request: <T,>(_: string, fn: () => Promise<T>) => { const run = chain.then(fn); chain = run.catch(() => undefined); return run; } };
    const tabA = newQueue(server.send, factory, { locks });
    const tabB = newQueue(server.send, factory, { locks });
    for (const n of [1, 2]) await tabA.enqueue(url, { id: id(n) });
    await Promise.all([tabA.replay(), tabB.replay()]);
    expect(server.calls.sort()).toEqual([id(1), id(2)]);
  });

  it('replays when the browser comes back online, and tells subscribers the counts', async () => {
    const server = fakeServer();
    const q = newQueue(server.send);
    const counts: number[] = [];
    q.subscribe((c) => counts.push(c.pending));
    await q.enqueue(url, { id: id(1) });
    const target = new EventTarget();
    let online = false;
    const stop = q.startAutoReplay(target as unknown as Window, () => online);
    expect(server.send).not.toHaveBeenCalled();
    online = true;
    target.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(server.stored.size).toBe(1));
    await vi.waitFor(() => expect(counts.at(-1)).toBe(0));
    expect(counts).toContain(1);
    stop();
  });

  it('postOrQueue sends when online, queues when offline or when the network fails', async () => {
    const server = fakeServer();
    const q = newQueue(server.send);
    const sent = await postOrQueue(q, server.send, url, { id: id(1) }, { isOnline: () => true });
    expect(sent.queued).toBe(false);
    const offline = await postOrQueue(q, server.send, url, { id: id(2) }, { isOnline: () => false, label: 'Bakery 4.20' });
    expect(offline.queued).toBe(true);
    expect(server.calls).toEqual([id(1)]);
    server.set('down');
    const failed = await postOrQueue(q, server.send, url, { id: id(3) }, { isOnline: () => true });
    expect(failed.queued).toBe(true);
    expect((await q.list()).map((i) => [i.id, i.label])).toEqual([[id(2), 'Bakery 4.20'], [id(3), undefined]]);
    server.set('up');
    await q.replay();
    expect([...server.stored.keys()].sort()).toEqual([id(1), id(2), id(3)]);
  });

  describe('never drops what the server did not store', () => {
    /** Like RecordExpense: a repeated id answers 200 with the stored row, a closed month 409, an expired session 401. */
    function expensesServer() {
      const stored = new Map<string, Record<string, unknown>>();
      const closed = new Set<string>();
      let session = true;
      const send = vi.fn(async (item: QueuedRequest) => {
        const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
        if (!session) return new Response(null, { status: 401 });
        if (stored.has(item.id)) return json(200, stored.get(item.id));
        const month = String(item.body.date).slice(0, 7);
        if (closed.has(month)) return json(409, { status: 409, title: 'Month closed', detail: `${month} is closed. Reopen it to change it.` });
        stored.set(item.id, item.body);
        return json(201, item.body);
      });
      return { stored, closed, send, setSession: (on: boolean) => { session = on; } };
    }

    it('keeps a 409 (month closed) in "needs attention" with the server\u2019s reason, across a reload', async () => {
      const factory = new IDBFactory();
      const server = expensesServer();
      const q = newQueue(server.send, factory);
      await q.enqueue(url, { id: id(1), date: '2026-10-30', amountCents: 1250 }, 'Expense 12.50');
      server.closed.add('2026-10');
      expect(await q.replay()).toEqual({ sent: 0, failed: 1, remaining: 0 });
      const reloaded = newQueue(server.send, factory);
      const [item] = await reloaded.needsAttention();
      expect(item.id).toBe(id(1));
      expect(item.problem).toEqual({ status: 409, title: 'Month closed', detail: '2026-10 is closed. Reopen it to change it.' });
      expect(await reloaded.counts()).toEqual({ pending: 0, failed: 1 });
      // A later trigger does not send a refused item again by itself.
      await reloaded.replay();
      expect(server.send).toHaveBeenCalledTimes(1);
      expect(server.stored.size).toBe(0);
    });

    it('a fixed date is sent again under the same id and stored once; reopening the month and retrying works too', async () => {
      const server = expensesServer();
      const q = newQueue(server.send);
      await q.enqueue(url, { id: id(1), date: '2026-10-30', amountCents: 1250 });
      await q.enqueue(url, { id: id(2), date: '2026-10-31', amountCents: 300 });
      server.closed.add('2026-10');
      await q.replay();
      expect(await q.retry(id(1), { date: '2026-11-01', id: 'ignored' })).toEqual({ sent: 1, failed: 0, remaining: 0 });
      expect(server.stored.get(id(1))).toEqual({ id: id(1), date: '2026-11-01', amountCents: 1250 });
      server.closed.delete('2026-10');
      await q.retry(id(2));
      expect([...server.stored.keys()]).toEqual([id(1), id(2)]);
      expect(await q.list()).toEqual([]);
      expect(server.stored.size).toBe(2);
    });

    it('removes an item when the server answers "same id already stored" (200), e.g. after a lost answer', async () => {
      const server = expensesServer();
      const q = newQueue(server.send);
      server.stored.set(id(1), { id: id(1), date: '2026-11-02' });
      await q.enqueue(url, { id: id(1), date: '2026-11-02' });
      expect(await q.replay()).toEqual({ sent: 1, failed: 0, remaining: 0 });
      expect(await q.list()).toEqual([]);
      expect(server.stored.size).toBe(1);
    });

    it('keeps everything pending on 401 (session gone even after renewal) and sends it once signed in again', async () => {
      const server = expensesServer();
      const q = newQueue(server.send);
      for (const n of [1, 2]) await q.enqueue(url, { id: id(n), date: '2026-11-02' });
      server.setSession(false);
      expect(await q.replay()).toEqual({ sent: 0, failed: 0, remaining: 2 });
      expect(server.send).toHaveBeenCalledTimes(1); // stops at the first: the others would get 401 too
      expect(await q.counts()).toEqual({ pending: 2, failed: 0 });
      server.setSession(true);
      expect(await q.replay()).toEqual({ sent: 2, failed: 0, remaining: 0 });
    });

    it('discarding is the only other way out, and only for the items of the signed-in user', async () => {
      const factory = new IDBFactory();
      const server = expensesServer();
      let user: string | null = 'ada';
      const q = newQueue(server.send, factory, { owner: () => user });
      await q.enqueue(url, { id: id(1), date: '2026-10-30' });
      server.closed.add('2026-10');
      await q.replay();
      user = 'bob';
      expect(await q.list()).toEqual([]);
      expect(await q.counts()).toEqual({ pending: 0, failed: 0 });
      await q.discard(id(1));
      await expect(q.retry(id(1))).rejects.toThrow();
      user = null;
      expect(await q.list()).toEqual([]);
      user = 'ada';
      expect((await q.needsAttention()).map((i) => [i.id, i.owner])).toEqual([[id(1), 'ada']]);
      await q.discard(id(1));
      expect(await q.list()).toEqual([]);
    });

    it('replays only the signed-in user\u2019s items; an item from before owners were kept goes to the first user', async () => {
      const factory = new IDBFactory();
      const server = expensesServer();
      let user: string | null = 'ada';
      const q = newQueue(server.send, factory, { owner: () => user });
      await q.enqueue(url, { id: id(1), date: '2026-11-02' });
      await indexedDbStore(factory).put({ id: id(2), url, method: 'POST', body: { id: id(2), date: '2026-11-02' }, queuedAt: 1, seq: 0, attempts: 0, status: 'pending' });
      user = 'bob';
      expect(await q.replay()).toEqual({ sent: 1, failed: 0, remaining: 0 });
      expect([...server.stored.keys()]).toEqual([id(2)]);
      user = null;
      expect(await q.replay()).toEqual({ sent: 0, failed: 0, remaining: 0 });
      user = 'ada';
      expect(await q.replay()).toEqual({ sent: 1, failed: 0, remaining: 0 });
      expect([...server.stored.keys()]).toEqual([id(2), id(1)]);
    });

    it('auto replay waits until the shell confirmed who is signed in', async () => {
      const server = expensesServer();
      const q = newQueue(server.send);
      await q.enqueue(url, { id: id(1), date: '2026-11-02' });
      let confirmed = false;
      const target = new EventTarget();
      const stop = q.startAutoReplay(target as unknown as Window, () => true, async () => confirmed);
      await new Promise((r) => setTimeout(r, 10));
      expect(server.send).not.toHaveBeenCalled();
      confirmed = true;
      target.dispatchEvent(new Event('online'));
      await vi.waitFor(() => expect(server.stored.size).toBe(1));
      stop();
    });
  });
});
