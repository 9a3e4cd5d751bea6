import { BAND_LABEL, bandFor, barWidth, useFormat } from '@trackstack/ui';
import type { Day } from '../api';

/** What remains of the day's targets as bars: kcal first, then protein (and fat, carbohydrate, fibre when set). */
export function DayBars({ day }: { day: Day }) {
  const f = useFormat();
  const t = day.targets;
  const eaten = day.totals;
  const rows: { label: string; unit: string; target: number; eaten: number }[] = [
    { label: 'Energy', unit: 'kcal', target: t.kcal, eaten: eaten.kcal ?? 0 },
    { label: 'Protein', unit: 'g', target: t.protein, eaten: eaten.protein ?? 0 },
  ];
  if (t.fat != null) rows.push({ label: 'Fat', unit: 'g', target: t.fat, eaten: eaten.fat ?? 0 });
  if (t.carbohydrate != null) rows.push({ label: 'Carbohydrate', unit: 'g', target: t.carbohydrate, eaten: eaten.carbohydrate ?? 0 });
  if (t.fibre != null) rows.push({ label: 'Fibre', unit: 'g', target: t.fibre, eaten: eaten.fibre ?? 0 });
  const whole = (n: number) => f.number(Math.round(n), { maximumFractionDigits: 0 });
  return (
    <div data-panel="remaining">
      <p className="lead" data-remaining>{day.remaining}</p>
      {rows.map((r) => {
        const remaining = r.target - r.eaten;
        const band = bandFor(remaining, r.target);
        const text = `${r.label}: ${whole(remaining)} ${r.unit} left of ${whole(r.target)} (${BAND_LABEL[band]})`;
        return (
          <div key={r.label} className={`colorbar band-${band}`} data-band={band}>
            <div className="colorbar-row">
              <span className="colorbar-label">{r.label}</span>
              <span className="colorbar-value">{whole(remaining)} {r.unit} <span className="muted">left of {whole(r.target)}</span></span>
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
