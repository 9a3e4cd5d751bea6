import { useState } from 'react';
import { Button, SelectField, TextField, type Submit } from '@trackstack/ui';
import type { Category, ExpensesApi, Settings } from '../api';
import { categoryOptions } from '../logic';

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
    onChanged('Category saved.');
  });
  const remove = () => run(async () => {
    await api.deleteCategory(c.id, reassign || undefined);
    onChanged('Category deleted.');
  });
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
      <Button variant="ghost" onClick={() => setMode('edit')} aria-label={`Edit ${c.name}: rename or move`}>Edit</Button>
      <Button variant="ghost" onClick={() => setMode('delete')} aria-label={`Delete ${c.name}`}>✕</Button>
    </li>
  );
}
