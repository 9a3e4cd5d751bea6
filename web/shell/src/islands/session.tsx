import { useEffect, useState } from 'react';
import type { Household, Me } from '@trackstack/api';
import { cachedMe, loadHousehold, loadMe, pickHousehold, subscribe } from '../lib/session';

const HH_CACHE = 'ts.hh.';

export interface SessionState {
  status: 'loading' | 'ready' | 'error';
  me: Me | null;
  household: Household | null;
  error?: unknown;
}

function cachedHousehold(id: string | null): Household | null {
  if (!id) return null;
  try {
    const raw = localStorage.getItem(HH_CACHE + id);
    return raw ? (JSON.parse(raw) as Household) : null;
  } catch {
    return null;
  }
}

function initial(): SessionState {
  if (typeof window === 'undefined') return { status: 'loading', me: null, household: null };
  const me = cachedMe();
  const household = me ? cachedHousehold(pickHousehold(me)) : null;
  return me && household ? { status: 'ready', me, household } : { status: 'loading', me, household: null };
}

/** The user and current household from the server, remembered for the next first paint (see initial). */
export async function fetchSession(): Promise<{ me: Me; household: Household | null }> {
  const me = await loadMe();
  const id = pickHousehold(me);
  const household = id ? await loadHousehold(id) : null;
  if (household) {
    try { localStorage.setItem(HH_CACHE + household.id, JSON.stringify(household)); } catch { /* ignore */ }
  }
  return { me, household };
}

/** Resolves once the session is known (at once when this device remembers it), or after `maxMs`: a page that renders
 * only then renders once with its data requests instead of twice, which on a slow phone starts them sooner. */
export function sessionSettled(maxMs: number): Promise<void> {
  if (initial().status === 'ready') return Promise.resolve();
  return Promise.race([fetchSession().then(() => undefined, () => undefined), new Promise<void>((r) => setTimeout(r, maxMs))]);
}

/** The signed-in user and current household: the last known values at once, then fresh ones from the server. */
export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>(initial);
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      try {
        const { me, household } = await fetchSession();
        if (live) setState({ status: 'ready', me, household });
      } catch (error) {
        if (live) setState((s) => ({ ...s, status: s.me ? s.status : 'error', error }));
      }
    };
    void refresh();
    const off = subscribe(() => { void refresh(); });
    return () => { live = false; off(); };
  }, []);
  return state;
}
