// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, unwrap, type Me } from '@trackstack/api';
import { forgetSession, loadMe } from '../src/lib/session';
import { offlineQueue } from '../src/lib/offline';

const me = (id: string): Me => ({
  id, email: `${id}@b.c`, displayName: id, emailVerified: true, hasPassword: true, externalLogins: [],
  households: [{ id: 'h1', name: 'Home', isPersonal: true, role: 'owner' }],
});

/** /api/me answers the user of the moment; household data answers until the network is "down". */
function server() {
  const state = { user: 'ada', down: false };
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/me') return new Response(JSON.stringify(me(state.user)), { status: 200, headers: { 'content-type': 'application/json' } });
    if (state.down) throw new TypeError('Failed to fetch');
    if (request.method === 'POST') return new Response('{}', { status: 201, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify({ for: state.user }), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
  return state;
}

const settings = () => unwrap(api().typed.GET('/api/households/{householdId}/expenses/settings', { params: { path: { householdId: 'h1' } } }));
const written = () => new Promise((r) => setTimeout(r, 30));

describe('offline data and who is signed in', () => {
  afterEach(async () => { vi.unstubAllGlobals(); await forgetSession(); });

  it('sign-out deletes the reads kept for offline: nobody, and not the same user later, gets them', async () => {
    const net = server();
    await loadMe(true);
    await settings();
    await written();
    net.down = true;
    expect(await settings()).toEqual({ for: 'ada' });
    await forgetSession();
    await expect(settings()).rejects.toMatchObject({ status: 0 });
    await loadMe(true);
    await expect(settings()).rejects.toMatchObject({ status: 0 });
  });

  it('another user signing in (without signing out first) never reads the previous user\u2019s copy', async () => {
    const net = server();
    await loadMe(true);
    await settings();
    await written();
    net.user = 'bob';
    await loadMe(true);
    net.down = true;
    await expect(settings()).rejects.toMatchObject({ status: 0 });
    net.user = 'ada';
    await loadMe(true);
    await expect(settings()).rejects.toMatchObject({ status: 0 });
  });

  it('queued entries are shown and sent only to the user who made them', async () => {
    const net = server();
    await loadMe(true);
    const q = offlineQueue();
    await q.enqueue('/api/households/h1/expenses/entries', { id: '00000000-0000-4000-8000-0000000000a1', date: '2026-11-02' });
    net.user = 'bob';
    await loadMe(true);
    expect(await q.counts()).toEqual({ pending: 0, failed: 0 });
    expect(await q.replay()).toEqual({ sent: 0, failed: 0, remaining: 0 });
    net.user = 'ada';
    await loadMe(true);
    expect(await q.counts()).toEqual({ pending: 1, failed: 0 });
    expect(await q.replay()).toEqual({ sent: 1, failed: 0, remaining: 0 });
  });
});
