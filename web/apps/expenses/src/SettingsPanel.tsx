import { useEffect, useRef, useState } from 'react';
import { ApiError, splitFieldErrors } from '@trackstack/api';
import { Button, Card, Notice, SelectField, Skeleton, TextField, useAsync, useFocusFirstInvalid, useFormat } from '@trackstack/ui';
import { n, type Category, type ChecklistTemplate, type ExpensesApi, type RecurringTemplate, type Settings } from './api';
import { categoryOptions } from './EntryForm';
import { allocationCheck, parseAmountToCents, tankBudgets } from './logic';

const message = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback);
const centsText = (c: number | string | null | undefined) => (n(c) ? (n(c) / 100).toFixed(2) : '');

/** Income, tank ratios (with the allocation check before saving), categories, checklist and recurring templates. */
export function SettingsPanel({ api, settings, settingsState, onChanged }: { api: ExpensesApi; settings: Settings | null; settingsState: string; onChanged: (m?: string) => void }) {
  if (!settings) {
    return settingsState === 'error'
      ? <Notice kind="error"><p>Could not load the settings.</p></Notice>
      : <Card title="Budget" busy><Skeleton height="48px" /><Skeleton height="48px" /><Skeleton height="48px" /></Card>;
  }
  return (
    <>
      <BudgetForm api={api} settings={settings} onChanged={onChanged} />
      <Categories api={api} settings={settings} onChanged={onChanged} />
      <Checklist api={api} settings={settings} onChanged={onChanged} />
      <Recurring api={api} settings={settings} onChanged={onChanged} />
      <Rules api={api} settings={settings} onChanged={onChanged} />
    </>
  );
}

function BudgetForm({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const [income, setIncome] = useState(centsText(settings.monthlyIncomeCents));
  const [tanks, setTanks] = useState(settings.tanks.map((t) => ({ key: t.key, name: t.name, ratio: String(n(t.ratioPercent)) })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  // Take the server's values again only when they changed (not when the same settings were fetched again).
  const serverKey = JSON.stringify([settings.monthlyIncomeCents, settings.tanks.map((t) => [t.key, t.name, t.ratioPercent])]);
  const [seenKey, setSeenKey] = useState(serverKey);
  useEffect(() => {
    if (serverKey === seenKey) return;
    setSeenKey(serverKey);
    setIncome(centsText(settings.monthlyIncomeCents));
    setTanks(settings.tanks.map((t) => ({ key: t.key, name: t.name, ratio: String(n(t.ratioPercent)) })));
  }, [serverKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const ratios = tanks.map((t) => ({ key: t.key, name: t.name, ratioPercent: Number(t.ratio.replace(',', '.')) }));
  const check = allocationCheck(ratios);
  const incomeCents = parseAmountToCents(income) ?? 0;
  const budgets = tankBudgets(incomeCents, ratios);

  const save = async () => {
    setErrors({}); setFormError(null);
    const cents = parseAmountToCents(income || '0');
    if (cents === null || cents < 0) { setErrors({ monthlyIncomeCents: 'Type the income as an amount, e.g. 2500 or 2500,00.' }); return; }
    if (check.status === 'over') { setFormError(`The ratios add up to ${check.totalPercent} %; bring them down to 100 % or less.`); return; }
    setBusy(true);
    try {
      await api.saveSettings({ monthlyIncomeCents: cents, fuelCategoryId: settings.fuelCategoryId, tanks: ratios.map((t) => ({ key: t.key, name: t.name, ratioPercent: t.ratioPercent })) });
      onChanged('Settings saved.');
    } catch (e) {
      if (e instanceof ApiError) { const s = splitFieldErrors(e, ['monthlyIncomeCents', ...ratios.map((_, i) => `tanks[${i}].ratioPercent`)]); setErrors(s.fields); setFormError(s.formMessage); }
      else setFormError('Could not save.');
    } finally { setBusy(false); }
  };

  return (
    <Card title="Budget" data-panel="budget">
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <TextField label={`Monthly income (${settings.currency})`} name="monthlyIncome" inputMode="decimal" value={income} onChange={(e) => setIncome(e.target.value)} error={errors.monthlyIncomeCents}
          hint="Used for months that open from now on; a month keeps the income it opened with." />
        <fieldset className="tanks">
          <legend>Tanks (share of the income)</legend>
          {tanks.map((t, i) => (
            <div className="tank-row" key={t.key}>
              <TextField label={`${t.name} %`} name={`ratio-${t.key}`} inputMode="decimal" value={t.ratio} error={errors[`tanks[${i}].ratioPercent`]}
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
        {formError ? <Notice kind="error"><p>{formError}</p></Notice> : null}
        <Button type="submit" busy={busy} disabled={check.status === 'over'}>Save budget</Button>
      </form>
    </Card>
  );
}

function Categories({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const [name, setName] = useState('');
  const [tank, setTank] = useState(settings.tanks[0]?.key ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tankOptions = settings.tanks.map((t) => ({ value: t.key, label: t.name }));
  const add = async () => {
    if (!name.trim()) { setError('Name the category.'); return; }
    setBusy(true); setError(null);
    try { await api.addCategory(name.trim(), tank); setName(''); onChanged('Category added.'); } catch (e) { setError(message(e, 'Could not add it.')); } finally { setBusy(false); }
  };
  return (
    <Card title="Categories" data-panel="categories">
      {error ? <Notice kind="error"><p>{error}</p></Notice> : null}
      {settings.tanks.map((t) => (
        <div key={t.key}>
          <h3 className="subhead">{t.name}</h3>
          <ul className="list">
            {t.categories.map((c) => <CategoryRow key={c.id} api={api} c={c} settings={settings} tankOptions={tankOptions} onChanged={onChanged} onError={setError} />)}
          </ul>
        </div>
      ))}
      <form className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <TextField label="New category" name="categoryName" value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField label="Tank" name="categoryTank" value={tank} onChange={(e) => setTank(e.target.value)} options={tankOptions} />
        <Button type="submit" busy={busy}>Add category</Button>
      </form>
    </Card>
  );
}

function CategoryRow({ api, c, settings, tankOptions, onChanged, onError }: {
  api: ExpensesApi; c: Category; settings: Settings; tankOptions: { value: string; label: string }[]; onChanged: (m?: string) => void; onError: (m: string | null) => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [name, setName] = useState(c.name);
  const [tank, setTank] = useState(c.tankKey);
  const [reassign, setReassign] = useState('');
  const save = async () => {
    try { await api.updateCategory(c.id, { name: name.trim(), tankKey: tank, sortOrder: n(c.sortOrder) }); setMode('view'); onChanged('Category saved.'); } catch (e) { onError(message(e, 'Could not save it.')); }
  };
  const remove = async () => {
    try { await api.deleteCategory(c.id, reassign || undefined); onChanged('Category deleted.'); } catch (e) { onError(message(e, 'Could not delete it.')); }
  };
  if (mode === 'edit') {
    return (
      <li className="edit-row">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField label="Tank" value={tank} onChange={(e) => setTank(e.target.value)} options={tankOptions} />
        <span className="btn-row"><Button onClick={() => void save()}>Save</Button><Button variant="secondary" onClick={() => setMode('view')}>Cancel</Button></span>
      </li>
    );
  }
  if (mode === 'delete') {
    return (
      <li className="edit-row">
        <SelectField label={`Move entries of "${c.name}" to`} value={reassign} onChange={(e) => setReassign(e.target.value)}
          options={categoryOptions(settings, { value: '', label: 'Nothing (only if unused)' }).filter((o) => o.value !== c.id)} />
        <span className="btn-row"><Button variant="danger" onClick={() => void remove()}>Delete</Button><Button variant="secondary" onClick={() => setMode('view')}>Cancel</Button></span>
      </li>
    );
  }
  return (
    <li>
      <span className="grow title">{c.name}</span>
      <Button variant="ghost" onClick={() => setMode('edit')} aria-label={`Rename or move ${c.name}`}>Edit</Button>
      <Button variant="ghost" onClick={() => setMode('delete')} aria-label={`Delete ${c.name}`}>✕</Button>
    </li>
  );
}

function Checklist({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const [version, setVersion] = useState(0);
  const list = useAsync((s) => api.checklist(s), [api, version]);
  const [edit, setEdit] = useState<ChecklistTemplate | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (m: string) => { setEdit(null); setVersion((v) => v + 1); onChanged(m); };
  return (
    <Card title="Checklist (bills to tick each month)" data-panel="checklist">
      {error ? <Notice kind="error"><p>{error}</p></Notice> : null}
      <ul className="list">
        {(list.data ?? []).map((t) => edit !== 'new' && edit?.id === t.id
          ? <li key={t.id} className="edit-row"><ChecklistForm api={api} settings={settings} t={t} onDone={done} onCancel={() => setEdit(null)} /></li>
          : (
            <li key={t.id}>
              <span className="grow"><span className="title">{t.title}</span><span className="sub">{f.money(n(t.amountCents) / 100)}{t.dueDay ? ` · day ${n(t.dueDay)}` : ''}{t.active ? '' : ' · paused'}</span></span>
              <Button variant="ghost" onClick={() => setEdit(t)} aria-label={`Edit ${t.title}`}>Edit</Button>
              <Button variant="ghost" aria-label={`Delete ${t.title}`} onClick={async () => { try { await api.deleteChecklist(t.id); done('Removed from the checklist.'); } catch (e) { setError(message(e, 'Could not delete it.')); } }}>✕</Button>
            </li>
          ))}
      </ul>
      {list.status === 'ready' && (list.data ?? []).length === 0 ? <p className="muted">No bills yet.</p> : null}
      {edit === 'new' ? <ChecklistForm api={api} settings={settings} onDone={done} onCancel={() => setEdit(null)} /> : <Button variant="secondary" onClick={() => setEdit('new')}>+ Add a bill</Button>}
    </Card>
  );
}

function ChecklistForm({ api, settings, t, onDone, onCancel }: { api: ExpensesApi; settings: Settings; t?: ChecklistTemplate; onDone: (m: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(t?.title ?? '');
  const [amount, setAmount] = useState(centsText(t?.amountCents));
  const [categoryId, setCategoryId] = useState(t?.categoryId ?? '');
  const [dueDay, setDueDay] = useState(t?.dueDay ? String(n(t.dueDay)) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = async () => {
    const cents = parseAmountToCents(amount);
    if (cents === null) { setErrors({ amountCents: 'Type the amount.' }); return; }
    const body = { title: title.trim(), amountCents: cents, categoryId: categoryId || null, dueDay: dueDay ? Number(dueDay) : null, active: t?.active ?? true, sortOrder: t ? n(t.sortOrder) : null };
    try { if (t) await api.updateChecklist(t.id, body); else await api.addChecklist(body); onDone(t ? 'Bill saved.' : 'Bill added.'); }
    catch (e) { if (e instanceof ApiError) { const s = splitFieldErrors(e, ['title', 'amountCents', 'categoryId', 'dueDay']); setErrors(s.fields); setFormError(s.formMessage); } else setFormError('Could not save.'); }
  };
  return (
    <form className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <TextField label="Bill" name="checklistTitle" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <TextField label="Amount" name="checklistAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={errors.amountCents} />
      <SelectField label="Category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} options={categoryOptions(settings, { value: '', label: 'No category' })} error={errors.categoryId} />
      <TextField label="Due on day" name="checklistDueDay" inputMode="numeric" value={dueDay} onChange={(e) => setDueDay(e.target.value)} error={errors.dueDay} />
      {formError ? <Notice kind="error"><p>{formError}</p></Notice> : null}
      <span className="btn-row"><Button type="submit">{t ? 'Save' : 'Add bill'}</Button><Button variant="secondary" onClick={onCancel}>Cancel</Button></span>
    </form>
  );
}

function Recurring({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const [version, setVersion] = useState(0);
  const list = useAsync((s) => api.recurring(s), [api, version]);
  const [edit, setEdit] = useState<RecurringTemplate | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (m: string) => { setEdit(null); setVersion((v) => v + 1); onChanged(m); };
  return (
    <Card title="Recurring entries" data-panel="recurring">
      {error ? <Notice kind="error"><p>{error}</p></Notice> : null}
      <ul className="list">
        {(list.data ?? []).map((t) => edit !== 'new' && edit?.id === t.id
          ? <li key={t.id} className="edit-row"><RecurringForm api={api} settings={settings} t={t} onDone={done} onCancel={() => setEdit(null)} /></li>
          : (
            <li key={t.id}>
              <span className="grow"><span className="title">{t.title}</span><span className="sub">{f.money(n(t.amountCents) / 100)} · {t.frequency} · next {f.date(t.nextDue + 'T12:00:00Z')}</span></span>
              <Button variant="ghost" onClick={() => setEdit(t)} aria-label={`Edit ${t.title}`}>Edit</Button>
              <Button variant="ghost" aria-label={`Delete ${t.title}`} onClick={async () => { try { await api.deleteRecurring(t.id); done('Recurring entry removed.'); } catch (e) { setError(message(e, 'Could not delete it.')); } }}>✕</Button>
            </li>
          ))}
      </ul>
      {list.status === 'ready' && (list.data ?? []).length === 0 ? <p className="muted">Nothing recurring yet (subscriptions, standing orders).</p> : null}
      {edit === 'new' ? <RecurringForm api={api} settings={settings} onDone={done} onCancel={() => setEdit(null)} /> : <Button variant="secondary" onClick={() => setEdit('new')}>+ Add recurring</Button>}
    </Card>
  );
}

function RecurringForm({ api, settings, t, onDone, onCancel }: { api: ExpensesApi; settings: Settings; t?: RecurringTemplate; onDone: (m: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(t?.title ?? '');
  const [amount, setAmount] = useState(centsText(t?.amountCents));
  const [categoryId, setCategoryId] = useState(t?.categoryId ?? '');
  const [frequency, setFrequency] = useState(t?.frequency ?? 'monthly');
  const [day, setDay] = useState(t ? String(n(t.day)) : '1');
  const [monthOfYear, setMonthOfYear] = useState(t?.monthOfYear ? String(n(t.monthOfYear)) : '');
  const [startDate, setStartDate] = useState(t?.startDate ?? new Date().toISOString().slice(0, 10));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = async () => {
    const cents = parseAmountToCents(amount);
    if (cents === null) { setErrors({ amountCents: 'Type the amount.' }); return; }
    const body = { title: title.trim(), amountCents: cents, categoryId: categoryId || null, note: t?.note ?? null, tags: t?.tags ?? [], frequency, day: Number(day), monthOfYear: frequency === 'yearly' && monthOfYear ? Number(monthOfYear) : null, startDate, endDate: t?.endDate ?? null, active: t?.active ?? true };
    try { if (t) await api.updateRecurring(t.id, body); else await api.addRecurring(body); onDone(t ? 'Recurring entry saved.' : 'Recurring entry added.'); }
    catch (e) { if (e instanceof ApiError) { const s = splitFieldErrors(e, ['title', 'amountCents', 'categoryId', 'frequency', 'day', 'monthOfYear', 'startDate']); setErrors(s.fields); setFormError(s.formMessage); } else setFormError('Could not save.'); }
  };
  return (
    <form className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <TextField label="What" name="recurringTitle" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <TextField label="Amount" name="recurringAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={errors.amountCents} />
      <SelectField label="Category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} options={categoryOptions(settings, { value: '', label: 'No category' })} error={errors.categoryId} />
      <SelectField label="How often" value={frequency} onChange={(e) => setFrequency(e.target.value)} error={errors.frequency}
        options={[{ value: 'monthly', label: 'Monthly' }, { value: 'weekly', label: 'Weekly' }, { value: 'yearly', label: 'Yearly' }]} />
      <TextField label={frequency === 'weekly' ? 'Weekday (1 = Monday)' : 'Day of the month'} inputMode="numeric" value={day} onChange={(e) => setDay(e.target.value)} error={errors.day} />
      {frequency === 'yearly' ? <TextField label="Month (1–12)" inputMode="numeric" value={monthOfYear} onChange={(e) => setMonthOfYear(e.target.value)} error={errors.monthOfYear} /> : null}
      <TextField label="Starting" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} error={errors.startDate} />
      {formError ? <Notice kind="error"><p>{formError}</p></Notice> : null}
      <span className="btn-row"><Button type="submit">{t ? 'Save' : 'Add'}</Button><Button variant="secondary" onClick={onCancel}>Cancel</Button></span>
    </form>
  );
}

function Rules({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const [version, setVersion] = useState(0);
  const list = useAsync((s) => api.rules(s), [api, version]);
  const [field, setField] = useState('any');
  const [match, setMatch] = useState('contains');
  const [pattern, setPattern] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const names = new Map(settings.tanks.flatMap((t) => t.categories.map((c) => [c.id, c.name] as const)));
  const options = categoryOptions(settings, { value: '', label: 'Choose a category' });
  const add = async () => {
    setErrors({}); setFormError(null); setResult(null);
    const local: Record<string, string> = {};
    if (!pattern.trim()) local.pattern = 'What should the payee or memo contain?';
    if (!categoryId) local.categoryId = 'Choose the category.';
    if (Object.keys(local).length) { setErrors(local); return; }
    try { await api.addRule({ field, match, pattern: pattern.trim(), categoryId, priority: null }); setPattern(''); setVersion((v) => v + 1); }
    catch (e) { if (e instanceof ApiError) { const s = splitFieldErrors(e, ['field', 'match', 'pattern', 'categoryId']); setErrors(s.fields); setFormError(s.formMessage); } else setFormError('Could not add the rule.'); }
  };
  const apply = async () => {
    setResult(null); setFormError(null);
    try { const r = await api.applyRules({ onlyUncategorised: true, month: null }); setResult(`${n(r.updated)} of ${n(r.examined)} entries without a category got one.`); onChanged(); }
    catch (e) { setFormError(message(e, 'Could not apply the rules.')); }
  };
  return (
    <Card title="Categorisation rules" data-panel="rules">
      <p className="muted">Imports (and “Apply now”) give an entry the category of the first rule that matches its payee or memo.</p>
      <ul className="list">
        {(list.data ?? []).map((r) => (
          <li key={r.id} data-rule={r.pattern}>
            <span className="grow"><span className="title">{r.field === 'any' ? 'payee or memo' : r.field} {r.match === 'regex' ? 'matches' : 'contains'} “{r.pattern}”</span><span className="sub">→ {names.get(r.categoryId) ?? 'a removed category'}</span></span>
            <Button variant="ghost" aria-label={`Delete the rule ${r.pattern}`} onClick={async () => { try { await api.deleteRule(r.id); setVersion((v) => v + 1); } catch (e) { setFormError(message(e, 'Could not delete it.')); } }}>✕</Button>
          </li>
        ))}
      </ul>
      <form className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <div className="two">
          <SelectField label="When" name="ruleField" value={field} onChange={(e) => setField(e.target.value)} error={errors.field}
            options={[{ value: 'any', label: 'Payee or memo' }, { value: 'payee', label: 'Payee' }, { value: 'memo', label: 'Memo' }]} />
          <SelectField label="Match" name="ruleMatch" value={match} onChange={(e) => setMatch(e.target.value)} error={errors.match}
            options={[{ value: 'contains', label: 'contains' }, { value: 'regex', label: 'matches (regex)' }]} />
        </div>
        <TextField label="Text" name="rulePattern" value={pattern} onChange={(e) => setPattern(e.target.value)} error={errors.pattern} />
        <SelectField label="Category" name="ruleCategory" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} options={options} error={errors.categoryId} />
        {formError ? <Notice kind="error"><p>{formError}</p></Notice> : null}
        {result ? <Notice kind="success"><p>{result}</p></Notice> : null}
        <span className="btn-row"><Button type="submit">Add rule</Button><Button variant="secondary" onClick={() => void apply()}>Apply now to entries without a category</Button></span>
      </form>
    </Card>
  );
}
