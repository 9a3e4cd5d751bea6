import { Card, Skeleton, useFormat, type AsyncState } from '@trackstack/ui';
import type { Analysis } from '../api';
import { SeasonBars, SignatureChart } from '../charts';
import { intervalPoints, shortMonth, unitWord } from '../logic';
import { t } from '../strings';

/** Use per month against last season (with each month's mean temperature and cost), and daily use against the cold. */
export function ChartsCard({ analysis }: { analysis: AsyncState<Analysis> }) {
  return (
    <Card title={t.charts.title} busy={analysis.status === 'loading'} data-panel="charts">
      {analysis.status === 'error' ? <p className="muted">{t.charts.none}</p> : analysis.status !== 'ready' ? <Skeleton height="200px" /> : <Charts a={analysis.data!} />}
    </Card>
  );
}

function Charts({ a }: { a: Analysis }) {
  const f = useFormat();
  const fmt = (n: number) => f.number(n, { maximumFractionDigits: 1 });
  const label = a.unitLabel || a.unit;
  const unit = unitWord(label, 2);
  const bars = a.monthly.map((m) => ({ label: shortMonth(m.month), current: m.units, last: m.lastSeasonUnits }));
  const points = intervalPoints(a.intervals);
  return (
    <>
      <h3 className="subhead">{t.charts.perMonth}</h3>
      {bars.length ? <SeasonBars data={bars} title={t.charts.barsTitle(unit)} unit={unit} fmt={fmt} /> : <p className="muted">{t.charts.noMonths}</p>}
      {bars.length ? <MonthTable a={a} /> : null}
      <h3 className="subhead">{t.charts.signature}</h3>
      {points.length ? <SignatureChart points={points} baseload={a.model?.baseloadKwhPerDay ?? null} slope={a.model?.kwhPerDegreeDay ?? null}
        title={t.charts.signatureTitle} fmt={fmt} />
        : <p className="muted">{t.charts.noDots}</p>}
    </>
  );
}

/** The started months of the season: use, mean temperature and (with priced purchases) the cost of that use. */
function MonthTable({ a }: { a: Analysis }) {
  const f = useFormat();
  const months = a.monthly.filter((m) => m.units !== null);
  if (!months.length) return null;
  const label = a.unitLabel || a.unit;
  const priced = a.pricePerUnitCents !== null && a.pricePerUnitCents !== undefined;
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t.charts.tableCaption}><table className="table" data-table="monthly">
        <caption className="visually-hidden">{t.charts.tableCaption}</caption>
        <thead><tr><th scope="col">{t.charts.month}</th><th scope="col" className="num">{t.charts.use}</th><th scope="col" className="num">{t.charts.meanTemp}</th>{priced ? <th scope="col" className="num">{t.charts.cost}</th> : null}</tr></thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} data-month={m.month}>
              <th scope="row">{shortMonth(m.month)}</th>
              <td className="num">{f.number(m.units!, { maximumFractionDigits: 1 })} {unitWord(label, m.units!)}</td>
              <td className="num" data-mean-temperature={m.meanTemperatureC ?? ''}>{m.meanTemperatureC === null ? '–' : `${f.number(m.meanTemperatureC, { maximumFractionDigits: 1 })} °C`}</td>
              {priced ? <td className="num" data-cost-cents={m.costCents ?? ''}>{m.costCents === null ? '–' : f.money(m.costCents / 100)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table></div>
      <p className="muted">{priced ? t.charts.costNote(f.money(a.pricePerUnitCents! / 100), unitWord(label, 1)) : t.charts.noPrices}</p>
    </>
  );
}
