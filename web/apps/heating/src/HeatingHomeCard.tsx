import { ApiError, fetchHeatingSummary, type HeatingSummary, type ModuleContext } from '@trackstack/api';
import { Button, Card, FormatProvider, Skeleton, useAsync, useFormat } from '@trackstack/ui';
import { unitWord } from './logic';

/** Home "at a glance": days since the last refill, days of stock left, this season versus last. */
export function HeatingHomeCard({ context }: { context: ModuleContext | null }) {
  if (!context) {
    return <Card title="Heating" busy data-module="heating" data-state="loading"><HeatingStats summary={null} /></Card>;
  }
  return (
    <FormatProvider value={context.household}>
      <Inner context={context} />
    </FormatProvider>
  );
}

export function HeatingStats({ summary }: { summary: HeatingSummary | null }) {
  const f = useFormat();
  const value = (n: number | null | undefined, render: (n: number) => string) =>
    summary === null ? <Skeleton width="3ch" height="0.9em" /> : n === null || n === undefined ? '–' : render(n);
  const stockBand = summary?.daysOfStockLeft == null ? '' : summary.daysOfStockLeft < 7 ? 'band-red' : summary.daysOfStockLeft < 21 ? 'band-yellow' : '';
  const unit = summary?.unit ? ` ${unitWord(summary.unit, 2)}` : '';
  return (
    <div className="stats">
      <div className="stat">
        <span className="stat-value">{value(summary?.daysSinceLastRefill, (n) => f.number(n, { maximumFractionDigits: 0 }))}</span>
        <span className="stat-label">days since the last refill</span>
      </div>
      <div className={`stat ${stockBand}`}>
        <span className="stat-value">{value(summary?.daysOfStockLeft, (n) => f.number(n, { maximumFractionDigits: 0 }))}</span>
        <span className="stat-label">days of stock left</span>
      </div>
      <div className="stat wide">
        <span className="stat-value">{value(summary?.versusLastSeason, (n) => f.percent(n, { signed: true }))}</span>
        <span className="stat-label">
          {summary === null ? <Skeleton width="70%" /> : summary.seasonToDate !== null && summary.lastSeasonToDate !== null
            ? `this season ${f.number(summary.seasonToDate, { maximumFractionDigits: 1 })}${unit} vs ${f.number(summary.lastSeasonToDate, { maximumFractionDigits: 1 })}${unit} last season, same days`
            : 'this season versus last season'}
        </span>
      </div>
    </div>
  );
}

function Inner({ context }: { context: ModuleContext }) {
  const { client, household } = context;
  const state = useAsync((signal) => fetchHeatingSummary(client, household.id, signal), [household.id]);
  const open = <a href="/heating">Open</a>;
  if (state.status === 'error') {
    const notSetUp = state.error instanceof ApiError && state.error.notFound;
    return (
      <Card title="Heating" action={notSetUp ? undefined : open} data-module="heating" data-state={notSetUp ? 'not-set-up' : 'error'}>
        {notSetUp
          ? <p className="muted">Heating is not set up here yet. Refills, stock and this season versus last will show up here.</p>
          : <>
              <p className="muted">{state.error instanceof ApiError ? state.error.message : 'Could not load heating.'}</p>
              <div><Button variant="secondary" onClick={state.reload}>Try again</Button></div>
            </>}
      </Card>
    );
  }
  return (
    <Card title="Heating" action={open} busy={state.status === 'loading'} data-module="heating" data-state={state.status}>
      <HeatingStats summary={state.status === 'ready' ? state.data! : null} />
    </Card>
  );
}
