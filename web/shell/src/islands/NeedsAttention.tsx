// Entries made offline that the server refused on replay (a month closed meanwhile, a field it no longer accepts):
// listed at the top of every page with the server's reason until the user fixes and retries or discards them.
// Nothing leaves this list without a 2xx from the server or the user's explicit "Discard".
import { useCallback, useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import type { QueuedRequest } from '@trackstack/api';
import { Button, Card, Notice, TextField, uiMonthLabel } from '@trackstack/ui';
import { offlineQueue } from '../lib/offline';
import { t } from '../strings';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The module screen a queued URL belongs to ("/api/households/<id>/expenses/entries" → Expenses, /expenses#month;
 * with `month` ("2026-11") the month sheet opens on that month, where it can be reopened). */
export function moduleOf(url: string, month?: string): { name: string; href: string } | null {
  const m = /^\/api\/households\/[^/]+\/([a-z-]+)\//.exec(new URL(url, 'http://x').pathname);
  if (!m) return null;
  const name = m[1].charAt(0).toUpperCase() + m[1].slice(1);
  if (m[1] !== 'expenses') return { name, href: `/${m[1]}` };
  return { name, href: month && /^\d{4}-\d{2}$/.test(month) ? `/expenses?month=${month}#month` : '/expenses#month' };
}

function describe(item: QueuedRequest): string {
  if (item.label) return item.label;
  const title = typeof item.body.title === 'string' ? item.body.title : '';
  const date = typeof item.body.date === 'string' ? item.body.date : '';
  return [moduleOf(item.url)?.name ?? t.needsAttention.entry, title, date].filter(Boolean).join(' · ');
}

function reasonOf(item: QueuedRequest): string {
  const p = item.problem;
  if (!p) return item.lastError ?? t.needsAttention.serverRefused;
  return p.detail ?? p.title ?? t.needsAttention.serverAnswered(p.status);
}

/** Where the list goes: the top of the page's main content. */
function useSlot(): HTMLElement | null {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const div = document.createElement('div');
    div.className = 'needs-attention';
    main.insertBefore(div, main.firstChild);
    setSlot(div);
    return () => { div.remove(); };
  }, []);
  return slot;
}

export function NeedsAttention() {
  const slot = useSlot();
  const [items, setItems] = useState<QueuedRequest[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const load = useCallback(() => { void offlineQueue().needsAttention().then(setItems, () => undefined); }, []);
  useEffect(() => offlineQueue().subscribe(load), [load]);
  if (!slot || (items.length === 0 && !saved)) return null;
  return createPortal(
    <div className="app" data-needs-attention={items.length}>
      {items.length ? (
        <Card title={items.length === 1 ? t.needsAttention.entryMadeOffline : t.needsAttention.entriesMadeOffline(items.length)} className="attention-card">
          <p className="muted">{t.needsAttention.refused(items.length)}</p>
          <ul className="list">
            {items.map((item) => <AttentionItem key={item.id} item={item} onSaved={(label) => { setSaved(label); load(); }} />)}
          </ul>
        </Card>
      ) : null}
      <div aria-live="polite">{saved ? <Notice kind="success"><p>{t.needsAttention.savedNow(saved)}</p></Notice> : null}</div>
    </div>,
    slot,
  );
}

function AttentionItem({ item, onSaved }: { item: QueuedRequest; onSaved: (label: string) => void }) {
  const id = useId();
  const originalDate = typeof item.body.date === 'string' && DATE.test(item.body.date) ? item.body.date : null;
  const [date, setDate] = useState(originalDate ?? '');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [offline, setOffline] = useState(false);
  const label = describe(item);
  const module = moduleOf(item.url, originalDate?.slice(0, 7));
  const fieldErrors = Object.entries(item.problem?.errors ?? {}).flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`));

  const retry = async (changes: Record<string, unknown> = {}) => {
    setBusy(true);
    setOffline(false);
    try {
      const q = offlineQueue();
      await q.retry(item.id, changes);
      const after = (await q.list()).find((i) => i.id === item.id);
      if (!after) onSaved(label);
      else if (after.status === 'pending') setOffline(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-queued-id={item.id} className="attention-item">
      <div className="grow">
        <div className="title">{label}</div>
        <div className="sub" id={`${id}-reason`} data-reason>{reasonOf(item)}</div>
        {fieldErrors.length ? <ul className="sub">{fieldErrors.map((e) => <li key={e}>{e}</li>)}</ul> : null}
      </div>
      {originalDate !== null ? (
        <TextField label={t.needsAttention.date} type="date" name={`attention-date-${item.id}`} value={date} onChange={(e) => setDate(e.target.value)} aria-describedby={`${id}-reason`} />
      ) : null}
      {offline ? <p className="sub" role="status">{t.needsAttention.stillOfflineWill}</p> : null}
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="notice notice-warning">
          <p id={`${id}-confirm`}>{t.needsAttention.discardWasNever(label)}</p>
          <div className="attention-actions">
            <Button variant="danger" onClick={() => void offlineQueue().discard(item.id)}>{t.needsAttention.discardGood}</Button>
            <Button variant="secondary" autoFocus onClick={() => setConfirming(false)}>{t.needsAttention.keep}</Button>
          </div>
        </div>
      ) : (
        <div className="attention-actions">
          {originalDate !== null && date !== originalDate && DATE.test(date)
            ? <Button busy={busy} onClick={() => void retry({ date })}>{t.needsAttention.saveWithDate}</Button>
            : <Button busy={busy} onClick={() => void retry()}>{t.needsAttention.sendAgain}</Button>}
          <Button variant="ghost" onClick={() => setConfirming(true)}>{t.needsAttention.discard}</Button>
        </div>
      )}
      {item.problem?.status === 409 && module && /closed/i.test(`${item.problem.title ?? ''} ${item.problem.detail ?? ''}`)
        ? <div className="sub attention-hint">
            {t.needsAttention.reopenLead}{originalDate ? uiMonthLabel(originalDate.slice(0, 7)) : t.needsAttention.theMonth}{t.needsAttention.reopenIn}<a href={module.href}>{module.name}</a>{t.needsAttention.reopenTail}
          </div>
        : null}
    </li>
  );
}
