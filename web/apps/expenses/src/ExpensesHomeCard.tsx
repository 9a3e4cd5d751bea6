import type { ReactNode } from 'react';
import type { ModuleContext } from '@trackstack/api';
import { BigNumber, Card, FormatProvider, HomeCardProblem, Skeleton, bandFor, monthKey, uiMonthLabel, useAsync, useFormat, useModuleApi } from '@trackstack/ui';
import { monthSummary } from './summary';
import { TankBar } from './month/TankBar';
import { t } from './strings';

const SKELETON_TANKS = 3;

/** Home "at a glance": what is left this month, then one bar per tank. Loads on its own. */
export function ExpensesHomeCard({ context }: { context: ModuleContext | null }) {
  if (!context) return <ExpensesCardSkeleton title={t.expensesHomeCard.expenses} />;
  return (
    <FormatProvider value={context.household}>
      <Inner context={context} />
    </FormatProvider>
  );
}

/** The card while it loads: the same boxes as the figures that replace it. */
function ExpensesCardSkeleton({ title, action }: { title: string; action?: ReactNode }) {
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
  const { household } = context;
  const f = useFormat();
  const load = useModuleApi(context, monthSummary);
  const month = monthKey(context.now?.() ?? new Date(), household.timeZone);
  const state = useAsync((signal) => load(month, signal), [load, month]);
  const title = t.home.title(uiMonthLabel(month));
  const open = <a href="/expenses" aria-label={t.home.openLabel}>{t.home.open}</a>;

  if (state.status === 'loading' && !state.data) return <ExpensesCardSkeleton title={title} action={open} />;
  if (state.status === 'error') {
    return <HomeCardProblem module="expenses" title={title} open={open} error={state.error} reload={state.reload}
      notSetUp={t.home.notSetUp} fallback={t.home.failed} />;
  }
  const s = state.data!;
  const pending = s.pendingObligations.count;
  return (
    <Card title={title} action={open} data-module="expenses" data-state="ready">
      <BigNumber
        band={bandFor(s.remainingCents, s.incomeCents)}
        value={f.money(s.remainingCents / 100, { compact: true })}
        caption={s.incomeCents > 0
          ? <>{t.home.leftOf(f.money(s.incomeCents / 100, { compact: true }))}{pending ? t.home.toPay(pending) : ''}</>
          : <>{t.home.noIncome} · <a href="/expenses#settings">{t.home.setIt}</a></>}
      />
      {s.tanks.map((tank) => <TankBar key={tank.key} tank={tank} />)}
    </Card>
  );
}
