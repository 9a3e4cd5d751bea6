import { useState } from 'react';
import { ApiError, fetchExpensesSummary, type ModuleContext } from '@trackstack/api';
import { BigNumber, Button, Card, ColorBar, FormatProvider, Notice, Skeleton, bandFor, monthKey, monthLabel, useAsync, useFormat } from '@trackstack/ui';

function shiftMonth(key: string, delta: number) {
  const [y, m] = key.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The Expenses screen. For now: the month summary with month navigation; entries, templates and import come next. */
export function ExpensesScreen({ context }: { context: ModuleContext }) {
  return (
    <FormatProvider value={context.household}>
      <Screen context={context} />
    </FormatProvider>
  );
}

function Screen({ context }: { context: ModuleContext }) {
  const { client, household } = context;
  const f = useFormat();
  const [month, setMonth] = useState(() => monthKey(context.now?.() ?? new Date(), household.timeZone));
  const state = useAsync((signal) => fetchExpensesSummary(client, household.id, month, signal), [household.id, month]);
  const unavailable = state.status === 'error' && state.error instanceof ApiError && state.error.notFound;

  return (
    <>
      <h1>Expenses</h1>
      {unavailable ? (
        <Notice>
          <p><strong>Expenses are not available on this server.</strong></p>
          <p className="muted">The server you are using does not run the Expenses module (yet). Ask its operator, or check back after an update.</p>
        </Notice>
      ) : (
        <>
          <nav className="month-nav" aria-label="Month">
            <Button variant="secondary" onClick={() => setMonth(shiftMonth(month, -1))} aria-label="Previous month">‹</Button>
            <span className="month-label" aria-live="polite">{monthLabel(month, household.locale)}</span>
            <Button variant="secondary" onClick={() => setMonth(shiftMonth(month, 1))} aria-label="Next month">›</Button>
          </nav>
          {state.status === 'error' ? (
            <Notice kind="error"><p>{state.error instanceof ApiError ? state.error.message : 'Could not load the month.'}</p><Button variant="secondary" onClick={state.reload}>Try again</Button></Notice>
          ) : (
            <Card title="What is left" busy={state.status === 'loading'} data-module="expenses" data-state={state.status}>
              {state.data && state.status === 'ready' ? (
                <>
                  <BigNumber band={bandFor(state.data.remaining, state.data.income)} value={f.money(state.data.remaining)}
                    caption={`spent ${f.money(state.data.spent)} of ${f.money(state.data.income)}`} />
                  {state.data.tanks.map((t) => (
                    <ColorBar key={t.key} label={t.name} remaining={t.remaining} budget={t.budget} detail={`of ${f.money(t.budget, { compact: true })}`} />
                  ))}
                  {state.data.pendingObligations ? <p className="muted">{state.data.pendingObligations} obligations still to pay this month.</p> : null}
                </>
              ) : (
                <>
                  <div className="bignumber"><span className="bignumber-value"><Skeleton width="60%" height="0.9em" /></span><span className="bignumber-caption"><Skeleton width="50%" /></span></div>
                  {[0, 1, 2].map((i) => <div className="colorbar" key={i}><div className="colorbar-row"><Skeleton width="30%" /><Skeleton width="25%" /></div><div className="colorbar-track" /></div>)}
                </>
              )}
            </Card>
          )}
        </>
      )}
    </>
  );
}
