import { useCallback, useEffect, useRef, useState } from 'react';

export interface PendingDelete { ids: string[]; message: string; key: number }

/**
 * Delete with undo, as a delayed delete: the rows disappear at once, the server is asked only when the undo time is
 * over (or when another delete starts, or the panel closes). Undo just forgets it, so an undo can never fail and a
 * closed tab keeps the entries rather than losing them.
 */
export function usePendingDelete(commit: (ids: string[]) => Promise<void>) {
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const latest = useRef<PendingDelete | null>(null);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const flush = useCallback(() => {
    const p = latest.current;
    latest.current = null;
    setPending(null);
    if (p) void commitRef.current(p.ids);
  }, []);
  const start = useCallback((ids: string[], message: string) => {
    flush();
    const next = { ids, message, key: Date.now() };
    latest.current = next;
    setPending(next);
  }, [flush]);
  const undo = useCallback(() => { latest.current = null; setPending(null); }, []);
  // Leaving the entries tab does what the user asked for: the delete goes out then.
  useEffect(() => () => flush(), [flush]);
  return { pending, start, undo, flush, hidden: new Set(pending?.ids ?? []) };
}
