// Typed form state survives a trip to the sign-in page: forms register a getter, the HTTP wrapper flushes every
// registered draft to sessionStorage right before it navigates away, and the form takes it back on its next mount.
// Passwords never go in a draft (forms leave them out of what the getter returns).

const PREFIX = 'ts.draft:';
const registry = new Map<string, () => unknown>();

function key(id: string, path: string) {
  return `${PREFIX}${path}:${id}`;
}

function defaultPath() {
  return typeof location === 'undefined' ? '/' : location.pathname;
}

function defaultStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** Registers a form's current values; returns the function that unregisters it. */
export function registerDraft(id: string, getValues: () => unknown): () => void {
  registry.set(id, getValues);
  return () => {
    if (registry.get(id) === getValues) registry.delete(id);
  };
}

/** Writes every registered draft for the current page. Called before redirecting to sign in. */
export function flushDrafts(storage: Storage | undefined = defaultStorage(), path: string = defaultPath()): number {
  if (!storage) return 0;
  let written = 0;
  for (const [id, get] of registry) {
    try {
      const values = get();
      if (values === undefined) continue;
      storage.setItem(key(id, path), JSON.stringify({ savedAt: Date.now(), values }));
      written++;
    } catch {
      /* storage full or values not serialisable: losing a draft must not block the redirect */
    }
  }
  return written;
}

/** Returns and forgets the draft a form left on this page (at most a day old). */
export function takeDraft<T>(id: string, storage: Storage | undefined = defaultStorage(), path: string = defaultPath()): T | undefined {
  if (!storage) return undefined;
  const k = key(id, path);
  const raw = storage.getItem(k);
  if (raw == null) return undefined;
  storage.removeItem(k);
  try {
    const parsed = JSON.parse(raw) as { savedAt: number; values: T };
    if (Date.now() - parsed.savedAt > 24 * 3600 * 1000) return undefined;
    return parsed.values;
  } catch {
    return undefined;
  }
}
