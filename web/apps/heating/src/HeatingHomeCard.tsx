import type { ModuleContext } from '@trackstack/api';
import { Card, FormatProvider, HomeCardProblem, Skeleton, plural, units, useAsync, useFormat, useModuleApi } from '@trackstack/ui';
import type { Summary } from './api';
import { heatingSummary } from './summary';
import { unitWord } from './logic';
import { t } from './strings';

/** Home "at a glance": days since the last refill, days of stock left, this season versus last. */
export function HeatingHomeCard({ context }: { context: ModuleContext | null }) {
  if (!context) {
    return <Card title={t.heatingHomeCard.heating} busy data-module="heating" data-state="loading"><HeatingStats summary={null} /></Card>;
  }
  return (
    <FormatProvider value={context.household}>
      <Inner context={context} />
    </FormatProvider>
  );
}

export function HeatingStats({ summary }: { summary: Summary | null }) {
  const f = useFormat();
  const value = (n: number | null | undefined, render: (n: number) => string) =>
    summary === null ? <Skeleton width="3ch" height="0.9em" /> : n === null || n === undefined ? '–' : render(n);
  const stockBand = summary?.daysOfStockLeft == null ? '' : summary.daysOfStockLeft < 7 ? 'band-red' : summary.daysOfStockLeft < 21 ? 'band-yellow' : '';
  const label = summary ? summary.unitLabel || summary.unit : '';
  const unitFor = (n: number) => (label ? ` ${unitWord(label, n)}` : '');
  const tenths = (n: number) => f.number(n, { maximumFractionDigits: 1 });
  return (
    <div className="stats">
      <div className="stat">
        <span className="stat-value">{value(summary?.daysSinceLastRefill, (n) => f.number(n, { maximumFractionDigits: 0 }))}</span>
        <span className="stat-label">{t.heatingHomeCard.sinceLastRefill(plural(summary?.daysSinceLastRefill ?? 2, units.day))}</span>
      </div>
      <div className={`stat ${stockBand}`}>
        <span className="stat-value">{value(summary?.daysOfStockLeft, (n) => f.number(n, { maximumFractionDigits: 0 }))}</span>
        <span className="stat-label">{t.heatingHomeCard.stockLeft(plural(summary?.daysOfStockLeft ?? 2, units.day))}</span>
      </div>
      <div className="stat wide">
        {/* deltaPct is null when last season has nothing to compare with. */}
        <span className="stat-value">{value(summary?.deltaPct, (n) => f.percent(n / 100, { signed: true }))}</span>
        <span className="stat-label">
          {summary === null ? <Skeleton width="70%" />
            : t.heatingHomeCard.seasonVsLast(tenths(summary.seasonToDate.units), unitFor(summary.seasonToDate.units), tenths(summary.lastSeasonSameDate.units), unitFor(summary.lastSeasonSameDate.units))}
        </span>
      </div>
    </div>
  );
}

function Inner({ context }: { context: ModuleContext }) {
  const load = useModuleApi(context, heatingSummary);
  const state = useAsync((signal) => load(signal), [load]);
  const open = <a href="/heating" aria-label={t.heatingHomeCard.openHeating}>{t.heatingHomeCard.open}</a>;
  if (state.status === 'error') {
    return <HomeCardProblem module="heating" title={t.heatingHomeCard.heating} open={open} error={state.error} reload={state.reload}
      notSetUp={t.heatingHomeCard.heatingNotSet} fallback={t.heatingHomeCard.couldNotLoad} />;
  }
  return (
    <Card title={t.heatingHomeCard.heating} action={open} busy={state.status === 'loading'} data-module="heating" data-state={state.status}>
      <HeatingStats summary={state.status === 'ready' ? state.data! : null} />
    </Card>
  );
}
