import { errorMessage } from '@trackstack/api';
import { Card, Skeleton, useFormat, type AsyncState } from '@trackstack/ui';
import type { Analysis } from '../api';
import { fitQuality, unitWord } from '../logic';
import { t } from '../strings';

/** The degree-day analysis in plain words: baseload, use per degree day, fit, stock, season and temperatures. */
export function AnalysisCard({ analysis }: { analysis: AsyncState<Analysis> }) {
  return (
    <Card title={t.analysisCard.whatNumbersSay} busy={analysis.status === 'loading'} data-panel="analysis">
      {analysis.status === 'error' ? <p className="muted">{errorMessage(analysis.error, t.analysisCard.couldNotLoad)}</p>
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
      <div><dt>{t.analysisCard.baseload}</dt><dd><strong data-figure="baseload">{m ? t.analysisCard.kwhDay(one(m.baseloadKwhPerDay)) : t.analysisCard.notKnownYet}</strong>
        <span className="sub">{t.analysisCard.whatYouBurn}{m ? t.analysisCard.aboutDay(one(m.baseloadUnitsPerDay, 2), unitWord(unit, m.baseloadUnitsPerDay)) : ''}.</span></dd></div>
      <div><dt>{t.analysisCard.perDegreeDay}</dt><dd><strong data-figure="per-degree-day">{m ? t.analysisCard.kwh(one(m.kwhPerDegreeDay, 2)) : t.analysisCard.notKnownYet}</strong>
        <span className="sub">{t.analysisCard.extraEnergyEach(one(a.baseTemperatureC))}</span></dd></div>
      <div><dt>{t.analysisCard.fitR2}</dt><dd><strong data-figure="r2">{m && m.rSquared !== null ? f.number(m.rSquared, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–'}</strong>
        <span className="sub">{t.analysisCard.howWellTemperature(fitQuality(m ? m.rSquared : null))}{m ? t.analysisCard.basedRefillIntervals(m.periods) : ` ${a.modelNote ?? t.analysisCard.needsAtLeast}`}</span></dd></div>
      <div><dt>{t.analysisCard.stock}</dt><dd><strong>{a.stock.tracked ? `${one(a.stock.onHandUnits)} ${unitWord(unit, a.stock.onHandUnits)}` : t.analysisCard.notTracked}</strong>
        <span className="sub">{a.stock.runOutDate ? t.analysisCard.atUsualPace(f.date(a.stock.runOutDate + 'T12:00:00Z', 'long'), a.stock.daysLeft === null ? '–' : f.days(a.stock.daysLeft)) : a.stock.tracked ? t.analysisCard.notEnoughHistory : t.analysisCard.recordPurchaseStart}</span></dd></div>
      <div><dt>{t.analysisCard.season}</dt><dd><strong>{one(a.season.units)} {unitWord(unit, a.season.units)}</strong>
        <span className="sub">{a.season.lastSeasonHasData ? t.analysisCard.lastSeasonBy(one(a.season.lastUnits), a.season.deltaPct === null ? '–' : f.percent(a.season.deltaPct / 100, { signed: true })) : t.analysisCard.noDataLast}</span></dd></div>
      <div><dt>{t.analysisCard.temperatures}</dt><dd><strong>{f.days(a.temperatures.days)}</strong><span className="sub">{a.temperatures.missingDays ? t.analysisCard.missingTemperatureRefill(f.days(a.temperatures.missingDays), a.temperatures.missingDays) : t.analysisCard.everyDayPeriod}</span></dd></div>
    </dl>
  );
}
