import { Card, Skeleton, useFormat, type AsyncState } from '@trackstack/ui';
import type { Analysis } from '../api';
import { SeasonBars, SignatureChart } from '../charts';
import { intervalPoints, shortMonth, unitWord } from '../logic';

/** Use per month against last season, and daily use against the cold with the fitted line. */
export function ChartsCard({ analysis }: { analysis: AsyncState<Analysis> }) {
  return (
    <Card title="Charts" busy={analysis.status === 'loading'} data-panel="charts">
      {analysis.status === 'error' ? <p className="muted">No charts without the analysis.</p> : analysis.status !== 'ready' ? <Skeleton height="200px" /> : <Charts a={analysis.data!} />}
    </Card>
  );
}

function Charts({ a }: { a: Analysis }) {
  const f = useFormat();
  const fmt = (n: number) => f.number(n, { maximumFractionDigits: 1 });
  const unit = unitWord(a.unitLabel || a.unit, 2);
  const bars = a.monthly.map((m) => ({ label: shortMonth(m.month, f.ctx.locale), current: m.units, last: m.lastSeasonUnits }));
  const points = intervalPoints(a.intervals);
  return (
    <>
      <h3 className="subhead">Use per month, this season against last</h3>
      {bars.length ? <SeasonBars data={bars} title={`${unit} per month, this season against last season`} unit={unit} fmt={fmt} /> : <p className="muted">No months yet.</p>}
      <h3 className="subhead">Use against the cold, per refill interval</h3>
      {points.length ? <SignatureChart points={points} baseload={a.model?.baseloadKwhPerDay ?? null} slope={a.model?.kwhPerDegreeDay ?? null}
        title="kWh per day against degree days per day, one dot per refill interval, with the fitted line" fmt={fmt} />
        : <p className="muted">Dots appear once refill intervals have a temperature for every day (upload temperatures or switch on the weather).</p>}
    </>
  );
}
