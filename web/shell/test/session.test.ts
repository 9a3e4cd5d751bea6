// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@trackstack/api';
import { forgetSession, loadMe, pickHousehold } from '../src/lib/session';

const me = (households: Array<{ id: string; isPersonal: boolean }>): Me => ({
  id: 'u', email: 'a@b.c', displayName: 'A', emailVerified: true, hasPassword: true, externalLogins: [], lastHouseholdId: null,
  households: households.map((h) => ({ ...h, name: h.id, role: 'owner' as const })),
});

describe('the current household', () => {
  it('is the remembered one while you still belong to it', () => {
    expect(pickHousehold(me([{ id: 'p', isPersonal: true }, { id: 'shared', isPersonal: false }]), 'shared')).toBe('shared');
  });
  it('falls back to the personal household, then the first, then none', () => {
    expect(pickHousehold(me([{ id: 'shared', isPersonal: false }, { id: 'p', isPersonal: true }]), 'removed')).toBe('p');
    expect(pickHousehold(me([{ id: 'only', isPersonal: false }]), null)).toBe('only');
    expect(pickHousehold(me([]), 'x')).toBeNull();
  });
});

describe('loading the session', () => {
  afterEach(() => { vi.unstubAllGlobals(); forgetSession(); });

  it('waits for a new account\'s personal household (made just after sign-up) instead of settling for none', async () => {
    const answers = [me([]), me([]), me([{ id: 'p', isPersonal: true }])];
    const fetch = vi.fn(async () => new Response(JSON.stringify(answers.shift()), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const loaded = await loadMe(true);
    expect(loaded.households.map((h) => h.id)).toEqual(['p']);
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
