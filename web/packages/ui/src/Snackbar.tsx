import { useEffect, useRef } from 'react';

/**
 * A message at the bottom of the screen with one action (Undo), gone after `durationMs`. `onTimeout` runs when it
 * expires without the action, `onAction` when the action is chosen; exactly one of them runs. Announced politely.
 * Give it a `key` per message so a new message restarts the timer.
 */
export function Snackbar({ message, actionLabel, onAction, onTimeout, durationMs = 8000 }: {
  message: string; actionLabel?: string; onAction?: () => void; onTimeout?: () => void; durationMs?: number;
}) {
  const done = useRef(false);
  const timeout = useRef(onTimeout);
  timeout.current = onTimeout;
  useEffect(() => {
    const t = setTimeout(() => { if (!done.current) { done.current = true; timeout.current?.(); } }, durationMs);
    return () => clearTimeout(t);
  }, [durationMs]);
  return (
    <div className="snackbar" role="status" aria-live="polite">
      <span className="snackbar-message">{message}</span>
      {actionLabel ? (
        <button type="button" className="btn btn-secondary snackbar-action"
          onClick={() => { if (done.current) return; done.current = true; onAction?.(); }}>{actionLabel}</button>
      ) : null}
    </div>
  );
}
