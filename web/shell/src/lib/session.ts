// The signed-in user and the current household, shared by the top bar and the page on one screen.
import { api, takeEarlyAnswer, unwrap, type Household, type Me } from '@trackstack/api';

const HOUSEHOLD_KEY = 'ts.household';
const CACHE_KEY = 'ts.session';

type Listener = () => void;
const listeners = new Set<Listener>();
let mePromise: Promise<Me> | null = null;
const householdPromises = new Map<string, Promise<Household>>();

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

function notify() {
  for (const l of listeners) l();
}

/** The answer public/early.js asked for before this bundle ran, taken once; null when there is none or it was not a
 * 200 (then the caller asks through the API client, which renews an expired session). */
async function takeEarly<T>(path: string): Promise<T | null> {
  const early = takeEarlyAnswer(path);
  if (!early) return null;
  try {
    const r = await early;
    return r.ok ? ((await r.json()) as T) : null;
  } catch {
    return null;
  }
}

/** A new account's personal household is made by an event handler just after sign-up: while the answer has no
 * household yet, ask again a few times (after 0.25, 0.5, 1, 2 and 4 s) instead of showing a screen without one. */
async function fetchMe(): Promise<Me> {
  let me = (await takeEarly<Me>('/api/me')) ?? await unwrap(api().typed.GET('/api/me'));
  for (let wait = 250; me.households.length === 0 && wait <= 4000; wait *= 2) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    me = await unwrap(api().typed.GET('/api/me'));
  }
  return me;
}

export function loadMe(force = false): Promise<Me> {
  if (force || !mePromise) {
    mePromise = fetchMe().then((me) => {
      const before = cachedMe()?.id;
      try { localStorage.setItem(CACHE_KEY, JSON.stringify({ me })); } catch { /* private mode */ }
      // Someone else signed in on this device without signing out first: the other user's reads go.
      if (before && before !== me.id) void api().readCache?.clear();
      api().readCache?.setScope(me.id);
      confirmedUserId = me.id;
      return me;
    });
    mePromise.catch(() => { mePromise = null; });
  }
  return mePromise;
}

/** The last known session, for an instant first paint while /api/me is on its way. */
export function cachedMe(): Me | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw ? (JSON.parse(raw) as { me: Me }).me : null;
  } catch {
    return null;
  }
}

/** Forgets the user on this device (sign-in, sign-up, sign-out, password reset): the session cache, the household
 * chosen here (the next account's comes from the server: the one it used last on any device) and every read kept for
 * offline use (the offline queue keeps its items, per user, for when they sign in again). Resolves once the reads are gone. */
export function forgetSession(): Promise<void> {
  mePromise = null;
  householdPromises.clear();
  confirmedUserId = null;
  try { localStorage.removeItem(CACHE_KEY); localStorage.removeItem(HOUSEHOLD_KEY); } catch { /* ignore */ }
  const cache = api().readCache;
  cache?.setScope(null);
  return cache?.clear() ?? Promise.resolve();
}

let confirmedUserId: string | null = null;
/** The user the server confirmed on this page (null until /api/me answered): the offline queue sends only then. */
export function confirmedUser(): string | null {
  return confirmedUserId;
}

// The reads kept for offline belong to the last known user until the server says otherwise.
if (typeof window !== 'undefined') api().readCache?.setScope(cachedMe()?.id ?? null);

export function storedHouseholdId(): string | null {
  try { return localStorage.getItem(HOUSEHOLD_KEY); } catch { return null; }
}

/** The household chosen on this device in this session, else the one used last on any device (the server's
 * lastHouseholdId), else the personal one, else the first; each only while the user still belongs to it. */
export function pickHousehold(me: Me, stored: string | null = storedHouseholdId()): string | null {
  const member = (id: string | null | undefined) => !!id && me.households.some((h) => h.id === id);
  if (member(stored)) return stored;
  if (member(me.lastHouseholdId)) return me.lastHouseholdId ?? null;
  return (me.households.find((h) => h.isPersonal) ?? me.households[0])?.id ?? null;
}

/** Switches household on this device and tells the server, so the next sign-in anywhere opens it. The request
 * outlives a navigation that follows at once (keepalive); when it fails, only other devices miss the change. */
export function setCurrentHousehold(id: string) {
  try { localStorage.setItem(HOUSEHOLD_KEY, id); } catch { /* ignore */ }
  const cached = cachedMe();
  if (cached) {
    try { localStorage.setItem(CACHE_KEY, JSON.stringify({ me: { ...cached, lastHouseholdId: id } })); } catch { /* ignore */ }
  }
  void api().typed.PUT('/api/households/{householdId}/members/me/last-used', { params: { path: { householdId: id } }, keepalive: true })
    .catch(() => { /* offline: this device still remembers it */ });
  notify();
}

export function loadHousehold(id: string, force = false): Promise<Household> {
  let p = householdPromises.get(id);
  if (force || !p) {
    const single = () => unwrap(api().typed.GET('/api/households/{householdId}', { params: { path: { householdId: id } } }));
    // The first one may come from the list early.js asked for next to /api/me (one round trip less on a cold load).
    const early = force ? null : takeEarly<Household[]>('/api/households');
    p = early ? early.then((list) => list?.find((h) => h.id === id) ?? single()) : single();
    householdPromises.set(id, p);
    p.catch(() => householdPromises.delete(id));
  }
  return p;
}

export function householdChanged(id: string) {
  householdPromises.delete(id);
  mePromise = null;
  notify();
}
