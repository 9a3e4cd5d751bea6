import { useState } from 'react';
import { Button, Card, TextField, useFormat } from '@trackstack/ui';
import { periodRange, type Period, type PeriodChoice } from '../logic';
import { t } from '../strings';

const CHOICES: PeriodChoice[] = ['all', 'season', 'year', 'custom'];

/** Which days the analysis reads: all refills, this heating season, the last 12 months, or custom dates. */
export function PeriodCard({ seasonStart, period, onChange }: {
  seasonStart: { month: number; day: number }; period: Period | null; onChange: (p: Period | null) => void;
}) {
  const f = useFormat();
  const [choice, setChoice] = useState<PeriodChoice>('all');
  const [custom, setCustom] = useState<Partial<Period>>({});
  const [error, setError] = useState<string | null>(null);
  const pick = (c: PeriodChoice) => {
    setChoice(c);
    setError(null);
    if (c !== 'custom') onChange(periodRange(c, f.today(), seasonStart));
  };
  const apply = () => {
    const p = periodRange('custom', f.today(), seasonStart, custom);
    setError(p ? null : t.period.invalid);
    if (p) onChange(p);
  };
  const show = (d: string) => f.date(`${d}T12:00:00Z`);
  return (
    <Card title={t.period.title} data-panel="period">
      <fieldset className="choice" data-period={choice}>
        <legend className="visually-hidden">{t.period.legend}</legend>
        {CHOICES.map((c) => (
          <label key={c} className="choice-option">
            <input type="radio" name="analysis-period" value={c} checked={choice === c} onChange={() => pick(c)} /> {t.period[c]}
          </label>
        ))}
      </fieldset>
      {choice === 'custom' ? (
        <div className="inline-form">
          <TextField label={t.period.from} name="periodFrom" type="date" value={custom.from ?? ''} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} error={error ?? undefined} />
          <TextField label={t.period.to} name="periodTo" type="date" value={custom.to ?? ''} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} />
          <Button variant="secondary" onClick={apply}>{t.period.apply}</Button>
        </div>
      ) : null}
      <p className="muted" data-period-range={period ? `${period.from}/${period.to}` : 'all'}>{period ? t.period.showing(show(period.from), show(period.to)) : t.period.showingAll}</p>
    </Card>
  );
}
