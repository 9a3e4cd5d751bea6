import { Button, useSubmit } from '@trackstack/ui';
import type { ExpensesApi } from '../api';

const STATUS_WORDS: Record<string, string> = { open: 'open', closed: 'closed: no changes until it is reopened', notOpened: 'not opened yet (it opens with its first entry)' };

/** Whether the month is open, and closing or reopening it. */
export function MonthStatus({ api, month, status, onChanged }: { api: ExpensesApi; month: string; status: string; onChanged: (m?: string) => void }) {
  const s = useSubmit([], { fallback: 'Could not change the month.' });
  const closed = status === 'closed';
  const toggle = () => s.run(async () => {
    if (closed) await api.openMonth(month); else await api.closeMonth(month);
    onChanged(closed ? 'Month reopened.' : 'Month closed.');
  });
  return (
    <div className="month-status" data-month-status={status}>
      <span className="muted">This month is {STATUS_WORDS[status] ?? status}.</span>
      {status !== 'notOpened' ? <Button variant="secondary" className="btn-small" busy={s.busy} onClick={() => void toggle()}>{closed ? 'Reopen month' : 'Close month'}</Button> : null}
      {s.formError ? <p className="field-error">{s.formError}</p> : null}
    </div>
  );
}
