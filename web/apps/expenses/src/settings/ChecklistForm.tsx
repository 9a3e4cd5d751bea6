import { useState } from 'react';
import { Button, Notice, SelectField, TextField, formatMoneyInput, parseDecimal, parseMoney, useFormat, useSubmit } from '@trackstack/ui';
import type { ChecklistTemplate, ExpensesApi, Settings } from '../api';
import { categoryOptions } from '../logic';
import type { TemplateFormProps } from './TemplateListCard';

/** A monthly bill: what, how much, its category and the day it is due. */
export function ChecklistForm({ api, settings, template: t, onDone, onCancel }: { api: ExpensesApi; settings: Settings } & TemplateFormProps<ChecklistTemplate>) {
  const f = useFormat();
  const [title, setTitle] = useState(t?.title ?? '');
  const [amount, setAmount] = useState(t?.amountCents ? formatMoneyInput(t.amountCents, f.ctx.locale) : '');
  const [categoryId, setCategoryId] = useState(t?.categoryId ?? '');
  const [dueDay, setDueDay] = useState(t?.dueDay ? String(t.dueDay) : '');
  const s = useSubmit(['title', 'amountCents', 'categoryId', 'dueDay'], { fallback: 'Could not save.' });
  const save = s.onSubmit(async () => {
    const cents = parseMoney(amount, f.ctx.locale);
    if (cents === null) return s.invalid({ amountCents: 'Type the amount.' });
    const body = { title: title.trim(), amountCents: cents, categoryId: categoryId || null, dueDay: parseDecimal(dueDay), active: t?.active ?? true, sortOrder: t ? t.sortOrder : null };
    if (t) await api.updateChecklist(t.id, body); else await api.addChecklist(body);
    onDone(t ? 'Bill saved.' : 'Bill added.');
  });
  return (
    <form ref={s.formRef} className="inline-form" noValidate onSubmit={save}>
      <TextField label="Bill" name="checklistTitle" value={title} onChange={(e) => setTitle(e.target.value)} error={s.fieldErrors.title} />
      <TextField label="Amount" name="checklistAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={s.fieldErrors.amountCents} />
      <SelectField label="Category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} options={categoryOptions(settings, { value: '', label: 'No category' })} error={s.fieldErrors.categoryId} />
      <TextField label="Due on day" name="checklistDueDay" inputMode="numeric" value={dueDay} onChange={(e) => setDueDay(e.target.value)} error={s.fieldErrors.dueDay} />
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <span className="btn-row"><Button type="submit" busy={s.busy}>{t ? 'Save' : 'Add bill'}</Button><Button variant="secondary" onClick={onCancel}>Cancel</Button></span>
    </form>
  );
}
