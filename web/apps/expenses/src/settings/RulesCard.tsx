import { useState } from 'react';
import { Button, Card, Notice, SelectField, TextField, useAsync, useSubmit } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { categoryNames, categoryOptions } from '../logic';
import { t } from '../strings';

/** Categorisation rules: the first that matches an imported line's payee or memo gives it a category. */
export function RulesCard({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const [version, setVersion] = useState(0);
  const list = useAsync((signal) => api.rules(signal), [api, version]);
  const [field, setField] = useState('any');
  const [match, setMatch] = useState('contains');
  const [pattern, setPattern] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const s = useSubmit(['field', 'match', 'pattern', 'categoryId'], { fallback: t.rulesCard.couldNotAdd });
  const names = categoryNames(settings);
  const add = s.onSubmit(async () => {
    setResult(null);
    const local: Record<string, string> = {};
    if (!pattern.trim()) local.pattern = t.rulesCard.whatShouldPayee;
    if (!categoryId) local.categoryId = t.rulesCard.chooseCategory;
    if (Object.keys(local).length) return s.invalid(local);
    await api.addRule({ field, match, pattern: pattern.trim(), categoryId, priority: null });
    setPattern('');
    setVersion((v) => v + 1);
  });
  const apply = () => s.run(async () => {
    setResult(null);
    const r = await api.applyRules({ onlyUncategorised: true, month: null });
    setResult(t.rulesCard.entriesWithoutCategory(r.updated, r.examined));
    onChanged();
  }, 'apply');
  const remove = (id: string) => s.run(async () => { await api.deleteRule(id); setVersion((v) => v + 1); }, id);
  return (
    <Card title={t.rulesCard.categorisationRules} data-panel="rules">
      <p className="muted">{t.rulesCard.importsApplyNow}</p>
      <ul className="list">
        {(list.data?.items ?? []).map((r) => (
          <li key={r.id} data-rule={r.pattern}>
            <span className="grow"><span className="title">{r.field === 'any' ? t.rulesCard.payeeMemo : r.field} {r.match === 'regex' ? t.rulesCard.matches : t.rulesCard.contains} “{r.pattern}”</span><span className="sub">→ {names.get(r.categoryId) ?? t.rulesCard.removedCategory}</span></span>
            <Button variant="ghost" aria-label={t.rulesCard.deleteRule(r.pattern)} busy={s.busyWith === r.id} onClick={() => void remove(r.id)}>✕</Button>
          </li>
        ))}
      </ul>
      <form ref={s.formRef} className="inline-form" noValidate onSubmit={add}>
        <div className="two">
          <SelectField label={t.rulesCard.when} name="ruleField" value={field} onChange={(e) => setField(e.target.value)} error={s.fieldErrors.field}
            options={[{ value: 'any', label: t.rulesCard.payeeMemo2 }, { value: 'payee', label: t.rulesCard.payee }, { value: 'memo', label: t.rulesCard.memo }]} />
          <SelectField label={t.rulesCard.match} name="ruleMatch" value={match} onChange={(e) => setMatch(e.target.value)} error={s.fieldErrors.match}
            options={[{ value: 'contains', label: t.rulesCard.contains }, { value: 'regex', label: t.rulesCard.matchesRegex }]} />
        </div>
        <TextField label={t.rulesCard.text} name="rulePattern" value={pattern} onChange={(e) => setPattern(e.target.value)} error={s.fieldErrors.pattern} />
        <SelectField label={t.rulesCard.category} name="ruleCategory" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} options={categoryOptions(settings, { value: '', label: t.rulesCard.chooseCategory2 })} error={s.fieldErrors.categoryId} />
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {result ? <Notice kind="success"><p>{result}</p></Notice> : null}
        <span className="btn-row"><Button type="submit" busy={s.busyWith === 'submit'}>{t.rulesCard.addRule}</Button><Button variant="secondary" busy={s.busyWith === 'apply'} onClick={() => void apply()}>{t.rulesCard.applyNowEntries}</Button></span>
      </form>
    </Card>
  );
}
