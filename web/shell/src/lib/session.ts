// The signed-in user and the current household, shared by the top bar and the page on one screen.
import { api, unwrap, type Household, type Me } from '@trackstack/api';

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

/** A new account's personal household is made by an event handler just after sign-up: while the answer has no
 * household yet, ask again a few times (after 0.25, 0.5, 1, 2 and 4 s) instead of showing a screen without one. */
async function fetchMe(): Promise<Me> {
  let me = await unwrap(api().typed.GET('/api/me'));
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

/** Forgets the user on this device: the session cache and every read kept for offline use (the offline queue keeps
 * its items, per user, for when they sign in again). Resolves once the reads are gone. */
export function forgetSession(): Promise<void> {
  mePromise = null;
  householdPromises.clear();
  confirmedUserId = null;
  try { localStorage.removeItem(CACHE_KEY); } catch { /* ignore */ }
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

/** The remembered household when the user still belongs to it, else the personal one, else the first. */
export function pickHousehold(me: Me, stored: string | null = storedHouseholdId()): string | null {
  if (stored && me.households.some((h) => h.id === stored)) return stored;
  return (me.households.find((h) => h.isPersonal) ?? me.households[0])?.id ?? null;
}

export function setCurrentHousehold(id: string) {
  try { localStorage.setItem(HOUSEHOLD_KEY, id); } catch { /* ignore */ }
  notify();
}

export function loadHousehold(id: string, force = false): Promise<Household> {
  let p = householdPromises.get(id);
  if (force || !p) {
    p = unwrap(api().typed.GET('/api/households/{householdId}', { params: { path: { householdId: id } } }));
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
