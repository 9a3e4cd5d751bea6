// Offline reading on screen: "as of 10:42" when what a screen shows came from the device because the network
// failed, and a reload of everything when the connection comes back.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { OfflineQueue, ReadCache, StaleRead } from '@trackstack/api';
import { Notice } from './components';
import type { FormatContext } from './format';
import { ui } from './strings';

const NONE: StaleRead[] = [];

/** The reads under `pathPrefix` (a household's API path) currently served from the cache, oldest first. */
export function useStaleReads(cache: ReadCache | undefined, pathPrefix: string): StaleRead[] {
  const all = useSyncExternalStore(
    (listener) => cache?.subscribe(listener) ?? (() => undefined),
    () => cache?.staleReads() ?? NONE,
    () => NONE,
  );
  const mine = all.filter((r) => r.path.startsWith(pathPrefix));
  return mine.length === all.length ? all : mine;
}

/** Runs `reload` when the browser comes back online (after forgetting the old "as of" marks). */
export function useReloadOnReconnect(cache: ReadCache | undefined, reload: () => void) {
  useEffect(() => {
    const onOnline = () => { cache?.forgetStale(); reload(); };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [cache, reload]);
}

/** Runs `reload` when queued entries have been sent (the pending count went down): the screen then shows them,
 * even when it reloaded on `online` before the replay had stored them. */
export function useReloadAfterSync(queue: OfflineQueue | undefined, reload: () => void) {
  const pending = useRef<number | null>(null);
  useEffect(() => {
    if (!queue) return;
    return queue.subscribe(({ pending: now }) => {
      const before = pending.current;
      pending.current = now;
      if (before !== null && now < before) reload();
    });
  }, [queue, reload]);
}

/** "10:42" today, "28 Nov, 10:42" another day, in the household's locale and time zone. */
export function formatAsOf(at: number, ctx: Pick<FormatContext, 'locale' | 'timeZone'>, now: Date = new Date()): string {
  const timeZone = ctx.timeZone || 'UTC';
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const when = new Date(at);
  const sameDay = day(when) === day(now);
  return new Intl.DateTimeFormat(ctx.locale, sameDay
    ? { timeZone, hour: '2-digit', minute: '2-digit' }
    : { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(when);
}

/** The notice above a screen whose figures came from the device: the oldest fetch time shown. */
export function StaleNotice({ reads, format, now }: { reads: StaleRead[]; format: Pick<FormatContext, 'locale' | 'timeZone'>; now?: Date }) {
  if (reads.length === 0) return null;
  const asOf = formatAsOf(reads[0].fetchedAt, format, now);
  return (
    <div className="stale-reads" data-as-of={reads[0].fetchedAt}>
      <Notice kind="warning">
        <p><strong>{ui.offlineReads.offlineShowingWhat(asOf)}</strong>{ui.offlineReads.refreshesByItself}</p>
      </Notice>
    </div>
  );
}
