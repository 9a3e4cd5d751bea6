import { useState } from 'react';
import { Button, Notice, SelectField, TextField, formatMoneyInput, parseDecimal, parseMoney, useFormat, useSubmit } from '@trackstack/ui';
import type { ChecklistTemplate, ExpensesApi, Settings } from '../api';
import { categoryOptions } from '../logic';
import type { TemplateFormProps } from './TemplateListCard';
import { t as strings } from '../strings';

/** A monthly bill: what, how much, its category and the day it is due. */
export function ChecklistForm({ api, settings, template: t, onDone, onCancel }: { api: ExpensesApi; settings: Settings } & TemplateFormProps<ChecklistTemplate>) {
  const f = useFormat();
  const [title, setTitle] = useState(t?.title ?? '');
  const [amount, setAmount] = useState(t?.amountCents ? formatMoneyInput(t.amountCents, f.ctx.locale) : '');
  const [categoryId, setCategoryId] = useState(t?.categoryId ?? '');
  const [dueDay, setDueDay] = useState(t?.dueDay ? String(t.dueDay) : '');
  const s = useSubmit(['title', 'amountCents', 'categoryId', 'dueDay'], { fallback: strings.checklistForm.couldNotSave });
  const save = s.onSubmit(async () => {
    const cents = parseMoney(amount, f.ctx.locale);
    if (cents === null) return s.invalid({ amountCents: strings.checklistForm.typeAmount });
    const body = { title: title.trim(), amountCents: cents, categoryId: categoryId || null, dueDay: parseDecimal(dueDay), active: t?.active ?? true, sortOrder: t ? t.sortOrder : null };
    if (t) await api.updateChecklist(t.id, body); else await api.addChecklist(body);
    onDone(t ? strings.checklistForm.billSaved : strings.checklistForm.billAdded);
  });
  return (
    <form ref={s.formRef} className="inline-form" noValidate onSubmit={save}>
      <TextField label={strings.checklistForm.bill} name="checklistTitle" value={title} onChange={(e) => setTitle(e.target.value)} error={s.fieldErrors.title} />
      <TextField label={strings.checklistForm.amount} name="checklistAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={s.fieldErrors.amountCents} />
      <SelectField label={strings.checklistForm.category} value={categoryId} onChange={(e) => setCategoryId(e.target.value)} options={categoryOptions(settings, { value: '', label: strings.checklistForm.noCategory })} error={s.fieldErrors.categoryId} />
      <TextField label={strings.checklistForm.dueDay} name="checklistDueDay" inputMode="numeric" value={dueDay} onChange={(e) => setDueDay(e.target.value)} error={s.fieldErrors.dueDay} />
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <span className="btn-row"><Button type="submit" busy={s.busy}>{t ? strings.checklistForm.save : strings.checklistForm.addBill}</Button><Button variant="secondary" onClick={onCancel}>{strings.checklistForm.cancel}</Button></span>
    </form>
  );
}
