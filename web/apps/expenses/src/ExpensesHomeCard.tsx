import type { ReactNode } from 'react';
import { ApiError, fetchExpensesSummary, type ModuleContext } from '@trackstack/api';
import { BigNumber, Button, Card, ColorBar, FormatProvider, Skeleton, bandFor, monthKey, monthLabel, useAsync, useFormat } from '@trackstack/ui';

const SKELETON_TANKS = 3;

/** Home "at a glance": what is left this month, then one bar per tank. Loads on its own. */
export function ExpensesHomeCard({ context }: { context: ModuleContext | null }) {
  if (!context) return <ExpensesCardSkeleton title="Expenses" />;
  return (
    <FormatProvider value={context.household}>
      <Inner context={context} />
    </FormatProvider>
  );
}

/** The card while it loads: the same boxes as the figures that replace it. */
export function ExpensesCardSkeleton({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <Card title={title} action={action} busy data-module="expenses" data-state="loading">
      <div className="bignumber">
        <span className="bignumber-value"><Skeleton width="60%" height="0.9em" /></span>
        <span className="bignumber-caption"><Skeleton width="45%" height="0.9em" /></span>
      </div>
      {Array.from({ length: SKELETON_TANKS }, (_, i) => (
        <div className="colorbar" key={i}>
          <div className="colorbar-row"><Skeleton width="30%" /><Skeleton width="20%" /></div>
          <div className="colorbar-track" />
        </div>
      ))}
    </Card>
  );
}

function Inner({ context }: { context: ModuleContext }) {
  const { client, household } = context;
  const f = useFormat();
  const month = monthKey(context.now?.() ?? new Date(), household.timeZone);
  const state = useAsync((signal) => fetchExpensesSummary(client, household.id, month, signal), [household.id, month]);
  const title = `Expenses · ${monthLabel(month, household.locale)}`;
  const open = <a href="/expenses">Open</a>;

  if (state.status === 'loading' && !state.data) return <ExpensesCardSkeleton title={title} action={open} />;
  if (state.status === 'error') {
    const notSetUp = state.error instanceof ApiError && state.error.notFound;
    return (
      <Card title={title} action={notSetUp ? undefined : open} data-module="expenses" data-state={notSetUp ? 'not-set-up' : 'error'}>
        {notSetUp
          ? <p className="muted">Expenses are not set up here yet. Budgets and what is left this month will show up here.</p>
          : <>
              <p className="muted">{state.error instanceof ApiError ? state.error.message : 'Could not load the month.'}</p>
              <div><Button variant="secondary" onClick={state.reload}>Try again</Button></div>
            </>}
      </Card>
    );
  }
  const s = state.data!;
  const band = bandFor(s.remaining, s.income);
  return (
    <Card title={title} action={open} data-module="expenses" data-state="ready">
      <BigNumber
        band={band}
        value={f.money(s.remaining, { compact: true })}
        caption={s.income > 0
          ? <>left of {f.money(s.income, { compact: true })} this month{s.pendingObligations ? ` · ${s.pendingObligations} to pay` : ''}</>
          : <>no income set for this month yet · <a href="/expenses#settings">set it</a></>}
      />
      {s.tanks.map((t) => <ColorBar key={t.key} label={t.name} remaining={t.remaining} budget={t.budget} />)}
    </Card>
  );
}
