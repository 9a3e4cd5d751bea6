import { useState } from 'react';
import { Button, Card, Notice, ReadOnlyFields, TextField, parseDecimal, useSubmit } from '@trackstack/ui';
import type { NutritionApi, Targets } from '../api';
import { strings } from '../strings';

/** The member's own daily targets and whether the other members may read their diary. */
export function TargetsForm({ api, targets, onChanged, readOnly }: { api: NutritionApi; targets: Targets; onChanged: (m?: string) => void; readOnly: boolean }) {
  const [kcal, setKcal] = useState(String(targets.kcal));
  const [protein, setProtein] = useState(String(targets.protein));
  const [share, setShare] = useState(targets.shareDiary);
  const s = useSubmit(['kcal', 'protein'], { fallback: 'Could not save the targets.' });
  const save = s.onSubmit(async () => {
    const k = parseDecimal(kcal);
    const p = parseDecimal(protein);
    if (k === null) return s.invalid({ kcal: 'Type the kcal per day, e.g. 2300.' });
    if (p === null) return s.invalid({ protein: 'Type the grams of protein per day, e.g. 120.' });
    await api.saveTargets({ kcal: k, protein: p, fat: targets.fat, carbohydrate: targets.carbohydrate, fibre: targets.fibre, shareDiary: share });
    onChanged(strings.targetsSaved);
  });
  return (
    <Card title="Daily targets" data-panel="targets">
      <form ref={s.formRef} noValidate onSubmit={save}>
        <ReadOnlyFields readOnly={readOnly}>
          <TextField label="Energy (kcal per day)" name="kcal" inputMode="decimal" value={kcal} onChange={(e) => setKcal(e.target.value)} error={s.fieldErrors.kcal} />
          <TextField label="Protein (g per day)" name="protein" inputMode="decimal" value={protein} onChange={(e) => setProtein(e.target.value)} error={s.fieldErrors.protein} />
          <label className="check"><input type="checkbox" name="shareDiary" checked={share} onChange={(e) => setShare(e.target.checked)} /> Let the other members see my food diary</label>
        </ReadOnlyFields>
        {readOnly ? <p className="muted">Viewers cannot change targets.</p> : null}
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {readOnly ? null : <Button type="submit" busy={s.busy}>Save targets</Button>}
      </form>
    </Card>
  );
}
