// @vitest-environment jsdom
// public/early.js as the browser runs it: the session's requests, then the home cards' first reads of the household
// the app will open, taken once by the typed client instead of asking again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, unwrap } from '@trackstack/api';

const EARLY_JS = readFileSync(join(__dirname, '..', 'public', 'early.js'), 'utf8');
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const me = {
  id: 'u', email: 'a@b.c', displayName: 'A', emailVerified: true, hasPassword: true, externalLogins: [], lastHouseholdId: 'shared',
  households: [{ id: 'p', name: 'Mine', role: 'owner', isPersonal: true }, { id: 'shared', name: 'Maple Street', role: 'member', isPersonal: false }],
};
const households = [{ id: 'p', timeZone: 'UTC' }, { id: 'shared', timeZone: 'Pacific/Kiritimati' }];

function runEarly(reads: string[], answers: Record<string, Response | Promise<Response>>) {
  document.head.innerHTML = `<script type="application/json" id="ts-early-reads">${JSON.stringify(reads)}</script>`;
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string) => { asked.push(path); const a = await answers[path]; return a?.clone() ?? json({ title: 'Not Found' }, 404); }));
  new Function(EARLY_JS)();
  return asked;
}

afterEach(() => { vi.unstubAllGlobals(); vi.useRealTimers(); delete window.__tsEarly; localStorage.clear(); document.head.innerHTML = ''; });

describe('early.js', () => {
  it('asks for the home cards\' reads of the household used last, in its time zone\'s month', async () => {
    // 30 November, 11:00 UTC is already 1 December in Kiritimati (UTC+14).
    vi.useFakeTimers({ now: new Date('2026-11-30T11:00:00Z'), toFake: ['Date'] });
    const asked = runEarly(['/expenses/months/{month}', '/heating/summary'], { '/api/me': json(me), '/api/households': json(households) });
    await vi.waitFor(() => expect(asked).toHaveLength(4));
    expect(asked).toEqual(['/api/me', '/api/households', '/api/households/shared/expenses/months/2026-12', '/api/households/shared/heating/summary']);
  });

  it('follows the household chosen on this device, and asks nothing more when the session failed', async () => {
    localStorage.setItem('ts.household', 'p');
    const asked = runEarly(['/heating/summary'], { '/api/me': json(me), '/api/households': json(households) });
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).toBe('/api/households/p/heating/summary');

    const refused = runEarly(['/heating/summary'], { '/api/me': json({ title: 'Unauthorized' }, 401), '/api/households': json({}, 401) });
    await new Promise((r) => setTimeout(r, 20));
    expect(refused).toEqual(['/api/me', '/api/households']);
  });

  it('leaves answers the typed client takes once, while the app still reads /api/me itself', async () => {
    const asked = runEarly(['/heating/summary'], { '/api/me': json(me), '/api/households': json(households), '/api/households/shared/heating/summary': json({ daysSinceLastRefill: 3 }) });
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    // The app's own read of /api/me after early.js took its copy of the body.
    expect(((await (await window.__tsEarly!['/api/me']!).json()) as { id: string }).id).toBe('u');

    const network = vi.fn(async () => json({ daysSinceLastRefill: 9 }));
    const client = createApiClient({ baseUrl: location.origin, readCookie: () => undefined, onSignInRequired: () => {}, fetch: network });
    const read = () => unwrap(client.typed.GET('/api/households/{householdId}/heating/summary', { params: { path: { householdId: 'shared' } } }));
    expect(await read()).toEqual({ daysSinceLastRefill: 3 });
    expect(network).not.toHaveBeenCalled();
    // Once: the next read asks the network.
    expect(await read()).toEqual({ daysSinceLastRefill: 9 });
    expect(network).toHaveBeenCalledTimes(1);
  });

  it('still asks for the home reads when the app read /api/me before the household list arrived', async () => {
    let listArrives: (r: Response) => void = () => {};
    const list = new Promise<Response>((resolve) => { listArrives = resolve; });
    const asked = runEarly(['/heating/summary'], { '/api/me': json(me), '/api/households': list });
    // The app takes /api/me and reads its body at once.
    expect(((await (await window.__tsEarly!['/api/me']!).json()) as { id: string }).id).toBe('u');
    listArrives(json(households));
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).toBe('/api/households/shared/heating/summary');
  });

  it('hands out nothing once the first render is long past (a left-over answer is not fresh)', async () => {
    window.__tsEarly = { '/api/households/shared/heating/summary': Promise.resolve(json({ daysSinceLastRefill: 3 })) };
    const now = vi.spyOn(performance, 'now').mockReturnValue(60_000);
    try {
      const network = vi.fn(async () => json({ daysSinceLastRefill: 9 }));
      const client = createApiClient({ baseUrl: location.origin, readCookie: () => undefined, onSignInRequired: () => {}, fetch: network });
      expect(await unwrap(client.typed.GET('/api/households/{householdId}/heating/summary', { params: { path: { householdId: 'shared' } } }))).toEqual({ daysSinceLastRefill: 9 });
    } finally {
      now.mockRestore();
    }
  });

  it('an early answer that failed is asked again through the client (which renews an expired session)', async () => {
    window.__tsEarly = { '/api/households/shared/heating/summary': Promise.resolve(json({ title: 'Unauthorized' }, 401)) };
    const network = vi.fn(async () => json({ daysSinceLastRefill: 9 }));
    const client = createApiClient({ baseUrl: location.origin, readCookie: () => undefined, onSignInRequired: () => {}, fetch: network });
    expect(await unwrap(client.typed.GET('/api/households/{householdId}/heating/summary', { params: { path: { householdId: 'shared' } } }))).toEqual({ daysSinceLastRefill: 9 });
    expect(network).toHaveBeenCalledTimes(1);
  });
});
