import { useState } from 'react';
import { Button, Notice, SelectField, TextField, formatMoneyInput, parseDecimal, parseMoney, useFormat, useSubmit } from '@trackstack/ui';
import type { ExpensesApi, RecurringTemplate, Settings } from '../api';
import { categoryOptions } from '../logic';
import type { TemplateFormProps } from './TemplateListCard';

const FIELDS = ['title', 'amountCents', 'categoryId', 'frequency', 'day', 'monthOfYear', 'startDate'];

/** A recurring entry: what, how much, how often and from when. */
export function RecurringForm({ api, settings, template: t, onDone, onCancel }: { api: ExpensesApi; settings: Settings } & TemplateFormProps<RecurringTemplate>) {
  const f = useFormat();
  const [title, setTitle] = useState(t?.title ?? '');
  const [amount, setAmount] = useState(t?.amountCents ? formatMoneyInput(t.amountCents, f.ctx.locale) : '');
  const [categoryId, setCategoryId] = useState(t?.categoryId ?? '');
  const [frequency, setFrequency] = useState(t?.frequency ?? 'monthly');
  const [day, setDay] = useState(t ? String(t.day) : '1');
  const [monthOfYear, setMonthOfYear] = useState(t?.monthOfYear ? String(t.monthOfYear) : '');
  const [startDate, setStartDate] = useState(() => t?.startDate ?? f.today());
  const s = useSubmit(FIELDS, { fallback: 'Could not save.' });
  const e = s.fieldErrors;
  const save = s.onSubmit(async () => {
    const cents = parseMoney(amount, f.ctx.locale);
    if (cents === null) return s.invalid({ amountCents: 'Type the amount.' });
    const body = {
      title: title.trim(), amountCents: cents, categoryId: categoryId || null, note: t?.note ?? null, tags: t?.tags ?? [], frequency, day: parseDecimal(day),
      monthOfYear: frequency === 'yearly' ? parseDecimal(monthOfYear) : null, startDate, endDate: t?.endDate ?? null, active: t?.active ?? true,
    };
    if (t) await api.updateRecurring(t.id, body); else await api.addRecurring(body);
    onDone(t ? 'Recurring entry saved.' : 'Recurring entry added.');
  });
  return (
    <form ref={s.formRef} className="inline-form" noValidate onSubmit={save}>
      <TextField label="What" name="recurringTitle" value={title} onChange={(x) => setTitle(x.target.value)} error={e.title} />
      <TextField label="Amount" name="recurringAmount" inputMode="decimal" value={amount} onChange={(x) => setAmount(x.target.value)} error={e.amountCents} />
      <SelectField label="Category" value={categoryId} onChange={(x) => setCategoryId(x.target.value)} options={categoryOptions(settings, { value: '', label: 'No category' })} error={e.categoryId} />
      <SelectField label="How often" value={frequency} onChange={(x) => setFrequency(x.target.value)} error={e.frequency}
        options={[{ value: 'monthly', label: 'Monthly' }, { value: 'weekly', label: 'Weekly' }, { value: 'yearly', label: 'Yearly' }]} />
      <TextField label={frequency === 'weekly' ? 'Weekday (1 = Monday)' : 'Day of the month'} inputMode="numeric" value={day} onChange={(x) => setDay(x.target.value)} error={e.day} />
      {frequency === 'yearly' ? <TextField label="Month (1–12)" inputMode="numeric" value={monthOfYear} onChange={(x) => setMonthOfYear(x.target.value)} error={e.monthOfYear} /> : null}
      <TextField label="Starting" type="date" value={startDate} onChange={(x) => setStartDate(x.target.value)} error={e.startDate} />
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <span className="btn-row"><Button type="submit" busy={s.busy}>{t ? 'Save' : 'Add'}</Button><Button variant="secondary" onClick={onCancel}>Cancel</Button></span>
    </form>
  );
}
