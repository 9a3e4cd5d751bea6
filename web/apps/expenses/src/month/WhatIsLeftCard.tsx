import { BigNumber, Button, Card, Skeleton, bandFor, useFormat } from '@trackstack/ui';
import type { ExpensesApi, MonthSummary } from '../api';
import { Comparison } from './Comparison';
import { MonthIncome } from './MonthIncome';
import { MonthStatus } from './MonthStatus';
import { TankBar } from './TankBar';
import { t as strings } from '../strings';

/** The sheet: what is left as the big number, one bar per tank, the comparison, and this month's income and state. */
export function WhatIsLeftCard({ api, month, data, settled, onChanged, onAdd }: {
  api: ExpensesApi; month: string; data: MonthSummary | null; settled: boolean; onChanged: (m?: string) => void; onAdd: () => void;
}) {
  const f = useFormat();
  return (
    <Card title={strings.sheet.title} className="sheet" busy={!data} data-module="expenses" data-state={data && settled ? 'ready' : 'loading'}
      action={<Button onClick={onAdd} className="btn-small">{strings.sheet.add}</Button>}>
      {data ? (
        <>
          <BigNumber band={bandFor(data.remainingCents, data.incomeCents)} value={<span data-remaining-cents={data.remainingCents}>{f.money(data.remainingCents / 100)}</span>}
            caption={strings.sheet.spentOf(f.money(data.spentCents / 100), f.money(data.incomeCents / 100))} />
          {data.incomeCents <= 0 ? <p className="muted">{strings.sheet.noIncome}</p> : null}
          {data.tanks.map((t) => <TankBar key={t.key} tank={t} withBudget />)}
          <Comparison data={data} />
          <MonthIncome api={api} month={month} incomeCents={data.incomeCents} onChanged={onChanged} />
          <MonthStatus api={api} month={month} status={data.status} onChanged={onChanged} />
        </>
      ) : <SheetSkeleton />}
    </Card>
  );
}

/** The sheet's boxes before its figures arrive (also in the page's static HTML). */
export function SheetSkeleton() {
  return (
    <>
      <div className="bignumber"><span className="bignumber-value"><Skeleton width="60%" height="0.9em" /></span><span className="bignumber-caption"><Skeleton width="50%" /></span></div>
      {[0, 1, 2].map((i) => <div className="colorbar" key={i}><div className="colorbar-row"><Skeleton width="30%" /><Skeleton width="25%" /></div><div className="colorbar-track" /></div>)}
      <p className="comparison"><Skeleton width="80%" /></p>
    </>
  );
}
