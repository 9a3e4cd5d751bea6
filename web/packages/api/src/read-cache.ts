// Offline reading: every successful GET of household data is kept on the device (IndexedDB) with the time it was
// fetched, keyed by the signed-in user and the URL (the URL carries the household id). When the network fails, the
// last answer comes back instead of an error, marked with that time, so screens show "as of 10:42" rather than
// empty placeholders. Nothing is cached or served while nobody is signed in; sign-out clears it all.
import { completed, objectStore, promisify } from './idb';

export const CACHED_AT_HEADER = 'X-TrackStack-Cached-At';
export const READ_CACHE_DB = 'trackstack-reads';
const STORE = 'reads';

export interface CachedRead {
  /** "<user id>|<path and query>". */
  key: string;
  path: string;
  status: number;
  contentType: string | null;
  body: string;
  fetchedAt: number;
}

export interface ReadCacheStore {
  get(key: string): Promise<CachedRead | undefined>;
  put(entry: CachedRead): Promise<void>;
  clear(): Promise<void>;
  /** Deletes the oldest entries beyond `max`. */
  prune?(max: number): Promise<void>;
}

/** Enough for every screen of a few households and months; older answers make room. */
export const READ_CACHE_MAX = 400;

/** A read currently on screen from the cache (the network failed when it was asked again). */
export interface StaleRead {
  path: string;
  fetchedAt: number;
}

export function indexedDbReadStore(factory: IDBFactory = globalThis.indexedDB, dbName = READ_CACHE_DB): ReadCacheStore {
  const { run, transaction } = objectStore(factory, dbName, STORE, (db) => db.createObjectStore(STORE, { keyPath: 'key' }).createIndex('fetchedAt', 'fetchedAt'));
  return {
    get: (key) => run('readonly', (s) => s.get(key) as IDBRequest<CachedRead | undefined>),
    put: async (entry) => { await run('readwrite', (s) => s.put(entry)); },
    clear: async () => { await run('readwrite', (s) => s.clear()); },
    prune: async (max) => {
      const tx = await transaction('readwrite');
      const store = tx.objectStore(STORE);
      let extra = (await promisify(store.count())) - max;
      if (extra > 0) {
        const cursor = store.index('fetchedAt').openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || extra <= 0) return;
          c.delete();
          extra--;
          c.continue();
        };
      }
      await completed(tx);
    },
  };
}

/** Household data only: account routes (/api/me, /api/auth/*) must always ask the server. */
function cacheablePath(url: string): string | null {
  const u = new URL(url, 'http://x');
  return u.pathname.startsWith('/api/households/') ? u.pathname + u.search : null;
}

export interface ReadCacheOptions {
  store?: ReadCacheStore | null;
  now?: () => number;
  /** Entries kept at most (the oldest go first). */
  max?: number;
}

export class ReadCache {
  private readonly store: ReadCacheStore | null;
  private readonly now: () => number;
  private scope: string | null = null;
  private readonly stale = new Map<string, StaleRead>();
  private readonly listeners = new Set<() => void>();
  private snapshot: StaleRead[] = [];
  private readonly max: number;
  private writes = 0;

  constructor(options: ReadCacheOptions = {}) {
    this.store = options.store === undefined ? (typeof indexedDB === 'undefined' ? null : indexedDbReadStore()) : options.store;
    this.now = options.now ?? Date.now;
    this.max = options.max ?? READ_CACHE_MAX;
  }

  /** The signed-in user (null: nobody, so nothing is cached or served). */
  setScope(userId: string | null) {
    if (userId === this.scope) return;
    this.scope = userId;
    this.stale.clear();
    this.changed();
  }

  get currentScope(): string | null {
    return this.scope;
  }

  /** Forgets everything (sign-out). */
  async clear(): Promise<void> {
    this.stale.clear();
    this.changed();
    await this.store?.clear().catch(() => undefined);
  }

  /** What is on screen from the cache right now, oldest first. */
  staleReads(): StaleRead[] {
    return this.snapshot;
  }

  /** Called when what staleReads() returns changes. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** Before asking everything again (the connection is back): the old marks go; a failure marks its read again. */
  forgetStale() {
    if (this.stale.size === 0) return;
    this.stale.clear();
    this.changed();
  }

  /** Wraps a fetch: stores successful household GETs, answers from the store when the network fails. */
  wrap(inner: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
    return async (request) => {
      const scope = this.scope;
      const path = request.method === 'GET' && scope && this.store ? cacheablePath(request.url) : null;
      if (!path || !scope || !this.store) return inner(request);
      const key = `${scope}|${path}`;
      let response: Response;
      try {
        response = await inner(request);
      } catch (error) {
        if (request.signal?.aborted) throw error;
        const hit = await this.store.get(key).catch(() => undefined);
        if (!hit || this.scope !== scope) throw error;
        this.mark(key, { path, fetchedAt: hit.fetchedAt });
        const headers = new Headers({ [CACHED_AT_HEADER]: String(hit.fetchedAt) });
        if (hit.contentType) headers.set('Content-Type', hit.contentType);
        return new Response(hit.body, { status: hit.status, headers });
      }
      if (response.ok && response.status !== 204) {
        const fetchedAt = this.now();
        const body = await response.clone().text();
        // A user who signed out meanwhile must not leave data behind.
        if (this.scope === scope) {
          const store = this.store;
          const prune = ++this.writes % 25 === 1;
          void store.put({ key, path, status: response.status, contentType: response.headers.get('Content-Type'), body, fetchedAt })
            .then(() => (prune ? store.prune?.(this.max) : undefined))
            .catch(() => undefined);
        }
        this.mark(key, null);
      }
      return response;
    };
  }

  private mark(key: string, read: StaleRead | null) {
    if (read) this.stale.set(key, read);
    else if (!this.stale.delete(key)) return;
    this.changed();
  }

  private changed() {
    this.snapshot = [...this.stale.values()].sort((a, b) => a.fetchedAt - b.fetchedAt);
    for (const l of this.listeners) l();
  }
}

/** When a response came from the cache: the time it was fetched (ms since the epoch), else null. */
export function cachedAt(response: Response): number | null {
  const v = response.headers.get(CACHED_AT_HEADER);
  return v ? Number(v) : null;
}
