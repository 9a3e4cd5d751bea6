import { useState } from 'react';
import { Button, Notice, SelectField, TextField, formatMoneyInput, parseDecimal, parseMoney, useFormat, useSubmit } from '@trackstack/ui';
import type { ExpensesApi, RecurringTemplate, Settings } from '../api';
import { categoryOptions } from '../logic';
import type { TemplateFormProps } from './TemplateListCard';
import { t as strings } from '../strings';

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
  const s = useSubmit(FIELDS, { fallback: strings.recurringForm.couldNotSave });
  const e = s.fieldErrors;
  const save = s.onSubmit(async () => {
    const cents = parseMoney(amount, f.ctx.locale);
    if (cents === null) return s.invalid({ amountCents: strings.recurringForm.typeAmount });
    const body = {
      title: title.trim(), amountCents: cents, categoryId: categoryId || null, note: t?.note ?? null, tags: t?.tags ?? [], frequency, day: parseDecimal(day),
      monthOfYear: frequency === 'yearly' ? parseDecimal(monthOfYear) : null, startDate, endDate: t?.endDate ?? null, active: t?.active ?? true,
    };
    if (t) await api.updateRecurring(t.id, body); else await api.addRecurring(body);
    onDone(t ? strings.recurringForm.recurringEntrySaved : strings.recurringForm.recurringEntryAdded);
  });
  return (
    <form ref={s.formRef} className="inline-form" noValidate onSubmit={save}>
      <TextField label={strings.recurringForm.what} name="recurringTitle" value={title} onChange={(x) => setTitle(x.target.value)} error={e.title} />
      <TextField label={strings.recurringForm.amount} name="recurringAmount" inputMode="decimal" value={amount} onChange={(x) => setAmount(x.target.value)} error={e.amountCents} />
      <SelectField label={strings.recurringForm.category} value={categoryId} onChange={(x) => setCategoryId(x.target.value)} options={categoryOptions(settings, { value: '', label: strings.recurringForm.noCategory })} error={e.categoryId} />
      <SelectField label={strings.recurringForm.howOften} value={frequency} onChange={(x) => setFrequency(x.target.value)} error={e.frequency}
        options={[{ value: 'monthly', label: strings.recurringForm.monthly }, { value: 'weekly', label: strings.recurringForm.weekly }, { value: 'yearly', label: strings.recurringForm.yearly }]} />
      <TextField label={frequency === 'weekly' ? strings.recurringForm.weekday1Monday : strings.recurringForm.dayMonth} inputMode="numeric" value={day} onChange={(x) => setDay(x.target.value)} error={e.day} />
      {frequency === 'yearly' ? <TextField label={strings.recurringForm.month112} inputMode="numeric" value={monthOfYear} onChange={(x) => setMonthOfYear(x.target.value)} error={e.monthOfYear} /> : null}
      <TextField label={strings.recurringForm.starting} type="date" value={startDate} onChange={(x) => setStartDate(x.target.value)} error={e.startDate} />
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <span className="btn-row"><Button type="submit" busy={s.busy}>{t ? strings.recurringForm.save : strings.recurringForm.add}</Button><Button variant="secondary" onClick={onCancel}>{strings.recurringForm.cancel}</Button></span>
    </form>
  );
}
