import { useMemo, useState } from 'react';
import { errorMessage } from '@trackstack/api';
import { Button, Notice, TextField, useAsync } from '@trackstack/ui';
import type { TrainingApi } from '../api';
import { t } from '../strings';

/** A button that opens a search over the household's exercises (library and own, names and aliases); picking one
 * closes it. Used by gym mode, the routine editor and the import's name mapping. */
export function AddExercise({ api, onAdd, label = t.gymPanel.addExercise, ariaLabel }: { api: TrainingApi; onAdd: (e: { id: string; name: string }) => void; label?: string; ariaLabel?: string }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const list = useAsync((signal) => (open ? api.exercises(signal) : Promise.resolve(null)), [api, open]);
  const matches = useMemo(() => {
    const items = list.status === 'ready' && list.data ? list.data.items : [];
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return items.filter((e) => words.every((w) => e.name.toLowerCase().includes(w) || e.aliases.some((a) => a.toLowerCase().includes(w)))).slice(0, 8);
  }, [list, q]);
  if (!open) return <Button variant="secondary" aria-label={ariaLabel} onClick={() => setOpen(true)}>{label}</Button>;
  return (
    <div data-panel="add-exercise">
      <TextField label={t.gymPanel.findExercise} name="exerciseSearch" value={q} onChange={(e) => setQ(e.target.value)} autoFocus />
      {list.status === 'error' ? <Notice kind="error"><p>{errorMessage(list.error, t.gymPanel.couldNotLoadExercises)}</p></Notice> : null}
      <ul className="list">
        {matches.map((e) => (
          <li key={e.id}><Button variant="ghost" onClick={() => { onAdd({ id: e.id, name: e.name }); setOpen(false); setQ(''); }}>{e.name}</Button></li>
        ))}
      </ul>
    </div>
  );
}
