import { useState } from 'react';
import { Button, Card, Notice, ReadOnlyFields, TextField, parseDecimal, useSubmit } from '@trackstack/ui';
import type { NutritionApi, Targets } from '../api';
import { t } from '../strings';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The member's own daily targets, a weekday's own kcal and protein when wanted, and whether the other members may
 * read their diary. An empty weekday field means that day uses the everyday target. */
export function TargetsForm({ api, targets, onChanged, readOnly }: { api: NutritionApi; targets: Targets; onChanged: (m?: string) => void; readOnly: boolean }) {
  const [kcal, setKcal] = useState(String(targets.kcal));
  const [protein, setProtein] = useState(String(targets.protein));
  const [share, setShare] = useState(targets.shareDiary);
  const initial = Object.fromEntries(WEEKDAYS.map((d) => {
    const w = targets.weekdays.find((x) => x.day === d);
    return [d, { kcal: w?.kcal == null ? '' : String(w.kcal), protein: w?.protein == null ? '' : String(w.protein) }];
  }));
  const [days, setDays] = useState<Record<string, { kcal: string; protein: string }>>(initial);
  const dayFields = WEEKDAYS.flatMap((d) => [`kcal-${d}`, `protein-${d}`]);
  const s = useSubmit(['kcal', 'protein', 'weekdays', ...dayFields], { fallback: t.targetsForm.couldNotSave });
  const save = s.onSubmit(async () => {
    const k = parseDecimal(kcal);
    const p = parseDecimal(protein);
    if (k === null) return s.invalid({ kcal: t.targetsForm.typeKcal });
    if (p === null) return s.invalid({ protein: t.targetsForm.typeProtein });
    const weekdays = [];
    for (const d of WEEKDAYS) {
      const dk = days[d].kcal.trim() ? parseDecimal(days[d].kcal) : null;
      const dp = days[d].protein.trim() ? parseDecimal(days[d].protein) : null;
      if (days[d].kcal.trim() && dk === null) return s.invalid({ [`kcal-${d}`]: t.targetsForm.typeKcal });
      if (days[d].protein.trim() && dp === null) return s.invalid({ [`protein-${d}`]: t.targetsForm.typeProtein });
      if (dk !== null || dp !== null) weekdays.push({ day: d, kcal: dk, protein: dp });
    }
    await api.saveTargets({ kcal: k, protein: p, fat: targets.fat, carbohydrate: targets.carbohydrate, fibre: targets.fibre, shareDiary: share, weekdays });
    onChanged(t.targetsForm.saved);
  });
  const setDay = (d: string, field: 'kcal' | 'protein', value: string) => setDays((all) => ({ ...all, [d]: { ...all[d], [field]: value } }));
  return (
    <Card title={t.targetsForm.title} data-panel="targets">
      <form ref={s.formRef} noValidate onSubmit={save}>
        <ReadOnlyFields readOnly={readOnly}>
          <TextField label={t.targetsForm.kcal} name="kcal" inputMode="decimal" value={kcal} onChange={(e) => setKcal(e.target.value)} error={s.fieldErrors.kcal} />
          <TextField label={t.targetsForm.protein} name="protein" inputMode="decimal" value={protein} onChange={(e) => setProtein(e.target.value)} error={s.fieldErrors.protein} />
          <details open={targets.weekdays.length > 0} data-weekdays>
            <summary>{t.targetsForm.perWeekday}</summary>
            <p className="muted">{t.targetsForm.perWeekdayHint}</p>
            {WEEKDAYS.map((d) => (
              <fieldset key={d} className="inline-form" data-weekday={d}>
                <legend>{t.week.weekdayNames[d]}</legend>
                <TextField label={t.targetsForm.dayKcal} name={`kcal-${d}`} inputMode="decimal" value={days[d].kcal} onChange={(e) => setDay(d, 'kcal', e.target.value)} error={s.fieldErrors[`kcal-${d}`]} />
                <TextField label={t.targetsForm.dayProtein} name={`protein-${d}`} inputMode="decimal" value={days[d].protein} onChange={(e) => setDay(d, 'protein', e.target.value)} error={s.fieldErrors[`protein-${d}`]} />
              </fieldset>
            ))}
            {s.fieldErrors.weekdays ? <p className="field-error">{s.fieldErrors.weekdays}</p> : null}
          </details>
          <label className="check"><input type="checkbox" name="shareDiary" checked={share} onChange={(e) => setShare(e.target.checked)} />{t.targetsForm.shareDiary}</label>
        </ReadOnlyFields>
        {readOnly ? <p className="muted">{t.targetsForm.viewersCannot}</p> : null}
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {readOnly ? null : <Button type="submit" busy={s.busy}>{t.targetsForm.save}</Button>}
      </form>
    </Card>
  );
}
