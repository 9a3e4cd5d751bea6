import { useEffect, useState } from 'react';
import { Button, Card, Notice, ReadOnlyFields, TextField, formatMoneyInput, parseDecimal, parseMoney, useFormat, useSubmit } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { allocationCheck, tankBudgets } from '../logic';
import { t as strings } from '../strings';

const ratiosOf = (settings: Settings) => settings.tanks.map((t) => ({ key: t.key, name: t.name, ratio: String(t.ratioPercent) }));

/** The monthly income and each tank's share of it, checked live (complete, unassigned or over) before saving. */
export function BudgetForm({ api, settings, onChanged, readOnly = false }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void; readOnly?: boolean }) {
  const f = useFormat();
  // Typed and shown with the household's separators (de-DE: 3.800,00).
  const centsToInput = (c: number) => (c ? formatMoneyInput(c, f.ctx.locale) : '');
  const [income, setIncome] = useState(centsToInput(settings.monthlyIncomeCents));
  const [tanks, setTanks] = useState(() => ratiosOf(settings));
  // Take the server's values again only when they changed (not when the same settings were fetched again).
  const serverKey = JSON.stringify([settings.monthlyIncomeCents, settings.tanks.map((t) => [t.key, t.name, t.ratioPercent])]);
  const [seenKey, setSeenKey] = useState(serverKey);
  useEffect(() => {
    if (serverKey === seenKey) return;
    setSeenKey(serverKey);
    setIncome(centsToInput(settings.monthlyIncomeCents));
    setTanks(ratiosOf(settings));
  }, [serverKey]); // eslint-disable-line react-hooks/exhaustive-deps
  // An empty share is 0 %; anything else that is not a number stays NaN, so the check and the server flag it.
  const ratios = tanks.map((t) => ({ key: t.key, name: t.name, ratioPercent: parseDecimal(t.ratio || '0') ?? Number.NaN }));
  const check = allocationCheck(ratios);
  const budgets = tankBudgets(parseMoney(income, f.ctx.locale) ?? 0, ratios);
  const s = useSubmit(['monthlyIncomeCents', ...ratios.map((_, i) => `tanks[${i}].ratioPercent`)], { fallback: strings.budgetForm.couldNotSave });

  const save = s.onSubmit(async () => {
    const cents = parseMoney(income || '0', f.ctx.locale);
    if (cents === null || cents < 0) return s.invalid({ monthlyIncomeCents: strings.budgetForm.typeIncomeAs(formatMoneyInput(250000, f.ctx.locale)) });
    if (check.status === 'over') return s.setFormError(strings.budgetForm.ratiosAddUp(check.totalPercent));
    await api.saveSettings({ monthlyIncomeCents: cents, fuelCategoryId: settings.fuelCategoryId, tanks: ratios.map((t) => ({ key: t.key, name: t.name, ratioPercent: t.ratioPercent })) });
    onChanged(strings.budgetForm.settingsSaved);
  });

  return (
    <Card title={strings.budgetForm.budget} data-panel="budget">
      <form ref={s.formRef} noValidate onSubmit={save}><ReadOnlyFields readOnly={readOnly}>
        <TextField label={strings.budgetForm.monthlyIncome(settings.currency)} name="monthlyIncome" inputMode="decimal" value={income} onChange={(e) => setIncome(e.target.value)}
          error={s.fieldErrors.monthlyIncomeCents} hint={strings.budgetForm.usedMonthsThat} />
        <fieldset className="tanks">
          <legend>{strings.budgetForm.tanksShareIncome}</legend>
          {tanks.map((t, i) => (
            <div className="tank-row" key={t.key}>
              <TextField label={`${t.name} %`} name={`ratio-${t.key}`} inputMode="decimal" value={t.ratio} error={s.fieldErrors[`tanks[${i}].ratioPercent`]}
                onChange={(e) => setTanks((all) => all.map((x, j) => (j === i ? { ...x, ratio: e.target.value } : x)))} />
              <span className="tank-budget muted">{f.money((budgets[t.key] ?? 0) / 100)}</span>
            </div>
          ))}
        </fieldset>
        <p className={`allocation allocation-${check.status}`} role="status" data-allocation={check.status}>
          {check.status === 'complete' ? strings.budgetForm.allIncomeTank
            : check.status === 'unassigned' ? strings.budgetForm.incomeNotAny(check.unassignedPercent, check.totalPercent)
            : strings.budgetForm.overByTanks(Math.round((check.totalPercent - 100) * 100) / 100, check.totalPercent)}
        </p>
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {readOnly ? null : <Button type="submit" busy={s.busy} disabled={check.status === 'over'}>{strings.budgetForm.saveBudget}</Button>}
      </ReadOnlyFields></form>
    </Card>
  );
}
