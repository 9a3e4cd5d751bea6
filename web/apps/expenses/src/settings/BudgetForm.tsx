import { useEffect, useState } from 'react';
import { Button, Card, Notice, ReadOnlyFields, TextField, formatMoneyInput, parseDecimal, parseMoney, useFormat, useSubmit } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { allocationCheck, tankBudgets } from '../logic';

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
  const s = useSubmit(['monthlyIncomeCents', ...ratios.map((_, i) => `tanks[${i}].ratioPercent`)], { fallback: 'Could not save.' });

  const save = s.onSubmit(async () => {
    const cents = parseMoney(income || '0', f.ctx.locale);
    if (cents === null || cents < 0) return s.invalid({ monthlyIncomeCents: `Type the income as an amount, e.g. ${formatMoneyInput(250000, f.ctx.locale)}.` });
    if (check.status === 'over') return s.setFormError(`The ratios add up to ${check.totalPercent} %; bring them down to 100 % or less.`);
    await api.saveSettings({ monthlyIncomeCents: cents, fuelCategoryId: settings.fuelCategoryId, tanks: ratios.map((t) => ({ key: t.key, name: t.name, ratioPercent: t.ratioPercent })) });
    onChanged('Settings saved.');
  });

  return (
    <Card title="Budget" data-panel="budget">
      <form ref={s.formRef} noValidate onSubmit={save}><ReadOnlyFields readOnly={readOnly}>
        <TextField label={`Monthly income (${settings.currency})`} name="monthlyIncome" inputMode="decimal" value={income} onChange={(e) => setIncome(e.target.value)}
          error={s.fieldErrors.monthlyIncomeCents} hint="Used for months that open from now on; a month keeps the income it opened with." />
        <fieldset className="tanks">
          <legend>Tanks (share of the income)</legend>
          {tanks.map((t, i) => (
            <div className="tank-row" key={t.key}>
              <TextField label={`${t.name} %`} name={`ratio-${t.key}`} inputMode="decimal" value={t.ratio} error={s.fieldErrors[`tanks[${i}].ratioPercent`]}
                onChange={(e) => setTanks((all) => all.map((x, j) => (j === i ? { ...x, ratio: e.target.value } : x)))} />
              <span className="tank-budget muted">{f.money((budgets[t.key] ?? 0) / 100)}</span>
            </div>
          ))}
        </fieldset>
        <p className={`allocation allocation-${check.status}`} role="status" data-allocation={check.status}>
          {check.status === 'complete' ? '✓ All of the income is in a tank (100 %).'
            : check.status === 'unassigned' ? `${check.unassignedPercent} % of the income is not in any tank (total ${check.totalPercent} %).`
            : `Over by ${Math.round((check.totalPercent - 100) * 100) / 100} %: the tanks add up to ${check.totalPercent} %.`}
        </p>
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {readOnly ? null : <Button type="submit" busy={s.busy} disabled={check.status === 'over'}>Save budget</Button>}
      </ReadOnlyFields></form>
    </Card>
  );
}
