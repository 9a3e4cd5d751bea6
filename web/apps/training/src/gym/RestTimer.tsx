import { useEffect, useState } from 'react';
import { Button } from '@trackstack/ui';
import { t } from '../strings';

/** Counts down from the rest time it was started with; at zero it vibrates and, when allowed, notifies. */
export function RestTimer({ endsAt, onDone }: { endsAt: number; onDone: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [endsAt]);
  const left = Math.max(0, Math.ceil((endsAt - now) / 1000));
  useEffect(() => {
    if (left > 0) return;
    try { navigator.vibrate?.([200, 100, 200]); } catch { /* not on this device */ }
    try {
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') new Notification(t.restTimer.over, { body: t.restTimer.nextSet });
    } catch { /* notifications unavailable */ }
    onDone();
  }, [left, onDone]);
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, '0');
  return (
    <div className="rest-timer" role="timer" aria-live="polite" data-rest-left={left}>
      <span className="stat-value">{t.restTimer.rest(String(mm), ss)}</span>
      <Button variant="ghost" onClick={onDone}>{t.restTimer.skip}</Button>
    </div>
  );
}
