import { useState } from 'react';
import { Button, Notice, SelectField, useSubmit } from '@trackstack/ui';
import type { NutritionApi } from '../api';
import { t } from '../strings';

/** The day before an ISO date ("2026-12-02" → "2026-12-01"). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Yesterday's meal (or the whole day) into today in one tap: the server copies the entries with their values. */
export function CopyFromYesterday({ api, today, meals, onChanged }: { api: NutritionApi; today: string; meals: string[]; onChanged: (m?: string) => void }) {
  const [what, setWhat] = useState('');
  const s = useSubmit(['fromDate', 'meal'], { fallback: t.copy.couldNotCopy });
  const submit = s.onSubmit(async () => {
    const copied = await api.copyLog({ fromDate: dayBefore(today), toDate: today, meal: what || null, toMeal: null });
    onChanged(t.copy.copied(String(copied.length)));
  });
  return (
    <form ref={s.formRef} noValidate onSubmit={submit} data-form="copy" className="inline-form">
      <SelectField label={t.copy.label} name="copyWhat" value={what} onChange={(e) => setWhat(e.target.value)} error={s.fieldErrors.meal ?? s.fieldErrors.fromDate}
        options={[{ value: '', label: t.copy.wholeDay }, ...meals.map((m) => ({ value: m, label: t.meals[m] ?? m }))]} />
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <Button type="submit" variant="secondary" busy={s.busy}>{t.copy.copy}</Button>
    </form>
  );
}
