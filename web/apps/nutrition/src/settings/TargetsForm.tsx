import { useState } from 'react';
import { Button, Card, Notice, ReadOnlyFields, TextField, parseDecimal, useSubmit } from '@trackstack/ui';
import type { NutritionApi, Targets } from '../api';
import { t } from '../strings';

/** The member's own daily targets and whether the other members may read their diary. */
export function TargetsForm({ api, targets, onChanged, readOnly }: { api: NutritionApi; targets: Targets; onChanged: (m?: string) => void; readOnly: boolean }) {
  const [kcal, setKcal] = useState(String(targets.kcal));
  const [protein, setProtein] = useState(String(targets.protein));
  const [share, setShare] = useState(targets.shareDiary);
  const s = useSubmit(['kcal', 'protein'], { fallback: t.targetsForm.couldNotSave });
  const save = s.onSubmit(async () => {
    const k = parseDecimal(kcal);
    const p = parseDecimal(protein);
    if (k === null) return s.invalid({ kcal: t.targetsForm.typeKcal });
    if (p === null) return s.invalid({ protein: t.targetsForm.typeProtein });
    await api.saveTargets({ kcal: k, protein: p, fat: targets.fat, carbohydrate: targets.carbohydrate, fibre: targets.fibre, shareDiary: share });
    onChanged(t.targetsForm.saved);
  });
  return (
    <Card title={t.targetsForm.title} data-panel="targets">
      <form ref={s.formRef} noValidate onSubmit={save}>
        <ReadOnlyFields readOnly={readOnly}>
          <TextField label={t.targetsForm.kcal} name="kcal" inputMode="decimal" value={kcal} onChange={(e) => setKcal(e.target.value)} error={s.fieldErrors.kcal} />
          <TextField label={t.targetsForm.protein} name="protein" inputMode="decimal" value={protein} onChange={(e) => setProtein(e.target.value)} error={s.fieldErrors.protein} />
          <label className="check"><input type="checkbox" name="shareDiary" checked={share} onChange={(e) => setShare(e.target.checked)} />{t.targetsForm.shareDiary}</label>
        </ReadOnlyFields>
        {readOnly ? <p className="muted">{t.targetsForm.viewersCannot}</p> : null}
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {readOnly ? null : <Button type="submit" busy={s.busy}>{t.targetsForm.save}</Button>}
      </form>
    </Card>
  );
}
