import { errorMessage } from '@trackstack/api';
import { Card, Skeleton, useFormat, type AsyncState } from '@trackstack/ui';
import type { Analysis } from '../api';
import { fitQuality, unitWord } from '../logic';

/** The degree-day analysis in plain words: baseload, use per degree day, fit, stock, season and temperatures. */
export function AnalysisCard({ analysis }: { analysis: AsyncState<Analysis> }) {
  return (
    <Card title="What the numbers say" busy={analysis.status === 'loading'} data-panel="analysis">
      {analysis.status === 'error' ? <p className="muted">{errorMessage(analysis.error, 'Could not load the analysis.')}</p>
        : analysis.status !== 'ready' ? <><Skeleton width="90%" /><Skeleton width="80%" /><Skeleton width="85%" /><Skeleton width="60%" /></>
        : <Explained a={analysis.data!} />}
    </Card>
  );
}

function Explained({ a }: { a: Analysis }) {
  const f = useFormat();
  const m = a.model;
  const one = (n: number | null, d = 1) => (n === null ? '–' : f.number(n, { maximumFractionDigits: d }));
  const unit = a.unitLabel || a.unit;
  return (
    <dl className="explained">
      <div><dt>Baseload</dt><dd><strong data-figure="baseload">{m ? `${one(m.baseloadKwhPerDay)} kWh a day` : 'not known yet'}</strong>
        <span className="sub">What you burn whatever the weather (hot water, standby){m ? ` — about ${one(m.baseloadUnitsPerDay, 2)} ${unitWord(unit, m.baseloadUnitsPerDay)} a day` : ''}.</span></dd></div>
      <div><dt>Per degree day</dt><dd><strong data-figure="per-degree-day">{m ? `${one(m.kwhPerDegreeDay, 2)} kWh` : 'not known yet'}</strong>
        <span className="sub">Extra energy for each degree the day is colder than {one(a.baseTemperatureC)} °C. Lower means a better-insulated, more efficient house; compare it year to year.</span></dd></div>
      <div><dt>Fit (R²)</dt><dd><strong data-figure="r2">{m && m.rSquared !== null ? f.number(m.rSquared, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–'}</strong>
        <span className="sub">How well temperature explains your use: {fitQuality(m ? m.rSquared : null)}.{m ? ` Based on ${m.periods} refill intervals.` : ` ${a.modelNote ?? 'Needs at least 3 refill intervals with temperatures for every day.'}`}</span></dd></div>
      <div><dt>Stock</dt><dd><strong>{a.stock.tracked ? `${one(a.stock.onHandUnits)} ${unitWord(unit, a.stock.onHandUnits)}` : 'not tracked'}</strong>
        <span className="sub">{a.stock.runOutDate ? `At the usual pace it runs out around ${f.date(a.stock.runOutDate + 'T12:00:00Z', 'long')} (${a.stock.daysLeft === null ? '–' : f.days(a.stock.daysLeft)}).` : a.stock.tracked ? 'Not enough history to forecast when it runs out.' : 'Record a purchase to start tracking the stock.'}</span></dd></div>
      <div><dt>This season</dt><dd><strong>{one(a.season.units)} {unitWord(unit, a.season.units)}</strong>
        <span className="sub">{a.season.lastSeasonHasData ? `Last season by the same day: ${one(a.season.lastUnits)} (${a.season.deltaPct === null ? '–' : f.percent(a.season.deltaPct / 100, { signed: true })}).` : 'No data for last season to compare with.'}</span></dd></div>
      <div><dt>Temperatures</dt><dd><strong>{f.days(a.temperatures.days)}</strong><span className="sub">{a.temperatures.missingDays ? `${f.days(a.temperatures.missingDays)} ${a.temperatures.missingDays === 1 ? 'is' : 'are'} missing a temperature; refill intervals that touch them are left out.` : 'Every day in the period has a temperature.'}</span></dd></div>
    </dl>
  );
}
