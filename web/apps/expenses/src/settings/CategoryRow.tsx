import { useState } from 'react';
import { Button, SelectField, TextField, type Submit } from '@trackstack/ui';
import type { Category, ExpensesApi, Settings } from '../api';
import { categoryOptions } from '../logic';
import { t } from '../strings';

/** One category: its name, or an editor (rename, move to another tank), or the delete step (move its entries first). */
export function CategoryRow({ api, c, settings, tankOptions, run, onChanged }: {
  api: ExpensesApi; c: Category; settings: Settings; tankOptions: { value: string; label: string }[]; run: Submit['run']; onChanged: (m?: string) => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [name, setName] = useState(c.name);
  const [tank, setTank] = useState(c.tankKey);
  const [reassign, setReassign] = useState('');
  const save = () => run(async () => {
    await api.updateCategory(c.id, { name: name.trim(), tankKey: tank, sortOrder: c.sortOrder });
    setMode('view');
    onChanged(t.categoryRow.categorySaved);
  });
  const remove = () => run(async () => {
    await api.deleteCategory(c.id, reassign || undefined);
    onChanged(t.categoryRow.categoryDeleted);
  });
  if (mode === 'edit') {
    return (
      <li className="edit-row">
        <TextField label={t.categoryRow.name} value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField label={t.categoryRow.tank} value={tank} onChange={(e) => setTank(e.target.value)} options={tankOptions} />
        <span className="btn-row"><Button onClick={() => void save()}>{t.categoryRow.save}</Button><Button variant="secondary" onClick={() => setMode('view')}>{t.categoryRow.cancel}</Button></span>
      </li>
    );
  }
  if (mode === 'delete') {
    return (
      <li className="edit-row">
        <SelectField label={t.categoryRow.moveEntries(c.name)} value={reassign} onChange={(e) => setReassign(e.target.value)}
          options={categoryOptions(settings, { value: '', label: t.categoryRow.nothingOnlyIf }).filter((o) => o.value !== c.id)} />
        <span className="btn-row"><Button variant="danger" onClick={() => void remove()}>{t.categoryRow.delete}</Button><Button variant="secondary" onClick={() => setMode('view')}>{t.categoryRow.cancel}</Button></span>
      </li>
    );
  }
  return (
    <li>
      <span className="grow title">{c.name}</span>
      <Button variant="ghost" onClick={() => setMode('edit')} aria-label={t.categoryRow.editRenameMove(c.name)}>{t.categoryRow.edit}</Button>
      <Button variant="ghost" onClick={() => setMode('delete')} aria-label={t.categoryRow.deleteName(c.name)}>✕</Button>
    </li>
  );
}
