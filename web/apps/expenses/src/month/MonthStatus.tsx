import { Button, useSubmit } from '@trackstack/ui';
import type { ExpensesApi } from '../api';
import { t } from '../strings';

const STATUS_WORDS: Record<string, string> = { open: t.status.open, closed: t.status.closed, notOpened: t.status.notOpened };

/** Whether the month is open, and closing or reopening it. */
export function MonthStatus({ api, month, status, onChanged }: { api: ExpensesApi; month: string; status: string; onChanged: (m?: string) => void }) {
  const s = useSubmit([], { fallback: t.status.failed });
  const closed = status === 'closed';
  const toggle = () => s.run(async () => {
    if (closed) await api.openMonth(month); else await api.closeMonth(month);
    onChanged(closed ? t.status.reopened : t.status.closedDone);
  });
  return (
    <div className="month-status" data-month-status={status}>
      <span className="muted">{t.status.line(STATUS_WORDS[status] ?? status)}</span>
      {status !== 'notOpened' ? <Button variant="secondary" className="btn-small" busy={s.busy} onClick={() => void toggle()}>{closed ? t.status.reopen : t.status.close}</Button> : null}
      {s.formError ? <p className="field-error">{s.formError}</p> : null}
    </div>
  );
}
