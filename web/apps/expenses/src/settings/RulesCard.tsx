import { useState } from 'react';
import { Button, Card, Notice, SelectField, TextField, useAsync, useSubmit } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { categoryNames, categoryOptions } from '../logic';

/** Categorisation rules: the first that matches an imported line's payee or memo gives it a category. */
export function RulesCard({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const [version, setVersion] = useState(0);
  const list = useAsync((signal) => api.rules(signal), [api, version]);
  const [field, setField] = useState('any');
  const [match, setMatch] = useState('contains');
  const [pattern, setPattern] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const s = useSubmit(['field', 'match', 'pattern', 'categoryId'], { fallback: 'Could not add the rule.' });
  const names = categoryNames(settings);
  const add = s.onSubmit(async () => {
    setResult(null);
    const local: Record<string, string> = {};
    if (!pattern.trim()) local.pattern = 'What should the payee or memo contain?';
    if (!categoryId) local.categoryId = 'Choose the category.';
    if (Object.keys(local).length) return s.invalid(local);
    await api.addRule({ field, match, pattern: pattern.trim(), categoryId, priority: null });
    setPattern('');
    setVersion((v) => v + 1);
  });
  const apply = () => s.run(async () => {
    setResult(null);
    const r = await api.applyRules({ onlyUncategorised: true, month: null });
    setResult(`${r.updated} of ${r.examined} entries without a category got one.`);
    onChanged();
  }, 'apply');
  const remove = (id: string) => s.run(async () => { await api.deleteRule(id); setVersion((v) => v + 1); }, id);
  return (
    <Card title="Categorisation rules" data-panel="rules">
      <p className="muted">Imports (and “Apply now”) give an entry the category of the first rule that matches its payee or memo.</p>
      <ul className="list">
        {(list.data?.items ?? []).map((r) => (
          <li key={r.id} data-rule={r.pattern}>
            <span className="grow"><span className="title">{r.field === 'any' ? 'payee or memo' : r.field} {r.match === 'regex' ? 'matches' : 'contains'} “{r.pattern}”</span><span className="sub">→ {names.get(r.categoryId) ?? 'a removed category'}</span></span>
            <Button variant="ghost" aria-label={`Delete the rule ${r.pattern}`} busy={s.busyWith === r.id} onClick={() => void remove(r.id)}>✕</Button>
          </li>
        ))}
      </ul>
      <form ref={s.formRef} className="inline-form" noValidate onSubmit={add}>
        <div className="two">
          <SelectField label="When" name="ruleField" value={field} onChange={(e) => setField(e.target.value)} error={s.fieldErrors.field}
            options={[{ value: 'any', label: 'Payee or memo' }, { value: 'payee', label: 'Payee' }, { value: 'memo', label: 'Memo' }]} />
          <SelectField label="Match" name="ruleMatch" value={match} onChange={(e) => setMatch(e.target.value)} error={s.fieldErrors.match}
            options={[{ value: 'contains', label: 'contains' }, { value: 'regex', label: 'matches (regex)' }]} />
        </div>
        <TextField label="Text" name="rulePattern" value={pattern} onChange={(e) => setPattern(e.target.value)} error={s.fieldErrors.pattern} />
        <SelectField label="Category" name="ruleCategory" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} options={categoryOptions(settings, { value: '', label: 'Choose a category' })} error={s.fieldErrors.categoryId} />
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {result ? <Notice kind="success"><p>{result}</p></Notice> : null}
        <span className="btn-row"><Button type="submit" busy={s.busyWith === 'submit'}>Add rule</Button><Button variant="secondary" busy={s.busyWith === 'apply'} onClick={() => void apply()}>Apply now to entries without a category</Button></span>
      </form>
    </Card>
  );
}
