// Offline logging: creates that carry a client UUID (`id` in the body) are kept in IndexedDB while the network is
// away and replayed in order when it comes back. The server treats a repeated create with the same id as a no-op,
// so a replay that was interrupted after the server stored the record is harmless; on the client one replay runs
// at a time (per tab, and across tabs through the Web Locks API where the browser has it), the queue is keyed by
// the UUID (queuing the same record twice keeps one), and an item leaves the queue only once the server accepted it:
// a 2xx (201 stored, or 200 "this id is already stored" for a replay). Any other answer keeps it: a refusal (400, 403,
// 404, 409 "month closed") moves it to the "needs attention" list with the server's reason until the user fixes and
// retries it or discards it on purpose; 401 (session gone even after renewal), 429, 5xx and network failures leave it
// pending for the next trigger. Items belong to the user who queued them: only that user sees or replays them.
import { objectStore } from './idb';

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
  /** The user who queued it; items without one (queued before owners were kept) go to the first user who looks. */
  owner?: string;
  /** What the server answered when it refused the item (status 'failed'). */
  problem?: RefusalReason;
}

/** The server's reason for refusing a queued item, as shown in the "needs attention" list. */
export interface RefusalReason {
  status: number;
  title?: string;
  detail?: string;
  /** Field errors of a 400 (field name → messages). */
  errors?: Record<string, string[]>;
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

/** The IndexedDB-backed store (database `trackstack-offline`, object store `requests`, key path `id`). */
export function indexedDbStore(factory: IDBFactory = globalThis.indexedDB, dbName = DEFAULT_DB, storeName = DEFAULT_STORE): QueueStore {
  const { run } = objectStore(factory, dbName, storeName, (db) => db.createObjectStore(storeName, { keyPath: 'id' }));
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
  /** The signed-in user: only their items are listed, counted and replayed (null: nobody is signed in, nothing is).
   * Without this option every item is visible (tests, single-user tools). */
  owner?: () => string | null;
}

/** The outcome of one response during replay. Only a 2xx is done: the server answers a replay of an id it already
 * stored with 200 and the stored row, so a 409 is a real refusal (a closed month, an id another household uses). */
export function classify(status: number): 'done' | 'rejected' | 'retry-later' {
  if (status >= 200 && status < 300) return 'done';
  if (status === 0 || status === 401 || status === 408 || status === 425 || status === 429 || status >= 500) return 'retry-later';
  return 'rejected';
}

export class OfflineQueue {
  private readonly store: QueueStore;
  private readonly send: Sender;
  private readonly channel: OfflineQueueOptions['channel'];
  private readonly locks: LockManagerLike | null;
  private readonly now: () => number;
  private readonly owner: (() => string | null) | null;
  private readonly listeners = new Set<(counts: QueueCounts) => void>();
  private replaying: Promise<ReplayResult> | null = null;
  private seq = 0;

  constructor(options: OfflineQueueOptions) {
    this.store = options.store ?? indexedDbStore();
    this.send = options.send;
    this.now = options.now ?? Date.now;
    this.owner = options.owner ?? null;
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
    const owner = this.owner?.() ?? undefined;
    const item: QueuedRequest = {
      id, url, method: 'POST', body: body as QueuedRequest['body'], queuedAt: this.now(), seq: this.seq++, attempts: 0, status: 'pending', label,
      ...(owner ? { owner } : {}),
    };
    await this.store.put(item);
    await this.emit(true);
    return item;
  }

  /** Whether the current user may see and send this item. */
  private isMine(item: QueuedRequest): boolean {
    if (!this.owner) return true;
    const owner = this.owner();
    return owner !== null && (item.owner === undefined || item.owner === owner);
  }

  /** The current user's items, oldest first. */
  async list(): Promise<QueuedRequest[]> {
    return (await this.store.list()).filter((i) => this.isMine(i));
  }

  /** The items the server refused, with its reasons: they wait for the user to fix or discard them. */
  async needsAttention(): Promise<QueuedRequest[]> {
    return (await this.list()).filter((i) => i.status === 'failed');
  }

  async counts(): Promise<QueueCounts> {
    const all = await this.list();
    return { pending: all.filter((i) => i.status === 'pending').length, failed: all.filter((i) => i.status === 'failed').length };
  }

  /** Forgets an item (the user gave up on a rejected one). */
  async discard(id: string): Promise<void> {
    const item = await this.store.get(id);
    if (!item || !this.isMine(item)) return;
    await this.store.delete(id);
    await this.emit(true);
  }

  /** Sends a refused item again, with `changes` merged into its body (a new date, say), and replays. The client id
   * stays: the server never stored the refused create, so it is still stored at most once. */
  async retry(id: string, changes: Record<string, unknown> = {}): Promise<ReplayResult> {
    const item = await this.store.get(id);
    if (!item || !this.isMine(item)) throw new Error('No such item in this queue.');
    const { problem: _problem, lastError: _lastError, ...rest } = item;
    await this.store.put({ ...rest, body: { ...item.body, ...changes, id: item.id }, status: 'pending' });
    await this.emit(true);
    return this.replay();
  }

  /** Tells subscribers again (the signed-in user changed, so the visible items did). */
  refresh(): Promise<void> {
    return this.emit(false);
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
    const items = (await this.list()).filter((i) => i.status === 'pending');
    for (const listed of items) {
      // Another tab may have sent it since we listed.
      const stored = await this.store.get(listed.id);
      if (!stored || stored.status !== 'pending' || !this.isMine(stored)) continue;
      const owner = stored.owner ?? this.owner?.() ?? undefined;
      const item: QueuedRequest = owner ? { ...stored, owner } : stored;
      let outcome: ReturnType<typeof classify>;
      let error = '';
      let problem: RefusalReason | undefined;
      try {
        const response = await this.send(item);
        outcome = classify(response.status);
        if (outcome !== 'done') {
          problem = await readRefusal(response);
          error = `${response.status} ${problem.detail ?? problem.title ?? ''}`.trim();
        }
      } catch (e) {
        outcome = 'retry-later';
        error = e instanceof Error ? e.message : String(e);
      }
      if (outcome === 'done') {
        await this.store.delete(item.id);
        sent++;
      } else if (outcome === 'rejected') {
        await this.store.put({ ...item, attempts: item.attempts + 1, status: 'failed', lastError: error, problem });
        failed++;
      } else {
        await this.store.put({ ...item, attempts: item.attempts + 1, lastError: error });
        break; // still offline or the server is struggling: keep the order, try again on the next trigger
      }
      await this.emit(true);
    }
    const remaining = (await this.list()).filter((i) => i.status === 'pending').length;
    return { sent, failed, remaining };
  }

  /** Replays now (when online) and whenever the browser comes back online. `ready` runs first on each trigger and
   * may veto it (the shell checks who is signed in before sending anything). Returns the stop function. */
  startAutoReplay(
    target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
    isOnline: () => boolean = () => navigator.onLine,
    ready: () => Promise<boolean> = async () => true,
  ): () => void {
    const onOnline = () => { void ready().then((go) => (go ? this.replay() : undefined), () => undefined); };
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

async function readRefusal(response: Response): Promise<RefusalReason> {
  const reason: RefusalReason = { status: response.status };
  try {
    const p = (await response.clone().json()) as { title?: unknown; detail?: unknown; errors?: unknown };
    if (typeof p.title === 'string') reason.title = p.title;
    if (typeof p.detail === 'string') reason.detail = p.detail;
    if (p.errors && typeof p.errors === 'object') reason.errors = p.errors as Record<string, string[]>;
  } catch {
    /* not a problem document */
  }
  return reason;
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
