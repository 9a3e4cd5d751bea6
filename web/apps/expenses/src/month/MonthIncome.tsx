import { Button, TextField, useMoneyInput, useSubmit } from '@trackstack/ui';
import type { ExpensesApi } from '../api';
import { t } from '../strings';

/** This month's income only (the settings keep the income months open with). Typed and shown in the household's locale. */
export function MonthIncome({ api, month, incomeCents, onChanged }: { api: ExpensesApi; month: string; incomeCents: number; onChanged: (m?: string) => void }) {
  const income = useMoneyInput(incomeCents, { emptyForZero: true });
  const s = useSubmit(['incomeCents'], { fallback: t.income.failed });
  const save = s.onSubmit(async () => {
    const cents = income.cents();
    if (cents === null || cents < 0) return s.invalid({ incomeCents: t.income.invalid(income.example) });
    await api.setMonthIncome(month, cents);
    onChanged(t.income.saved);
  });
  return (
    <details className="more">
      <summary>{t.income.summary}</summary>
      <form ref={s.formRef} className="inline-form" noValidate onSubmit={save}>
        <TextField label={t.income.label} name="monthIncome" inputMode="decimal" value={income.value} onChange={(e) => income.setValue(e.target.value)}
          onBlur={income.onBlur} error={s.fieldErrors.incomeCents ?? s.formError} />
        <Button type="submit" variant="secondary" busy={s.busy}>{t.income.save}</Button>
      </form>
    </details>
  );
}
