import { Button, Card, Notice, Skeleton, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { ExpensesApi } from '../api';
import { t } from '../strings';

/** The month's checklist bills: tick one when paid (it becomes an entry), untick to undo. */
export function ObligationsCard({ api, month, version, onChanged }: { api: ExpensesApi; month: string; version: number; onChanged: (m?: string) => void }) {
  const f = useFormat();
  // The list is a convenience on the sheet: when it cannot load, the sheet shows no bills rather than an error.
  const obligations = useAsync((signal) => api.obligations(month, signal).catch(() => []), [api, month, version]);
  const s = useSubmit([], { fallback: t.obligationsCard.couldNotChange });
  const toggle = (id: string, done: boolean) => s.run(async () => {
    if (done) await api.untick(month, id); else await api.tick(month, id);
    onChanged();
  }, id);
  // Due day then title, whatever the status: a ticked bill stays where it was (struck through) instead of jumping
  // below the pending ones, which the server lists first.
  const items = [...(obligations.data ?? [])].sort((a, b) => (a.dueDay ?? 99) - (b.dueDay ?? 99) || a.title.localeCompare(b.title));
  return (
    <Card title={t.obligationsCard.payMonth} busy={obligations.status === 'loading'} data-panel="obligations">
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      {obligations.status === 'loading' && !obligations.data ? (
        <ul className="list">{[0, 1].map((i) => <li key={i}><span className="grow"><Skeleton width="50%" /></span><Skeleton width="5rem" height="44px" /></li>)}</ul>
      ) : items.length === 0 ? (
        <p className="muted">{t.obligationsCard.nothingTickAdd}</p>
      ) : (
        <ul className="list">
          {items.map((o) => {
            const done = o.status !== 'pending';
            return (
              <li key={o.id} data-obligation={o.title} data-status={o.status}>
                <span className="grow">
                  <span className={['title', done ? 'done' : ''].join(' ')}>{o.title}</span>
                  <span className="sub">{f.money(o.amountCents / 100)}{o.dueDay ? t.obligationsCard.dueDay(o.dueDay) : ''}{done ? t.obligationsCard.paid : ''}</span>
                </span>
                <Button variant={done ? 'secondary' : 'primary'} busy={s.busyWith === o.id} onClick={() => void toggle(o.id, done)} aria-pressed={done}
                  aria-label={done ? t.obligationsCard.paidUndo(o.title) : t.obligationsCard.pay(o.title)}>{done ? t.obligationsCard.paid2 : t.obligationsCard.pay2}</Button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
