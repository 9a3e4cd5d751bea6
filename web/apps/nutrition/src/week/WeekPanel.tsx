import { Card, Notice, Skeleton, bandFor, useAsync, useFormat } from '@trackstack/ui';
import type { NutritionApi } from '../api';
import { t } from '../strings';

/** The last seven days: each day's kcal against its target, the averages of the days logged and the streak. */
export function WeekPanel({ api, version }: { api: NutritionApi; version: number }) {
  const f = useFormat();
  const today = f.today();
  const week = useAsync((signal) => api.week(today, signal), [api, today, version]);
  const whole = (n: number) => f.number(Math.round(n), { maximumFractionDigits: 0 });
  if (week.status === 'error') return <Card title={t.week.title}><Notice kind="error"><p>{t.week.couldNotLoad}</p></Notice></Card>;
  if (week.status !== 'ready') return <Card title={t.week.title} busy data-panel="week" data-state="loading"><Skeleton height="160px" /></Card>;
  const w = week.data!;
  return (
    <Card title={t.week.title} data-panel="week" data-state="ready">
      <p className="lead" data-streak={w.streak}>{t.week.streak(w.streak, f.number(w.streak))}</p>
      {w.averageKcal == null ? <p className="muted">{t.week.nothingLogged}</p> : (
        <p data-averages>{t.week.averages(whole(w.averageKcal), whole(w.averageKcalTarget ?? 0), f.number(w.averageProtein ?? 0, { maximumFractionDigits: 1 }),
          whole(w.averageProteinTarget ?? 0), f.number(w.loggedDays))}</p>
      )}
      <div className="table-wrap">
      <table className="table" data-table="week">
        <thead><tr><th scope="col">{t.week.day}</th><th scope="col" className="num">{t.unit.kcal}</th><th scope="col" className="num">{t.week.target}</th><th scope="col" className="num">{t.nutrients.protein}</th></tr></thead>
        <tbody>
          {w.days.map((d) => (
            <tr key={d.date} data-day={d.date} data-entries={d.entries} className={d.entries ? `band-${bandFor(d.kcalTarget - d.kcal, d.kcalTarget)}` : 'muted'}>
              <th scope="row">{f.date(`${d.date}T12:00:00Z`, 'short')} <span className="sub">{t.week.weekdays[d.weekday] ?? d.weekday}</span></th>
              <td className="num">{d.entries ? whole(d.kcal) : t.week.notLogged}</td>
              <td className="num">{whole(d.kcalTarget)}</td>
              <td className="num">{d.entries ? t.homeCard.proteinGrams(whole(d.protein)) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </Card>
  );
}
