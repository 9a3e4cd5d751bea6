import { useState } from 'react';
import { newClientId } from '@trackstack/api';
import { LineChart } from '@trackstack/charts';
import { Button, Card, Notice, Skeleton, TextField, parseDecimal, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { TrainingApi } from '../api';
import { toKg, toUnit, type Unit } from '../logic';
import { t } from '../strings';

/** The member's body weight: a weighing to log (queued when offline) and the weights with their 7-day trend. */
export function BodyWeightPanel({ api, unit, readOnly, version, onChanged }: { api: TrainingApi; unit: Unit; readOnly: boolean; version: number; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const list = useAsync((signal) => api.bodyWeights(signal), [api, version]);
  const [weight, setWeight] = useState('');
  const [date, setDate] = useState(() => f.today());
  const s = useSubmit(['weightKg', 'date'], { fallback: t.bodyWeight.couldNotSave });
  const save = s.onSubmit(async () => {
    const value = parseDecimal(weight);
    if (value === null) return s.invalid({ weightKg: t.bodyWeight.typeWeight });
    const result = await api.logBodyWeight({ id: newClientId(), date, weightKg: Math.round(toKg(value, unit) * 1000) / 1000 }, t.bodyWeight.queueLabel(`${weight} ${unit}`));
    setWeight('');
    onChanged(result.queued ? t.bodyWeight.queued : t.bodyWeight.saved);
  });
  const items = [...(list.data?.items ?? [])].reverse();
  return (
    <Card title={t.bodyWeight.title} busy={list.status === 'loading'} data-panel="body-weight" data-state={list.status}>
      {list.status !== 'ready' ? <Skeleton height="200px" /> : items.length === 0 ? <p>{t.bodyWeight.none}</p> : items.length === 1 ? (
        // One point makes no line: the weighing as text until the second one.
        <p data-single-weight>{t.bodyWeight.single(f.number(toUnit(items[0].weightKg, unit), { maximumFractionDigits: 1 }), unit, f.date(items[0].date))}</p>
      ) : (
        <LineChart
          title={t.bodyWeight.chartTitle}
          series={[
            { name: t.bodyWeight.weight, points: items.map((b) => ({ t: `${b.date}T12:00:00Z`, value: toUnit(b.weightKg, unit) })) },
            { name: t.bodyWeight.trend, points: items.map((b) => ({ t: `${b.date}T12:00:00Z`, value: toUnit(b.trendKg, unit) })) },
          ]}
          formatValue={(v) => f.number(v, { maximumFractionDigits: 1 })}
        />
      )}
      {readOnly ? null : (
        <form ref={s.formRef} noValidate onSubmit={save} className="field-row">
          <TextField label={t.bodyWeight.weightIn(unit)} name="weightKg" inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} error={s.fieldErrors.weightKg} />
          <TextField label={t.bodyWeight.date} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={s.fieldErrors.date} />
          <Button type="submit" busy={s.busy}>{t.bodyWeight.log}</Button>
        </form>
      )}
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
    </Card>
  );
}
