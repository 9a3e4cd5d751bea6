import { errorMessage } from '@trackstack/api';
import { Button, Notice, uiMonthLabel, useAsync } from '@trackstack/ui';
import type { ExpensesApi } from '../api';
import { shiftMonth } from '../logic';
import { WhatIsLeftCard } from './WhatIsLeftCard';
import { ObligationsCard } from './ObligationsCard';
import { CategorySpendingCard } from './CategorySpendingCard';
import { t } from '../strings';

/** The month tab: pick a month, then what is left, the bills to tick and the spending per category. */
export function MonthSheet({ api, month, setMonth, version, onChanged, onAdd }: {
  api: ExpensesApi; month: string; setMonth: (m: string) => void; version: number; onChanged: (m?: string) => void; onAdd: () => void;
}) {
  const state = useAsync((signal) => api.month(month, signal), [api, month, version]);
  // While a change reloads the month, the figures stay (no flash of skeletons); another month starts from skeletons.
  const data = state.status !== 'error' && state.data && state.data.month === month ? state.data : null;
  return (
    <>
      <nav className="month-nav" aria-label={t.month.nav}>
        <Button variant="secondary" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={t.month.previous}>‹</Button>
        <span className="month-label" aria-live="polite">{uiMonthLabel(month)}</span>
        <Button variant="secondary" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={t.month.next}>›</Button>
      </nav>
      {state.status === 'error'
        ? <Notice kind="error"><p>{errorMessage(state.error, t.month.loadFailed)}</p><Button variant="secondary" onClick={state.reload}>{t.month.retry}</Button></Notice>
        : <WhatIsLeftCard api={api} month={month} data={data} settled={state.status === 'ready'} onChanged={onChanged} onAdd={onAdd} />}
      <ObligationsCard api={api} month={month} version={version} onChanged={onChanged} />
      <CategorySpendingCard api={api} month={month} data={data} />
    </>
  );
}
