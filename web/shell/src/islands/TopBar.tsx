import { useEffect, useState } from 'react';
import type { QueueCounts } from '@trackstack/api';
import { offlineQueue } from '../lib/offline';
import { setCurrentHousehold, pickHousehold } from '../lib/session';
import { currentTheme, followSystemTheme, setTheme, type Theme } from '../lib/theme';
import { useSession } from './session';
import { NeedsAttention } from './NeedsAttention';
import { t } from '../strings';

export function TopBar() {
  return (
    <>
      <SyncStatus />
      <NeedsAttention />
      <HouseholdSwitcher />
      <ThemeToggle />
    </>
  );
}

export function useOnline() {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true), off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  return online;
}

/** "Offline" and "N waiting to sync"; nothing at all when online with an empty queue. */
export function SyncStatus() {
  const online = useOnline();
  const [counts, setCounts] = useState<QueueCounts>({ pending: 0, failed: 0 });
  useEffect(() => offlineQueue().subscribe(setCounts), []);
  const parts: string[] = [];
  if (!online) parts.push(t.topBar.offline);
  if (counts.pending) parts.push(t.topBar.sync(counts.pending));
  if (counts.failed) parts.push(t.topBar.notSaved(counts.failed));
  return (
    <span role="status" aria-live="polite" className="sync-slot">
      {parts.length ? (
        <span className="sync-status" data-online={String(online)} data-pending={counts.pending} data-failed={counts.failed}
          aria-label={[!online ? t.topBar.youAreOffline : '', counts.pending ? t.topBar.entriesWaitingSync(counts.pending) : '', counts.failed ? t.topBar.entriesServerRefused(counts.failed) : ''].filter(Boolean).join('. ')}
          title={counts.failed ? t.topBar.someEntriesMade : undefined}>
          <span className="dot" aria-hidden="true" />{parts.join(' · ')}
        </span>
      ) : null}
    </span>
  );
}

function HouseholdSwitcher() {
  const { me } = useSession();
  if (!me || me.households.length === 0) return null;
  const current = pickHousehold(me);
  return (
    <label className="switcher">
      <span className="visually-hidden">{t.topBar.currentHousehold}</span>
      <select
        className="inline"
        value={current ?? ''}
        onChange={(e) => {
          if (e.target.value === '__manage') { window.location.assign('/households'); return; }
          setCurrentHousehold(e.target.value);
        }}
      >
        {me.households.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
        <option value="__manage">{t.topBar.manageHouseholds}</option>
      </select>
    </label>
  );
}

function ThemeToggle() {
  const [theme, setState] = useState<Theme>(() => (typeof document === 'undefined' ? 'dark' : currentTheme()));
  // Until the user picks, public/theme.js follows the system; the button follows the page.
  useEffect(() => followSystemTheme(() => setState(currentTheme())), []);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="btn btn-ghost icon-btn" aria-label={t.topBar.switchTheme(t.topBar.theme[next])} aria-pressed={theme === 'light'}
      onClick={() => { setTheme(next); setState(next); }}>
      {theme === 'dark'
        ? <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10Zm0-5 1.5 3h-3L12 2Zm0 20-1.5-3h3L12 22ZM2 12l3-1.5v3L2 12Zm20 0-3 1.5v-3L22 12ZM4.9 4.9l3.2 1.1-2.1 2.1-1.1-3.2Zm14.2 14.2-3.2-1.1 2.1-2.1 1.1 3.2Zm0-14.2-1.1 3.2-2.1-2.1 3.2-1.1ZM4.9 19.1l1.1-3.2 2.1 2.1-3.2 1.1Z"/></svg>
        : <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5Z"/></svg>}
    </button>
  );
}
