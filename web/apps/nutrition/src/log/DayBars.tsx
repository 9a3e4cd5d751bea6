import { BAND_LABEL, bandFor, barWidth, useFormat } from '@trackstack/ui';
import type { Day } from '../api';
import { t } from '../strings';

/** What remains of the day's targets as bars: kcal first, then protein (and fat, carbohydrate, fibre when set). */
export function DayBars({ day }: { day: Day }) {
  const f = useFormat();
  const targets = day.targets;
  const eaten = day.totals;
  const rows: { label: string; unit: string; target: number; eaten: number }[] = [
    { label: t.nutrients.energy, unit: t.unit.kcal, target: targets.kcal, eaten: eaten.kcal ?? 0 },
    { label: t.nutrients.protein, unit: t.unit.g, target: targets.protein, eaten: eaten.protein ?? 0 },
  ];
  if (targets.fat != null) rows.push({ label: t.nutrients.fat, unit: t.unit.g, target: targets.fat, eaten: eaten.fat ?? 0 });
  if (targets.carbohydrate != null) rows.push({ label: t.nutrients.carbohydrate, unit: t.unit.g, target: targets.carbohydrate, eaten: eaten.carbohydrate ?? 0 });
  if (targets.fibre != null) rows.push({ label: t.nutrients.fibre, unit: t.unit.g, target: targets.fibre, eaten: eaten.fibre ?? 0 });
  const whole = (n: number) => f.number(Math.round(n), { maximumFractionDigits: 0 });
  return (
    <div data-panel="remaining">
      <p className="lead" data-remaining>{t.dayBars.lead(whole(Math.abs(day.remainingKcal)), day.remainingKcal < 0, day.proteinToGo > 0 ? whole(day.proteinToGo) : null)}</p>
      {rows.map((r) => {
        const remaining = r.target - r.eaten;
        const band = bandFor(remaining, r.target);
        const text = t.dayBars.meter(r.label, whole(remaining), r.unit, whole(r.target), BAND_LABEL[band]);
        return (
          <div key={r.label} className={`colorbar band-${band}`} data-band={band}>
            <div className="colorbar-row">
              <span className="colorbar-label">{r.label}</span>
              <span className="colorbar-value">{whole(remaining)} {r.unit} <span className="muted">{t.dayBars.leftOf(whole(r.target))}</span></span>
            </div>
            <div className="colorbar-track" role="meter" aria-label={text} aria-valuemin={0} aria-valuemax={100} aria-valuenow={barWidth(remaining, r.target)} aria-valuetext={text}>
              <span className="colorbar-fill" style={{ width: `${barWidth(remaining, r.target)}%` }} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
