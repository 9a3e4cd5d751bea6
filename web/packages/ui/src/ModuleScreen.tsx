// The frame of every module screen: its title, tabs addressed by the URL hash (#month, #settings, ...), a
// success message after a change, and a calm notice instead of the tabs when the server does not run the module.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { householdPath, type ModuleContext } from '@trackstack/api';
import { FormatProvider, Notice } from './components';
import { useAsync, type AsyncState } from './hooks';
import { isModuleUnavailable } from './unavailable';
import { StaleNotice, useReloadAfterSync, useReloadOnReconnect, useStaleReads } from './OfflineReads';
import { ui } from './strings';

export interface ScreenTab<Id extends string = string> { id: Id; label: string }

/** What a module screen's tabs get from the frame. */
export interface ModuleScreenState<Id extends string, T> {
  tab: Id;
  /** Switches tabs from code (after saving, say); a message given to `changed` just before stays. */
  setTab: (id: Id) => void;
  /** The probe's answer (usually the module's settings), reloaded after every change. */
  probe: AsyncState<T>;
  /** Goes up after every change: panels reload what they show when it does. */
  version: number;
  /** Call after a change: everything reloads, and the message (if any) shows above the tab. An `error` message is
   * for a change that failed after its panel closed (a delayed delete), where the panel can no longer say so. */
  changed: (message?: string, kind?: 'success' | 'error') => void;
}

function tabFromHash<Id extends string>(tabs: readonly ScreenTab<Id>[]): Id {
  const hash = typeof location === 'undefined' ? '' : location.hash.slice(1);
  return (tabs.find((t) => t.id === hash) ?? tabs[0]).id;
}

/** The current tab, kept in the URL hash: a link to /expenses#settings opens that tab, and the hash follows the tabs
 * (replaced, not pushed, so Back leaves the screen rather than stepping through its tabs). */
export function useHashTab<Id extends string>(tabs: readonly ScreenTab<Id>[]): [Id, (id: Id) => void] {
  // The first tab until mounted, so the page's static HTML and the first render agree.
  const [tab, setTabState] = useState<Id>(tabs[0].id);
  useEffect(() => {
    const read = () => setTabState(tabFromHash(tabs));
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [tabs]);
  const setTab = useCallback((id: Id) => {
    setTabState(id);
    window.scrollTo(0, 0);
    history.replaceState(null, '', `#${id}`);
  }, []);
  return [tab, setTab];
}

function TabNav<Id extends string>({ title, tabs, current, onSelect }: {
  title: string; tabs: readonly ScreenTab<Id>[]; current: Id; onSelect?: (id: Id) => void;
}) {
  return (
    <nav className="tabs" aria-label={ui.moduleScreen.sections(title)}>
      {tabs.map((t) => (
        <a key={t.id} href={`#${t.id}`} aria-current={t.id === current ? 'page' : undefined}
          onClick={onSelect ? (e) => { e.preventDefault(); onSelect(t.id); } : undefined}>{t.label}</a>
      ))}
    </nav>
  );
}

/**
 * A module screen. `probe` is the module's first call (keep it stable: a method of the memoised API); when it
 * answers 404 or 503 the screen says the module is not available instead of showing broken tabs.
 */
export function ModuleScreen<Id extends string, T>({ context, title, tabs, probe, children }: {
  context: ModuleContext;
  title: string;
  tabs: readonly ScreenTab<Id>[];
  probe: (signal: AbortSignal) => Promise<T>;
  children: (screen: ModuleScreenState<Id, T>) => ReactNode;
}) {
  const [tab, setTab] = useHashTab(tabs);
  const [version, setVersion] = useState(0);
  const [flash, setFlash] = useState<{ text: string; kind: 'success' | 'error' } | null>(null);
  const probed = useAsync(probe, [probe, version]);
  const changed = useCallback((message?: string, kind: 'success' | 'error' = 'success') => {
    setVersion((v) => v + 1);
    if (message) setFlash({ text: message, kind });
  }, []);
  // A hash change by a link or Back is another tab chosen: the message was about the one left. (A switch from code
  // after saving replaces the hash without this event, so its message stays.)
  useEffect(() => {
    const clear = () => setFlash(null);
    window.addEventListener('hashchange', clear);
    return () => window.removeEventListener('hashchange', clear);
  }, []);
  const format = useMemo(() => ({ ...context.household, now: context.now }), [context.household, context.now]);
  // Offline: the panels show what the device kept ("as of 10:42"); back online, everything reloads by itself.
  const cache = context.client.readCache;
  const reloadAll = useCallback(() => setVersion((v) => v + 1), []);
  useReloadOnReconnect(cache, reloadAll);
  useReloadAfterSync(context.queue, reloadAll);
  const stale = useStaleReads(cache, householdPath(context.household.id, '/'));

  if (probed.status === 'error' && isModuleUnavailable(probed.error)) {
    return (
      <>
        <h1>{title}</h1>
        <Notice>
          <p><strong>{ui.moduleScreen.moduleNotAvailable(title)}</strong></p>
          <p className="muted">{ui.moduleScreen.serverYouAre}</p>
        </Notice>
      </>
    );
  }
  return (
    <FormatProvider value={format}>
      <h1>{title}</h1>
      <TabNav title={title} tabs={tabs} current={tab} onSelect={(id) => { setFlash(null); setTab(id); }} />
      <StaleNotice reads={stale} format={context.household} now={context.now?.()} />
      {flash ? <Notice kind={flash.kind}><p>{flash.text}</p></Notice> : null}
      {children({ tab, setTab, probe: probed, version, changed })}
    </FormatProvider>
  );
}

/** The screen before the session is known (also the page's static HTML): title, tabs, and the first tab's boxes. */
export function ModuleScreenSkeleton({ title, tabs, children }: { title: string; tabs: readonly ScreenTab[]; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <TabNav title={title} tabs={tabs} current={tabs[0].id} />
      {children}
    </>
  );
}
