// Offline logging: creates that carry a client UUID (`id` in the body) are kept in IndexedDB while the network is
// away and replayed in order when it comes back. The server treats a repeated create with the same id as a no-op,
// so a replay that was interrupted after the server stored the record is harmless; on the client one replay runs
// at a time (per tab, and across tabs through the Web Locks API where the browser has it), the queue is keyed by
// the UUID (queuing the same record twice keeps one), and an item leaves the queue only once the server accepted it.

export type QueueStatus = 'pending' | 'failed';

export interface QueuedRequest {
  /** The client UUID from the body: the queue's key and the server's idempotency key. */
  id: string;
  url: string;
  method: 'POST';
  body: Record<string, unknown> & { id: string };
  queuedAt: number;
  seq: number;
  attempts: number;
  status: QueueStatus;
  lastError?: string;
  /** Free text for the pending list ("Expense 12.50 €"). */
  label?: string;
}

export interface QueueStore {
  get(id: string): Promise<QueuedRequest | undefined>;
  put(item: QueuedRequest): Promise<void>;
  delete(id: string): Promise<void>;
  list(): Promise<QueuedRequest[]>;
}

export interface ReplayResult {
  sent: number;
  failed: number;
  remaining: number;
}

export interface QueueCounts {
  pending: number;
  failed: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DEFAULT_DB = 'trackstack-offline';
export const DEFAULT_STORE = 'requests';
export const CHANNEL = 'trackstack-offline-queue';

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The IndexedDB-backed store (database `trackstack-offline`, object store `requests`, key path `id`). */
export function indexedDbStore(factory: IDBFactory = globalThis.indexedDB, dbName = DEFAULT_DB, storeName = DEFAULT_STORE): QueueStore {
  let opening: Promise<IDBDatabase> | null = null;
  const open = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(dbName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName, { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => { opening = null; reject(req.error); };
    });
    return opening;
  };
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    const tx = db.transaction(storeName, mode);
    const result = await promisify(fn(tx.objectStore(storeName)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return result;
  };
  return {
    get: (id) => run('readonly', (s) => s.get(id) as IDBRequest<QueuedRequest | undefined>),
    put: async (item) => { await run('readwrite', (s) => s.put(item)); },
    delete: async (id) => { await run('readwrite', (s) => s.delete(id)); },
    list: async () => {
      const all = await run('readonly', (s) => s.getAll() as IDBRequest<QueuedRequest[]>);
      return all.sort((a, b) => a.queuedAt - b.queuedAt || a.seq - b.seq);
    },
  };
}

/** What the queue needs to send one request (the app passes its authenticated HTTP wrapper). */
export type Sender = (item: QueuedRequest) => Promise<Response>;

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface OfflineQueueOptions {
  store?: QueueStore;
  send: Sender;
  /** Broadcasts changes to other tabs; pass null to disable. */
  channel?: { postMessage(m: unknown): void; addEventListener?(t: 'message', l: () => void): void } | null;
  locks?: LockManagerLike | null;
  now?: () => number;
}

/** The outcome of one response during replay. */
export function classify(status: number): 'done' | 'rejected' | 'retry-later' {
  if ((status >= 200 && status < 300) || status === 409) return 'done';
  if (status === 401 || status === 408 || status === 425 || status === 429 || status >= 500) return 'retry-later';
  return 'rejected';
}

export class OfflineQueue {
  private readonly store: QueueStore;
  private readonly send: Sender;
  private readonly channel: OfflineQueueOptions['channel'];
  private readonly locks: LockManagerLike | null;
  private readonly now: () => number;
  private readonly listeners = new Set<(counts: QueueCounts) => void>();
  private replaying: Promise<ReplayResult> | null = null;
  private seq = 0;

  constructor(options: OfflineQueueOptions) {
    this.store = options.store ?? indexedDbStore();
    this.send = options.send;
    this.now = options.now ?? Date.now;
    this.locks = options.locks === undefined ? ((globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks ?? null) : options.locks;
    if (options.channel === undefined) {
      this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    } else {
      this.channel = options.channel;
    }
    this.channel?.addEventListener?.('message', () => void this.emit(false));
  }

  /** Keeps a create for later. Queuing the same client id again keeps the first one. */
  async enqueue(url: string, body: Record<string, unknown>, label?: string): Promise<QueuedRequest> {
    const id = body.id;
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('Only creates that carry a client UUID in `id` can be queued.');
    const existing = await this.store.get(id);
    if (existing) return existing;
    const item: QueuedRequest = {
      id, url, method: 'POST', body: body as QueuedRequest['body'], queuedAt: this.now(), seq: this.seq++, attempts: 0, status: 'pending', label,
    };
    await this.store.put(item);
    await this.emit(true);
    return item;
  }

  async list(): Promise<QueuedRequest[]> {
    return this.store.list();
  }

  async counts(): Promise<QueueCounts> {
    const all = await this.store.list();
    return { pending: all.filter((i) => i.status === 'pending').length, failed: all.filter((i) => i.status === 'failed').length };
  }

  /** Forgets an item (the user gave up on a rejected one). */
  async discard(id: string): Promise<void> {
    await this.store.delete(id);
    await this.emit(true);
  }

  /** Listens to count changes (from this tab and others). Returns the unsubscribe function. */
  subscribe(listener: (counts: QueueCounts) => void): () => void {
    this.listeners.add(listener);
    void this.counts().then(listener, () => undefined);
    return () => { this.listeners.delete(listener); };
  }

  /** Sends what is pending, oldest first. Only one replay runs at a time; callers during a replay share it. */
  replay(): Promise<ReplayResult> {
    this.replaying ??= (async () => {
      try {
        return this.locks ? await this.locks.request('trackstack-offline-replay', () => this.replayOnce()) : await this.replayOnce();
      } finally {
        this.replaying = null;
      }
    })();
    return this.replaying;
  }

  private async replayOnce(): Promise<ReplayResult> {
    let sent = 0, failed = 0;
    const items = (await this.store.list()).filter((i) => i.status === 'pending');
    for (const listed of items) {
      // Another tab may have sent it since we listed.
      const item = await this.store.get(listed.id);
      if (!item || item.status !== 'pending') continue;
      let outcome: ReturnType<typeof classify>;
      let error = '';
      try {
        const response = await this.send(item);
        outcome = classify(response.status);
        if (outcome !== 'done') error = `${response.status} ${await problemTitle(response)}`.trim();
      } catch (e) {
        outcome = 'retry-later';
        error = e instanceof Error ? e.message : String(e);
      }
      if (outcome === 'done') {
        await this.store.delete(item.id);
        sent++;
      } else if (outcome === 'rejected') {
        await this.store.put({ ...item, attempts: item.attempts + 1, status: 'failed', lastError: error });
        failed++;
      } else {
        await this.store.put({ ...item, attempts: item.attempts + 1, lastError: error });
        break; // still offline or the server is struggling: keep the order, try again on the next trigger
      }
      await this.emit(true);
    }
    const remaining = (await this.store.list()).filter((i) => i.status === 'pending').length;
    return { sent, failed, remaining };
  }

  /** Replays now (when online) and whenever the browser comes back online. Returns the stop function. */
  startAutoReplay(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window, isOnline: () => boolean = () => navigator.onLine): () => void {
    const onOnline = () => { void this.replay(); };
    target.addEventListener('online', onOnline);
    if (isOnline()) onOnline();
    return () => target.removeEventListener('online', onOnline);
  }

  private async emit(broadcast: boolean) {
    if (broadcast) this.channel?.postMessage('changed');
    if (this.listeners.size === 0) return;
    const counts = await this.counts();
    for (const l of this.listeners) l(counts);
  }
}

async function problemTitle(response: Response): Promise<string> {
  try {
    const p = (await response.clone().json()) as { title?: string; detail?: string };
    return p.detail ?? p.title ?? '';
  } catch {
    return '';
  }
}

/** Sends a create now, or queues it when the browser is offline or the network fails. */
export async function postOrQueue(
  queue: OfflineQueue,
  send: Sender,
  url: string,
  body: Record<string, unknown> & { id: string },
  options: { label?: string; isOnline?: () => boolean } = {},
): Promise<{ queued: false; response: Response } | { queued: true; item: QueuedRequest }> {
  const isOnline = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const draft: QueuedRequest = { id: body.id, url, method: 'POST', body, queuedAt: Date.now(), seq: 0, attempts: 0, status: 'pending' };
  if (isOnline()) {
    try {
      return { queued: false, response: await send(draft) };
    } catch {
      /* network failure: fall through and keep it for later */
    }
  }
  return { queued: true, item: await queue.enqueue(url, body, options.label) };
}

export function newClientId(): string {
  return globalThis.crypto.randomUUID();
}
