import { useState } from 'react';
import { Button, TextField, centsToInput, parseAmountToCents, useSubmit } from '@trackstack/ui';
import type { ExpensesApi } from '../api';

/** This month's income only (the settings keep the income months open with). */
export function MonthIncome({ api, month, incomeCents, onChanged }: { api: ExpensesApi; month: string; incomeCents: number; onChanged: (m?: string) => void }) {
  const [value, setValue] = useState(centsToInput(incomeCents));
  const s = useSubmit(['incomeCents'], { fallback: 'Could not save it.' });
  const save = s.onSubmit(async () => {
    const cents = parseAmountToCents(value);
    if (cents === null || cents < 0) return s.invalid({ incomeCents: 'Type the income as an amount, e.g. 3000 or 3000,00.' });
    await api.setMonthIncome(month, cents);
    onChanged('Income for this month saved.');
  });
  return (
    <details className="more">
      <summary>Change this month's income</summary>
      <form ref={s.formRef} className="inline-form" noValidate onSubmit={save}>
        <TextField label="Income this month" name="monthIncome" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)}
          error={s.fieldErrors.incomeCents ?? s.formError} />
        <Button type="submit" variant="secondary" busy={s.busy}>Save income</Button>
      </form>
    </details>
  );
}
