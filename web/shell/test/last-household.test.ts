// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Household, Me } from '@trackstack/api';
import { forgetSession, loadHousehold, loadMe, pickHousehold, setCurrentHousehold, storedHouseholdId } from '../src/lib/session';

const me = (lastHouseholdId: string | null): Me => ({
  id: 'u', email: 'a@b.c', displayName: 'A', emailVerified: true, hasPassword: true, externalLogins: [], lastHouseholdId,
  households: [{ id: 'p', name: 'Mine', role: 'owner', isPersonal: true }, { id: 'shared', name: 'Maple Street', role: 'member', isPersonal: false }],
});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => { vi.unstubAllGlobals(); forgetSession(); delete window.__tsEarly; });

describe('the household used last on any device', () => {
  it('is current after sign-in, when this device chose none in the session', () => {
    expect(pickHousehold(me('shared'), null)).toBe('shared');
    expect(pickHousehold(me(null), null)).toBe('p');
    // Left since: the personal one.
    expect(pickHousehold(me('gone'), null)).toBe('p');
    // A choice on this device in this session wins.
    expect(pickHousehold(me('shared'), 'p')).toBe('p');
  });

  it('is told to the server on every switch, and a new session forgets the device\'s choice', async () => {
    const fetch = vi.fn(async (_r: Request) => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    setCurrentHousehold('shared');
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    const request = fetch.mock.calls[0][0];
    expect([request.method, new URL(request.url).pathname]).toEqual(['PUT', '/api/households/shared/members/me/last-used']);
    expect(storedHouseholdId()).toBe('shared');
    forgetSession();
    expect(storedHouseholdId()).toBeNull();
  });
});

describe('the answers early.js started before the bundle', () => {
  it('are used once instead of asking again', async () => {
    const household = { id: 'shared', name: 'Maple Street' } as Household;
    window.__tsEarly = { '/api/me': Promise.resolve(json(me('shared'))), '/api/households': Promise.resolve(json([household])) };
    const fetch = vi.fn(async () => json({}));
    vi.stubGlobal('fetch', fetch);
    expect((await loadMe(true)).lastHouseholdId).toBe('shared');
    expect((await loadHousehold('shared', false)).name).toBe('Maple Street');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('are ignored when they failed (an expired session is renewed by the API client)', async () => {
    window.__tsEarly = { '/api/me': Promise.resolve(json({ title: 'Unauthorized' }, 401)) };
    const fetch = vi.fn(async () => json(me(null)));
    vi.stubGlobal('fetch', fetch);
    expect((await loadMe(true)).id).toBe('u');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
