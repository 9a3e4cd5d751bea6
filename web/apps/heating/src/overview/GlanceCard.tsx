import { errorMessage } from '@trackstack/api';
import { Card, Notice, Skeleton, plural, units, useFormat, type AsyncState } from '@trackstack/ui';
import type { Summary } from '../api';
import { unitWord } from '../logic';
import { t } from '../strings';

/** Days since the last refill, the stock and how long it lasts, and this season against the last. */
export function GlanceCard({ summary }: { summary: AsyncState<Summary> }) {
  const s = summary.status === 'ready' ? summary.data! : null;
  return (
    <Card title={t.glanceCard.atGlance} busy={!s} data-module="heating" data-state={summary.status}>
      {summary.status === 'error' ? <Notice kind="error"><p>{errorMessage(summary.error, t.glanceCard.couldNotLoad)}</p></Notice> : <Glance s={s} />}
    </Card>
  );
}

function Glance({ s }: { s: Summary | null }) {
  const f = useFormat();
  const loading = <Skeleton width="3ch" height="0.9em" />;
  const whole = (n: number) => f.number(n, { maximumFractionDigits: 0 });
  const tenths = (n: number) => f.number(n, { maximumFractionDigits: 1 });
  const days = s?.daysOfStockLeft ?? null;
  const stockBand = days === null ? '' : days < 7 ? 'band-red' : days < 21 ? 'band-yellow' : '';
  const unit = s?.unit ?? '';
  const cur = s?.seasonToDate.units ?? 0;
  const last = s?.lastSeasonSameDate.units ?? 0;
  return (
    <div className="stats">
      <div className="stat">
        <span className="stat-value" data-figure="days-since-refill">{s === null ? loading : s.daysSinceLastRefill === null ? '–' : whole(s.daysSinceLastRefill)}</span>
        <span className="stat-label">{t.glanceCard.sinceLastRefill(plural(s?.daysSinceLastRefill ?? 2, units.day))}</span>
      </div>
      <div className={`stat ${stockBand}`}>
        <span className="stat-value" data-figure="stock">{s === null ? loading : s.stockOnHand === null ? '–' : tenths(s.stockOnHand)}</span>
        <span className="stat-label">{unit ? unitWord(unit, s?.stockOnHand ?? 2) : t.glanceCard.units}{t.glanceCard.stock}{s?.runOutDate ? t.glanceCard.lastingUntilAbout(f.date(s.runOutDate + 'T12:00:00Z')) : days !== null ? `, ${f.days(days)}` : ''}</span>
      </div>
      <div className="stat wide">
        <span className="stat-value" data-figure="season">{s === null ? loading : s.deltaPct === null ? tenths(cur) : f.percent(s.deltaPct / 100, { signed: true })}</span>
        <span className="stat-label">{s === null ? <Skeleton width="70%" /> : t.glanceCard.seasonSoFar(s.seasonLabel, tenths(cur), unitWord(unit, cur), tenths(last))}</span>
      </div>
    </div>
  );
}
