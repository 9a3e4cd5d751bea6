import { useState } from 'react';
import { Button, Card, Notice, ReadOnlyFields, SelectField, TextField, useSubmit } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { CategoryRow } from './CategoryRow';
import { t as strings } from '../strings';

/** Categories grouped by tank: rename, move or delete each; add one to a tank. */
export function CategoriesCard({ api, settings, onChanged, readOnly = false }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void; readOnly?: boolean }) {
  const [name, setName] = useState('');
  const [tank, setTank] = useState(settings.tanks[0]?.key ?? '');
  const add = useSubmit(['name', 'tankKey'], { fallback: strings.categoriesCard.couldNotAdd });
  // One message for what the rows do (rename, move, delete), above the list.
  const rows = useSubmit([], { fallback: strings.categoriesCard.couldNotChange });
  const tankOptions = settings.tanks.map((t) => ({ value: t.key, label: t.name }));
  const submit = add.onSubmit(async () => {
    if (!name.trim()) return add.invalid({ name: strings.categoriesCard.nameCategory });
    await api.addCategory(name.trim(), tank);
    setName('');
    onChanged(strings.categoriesCard.categoryAdded);
  });
  return (
    <Card title={strings.categoriesCard.categories} data-panel="categories">
      <ReadOnlyFields readOnly={readOnly}>
      {rows.formError ? <Notice kind="error"><p>{rows.formError}</p></Notice> : null}
      {settings.tanks.map((t) => (
        <div key={t.key}>
          <h3 className="subhead">{t.name}</h3>
          <ul className="list">
            {t.categories.map((c) => <CategoryRow key={c.id} api={api} c={c} settings={settings} tankOptions={tankOptions} run={rows.run} onChanged={onChanged} />)}
          </ul>
        </div>
      ))}
      {readOnly ? null : <form ref={add.formRef} className="inline-form" noValidate onSubmit={submit}>
        <TextField label={strings.categoriesCard.newCategory} name="categoryName" value={name} onChange={(e) => setName(e.target.value)} error={add.fieldErrors.name} />
        <SelectField label={strings.categoriesCard.tank} name="categoryTank" value={tank} onChange={(e) => setTank(e.target.value)} options={tankOptions} error={add.fieldErrors.tankKey} />
        {add.formError ? <Notice kind="error"><p>{add.formError}</p></Notice> : null}
        <Button type="submit" busy={add.busy}>{strings.categoriesCard.addCategory}</Button>
      </form>}
      </ReadOnlyFields>
    </Card>
  );
}
