import { useState, type ReactNode } from 'react';
import { Button, Card, Notice, useAsync, useSubmit } from '@trackstack/ui';
import { t as strings } from '../strings';

/** How a template's form reports back: saved (with what to say), or cancelled. */
export interface TemplateFormProps<T> { template?: T; onDone: (message: string) => void; onCancel: () => void }

/** A settings list of templates (monthly bills, recurring entries): each row edits in place or is deleted, and one is added below. */
export function TemplateListCard<T extends { id: string; title: string }>({ title, panel, load, describe, remove, removed, empty, addLabel, form, onChanged }: {
  title: string;
  panel: string;
  /** Keep it stable (a method of the memoised API): the list reloads when it changes. */
  load: (signal: AbortSignal) => Promise<{ items: T[] }>;
  describe: (template: T) => ReactNode;
  remove: (id: string) => Promise<unknown>;
  removed: string;
  empty: string;
  addLabel: string;
  /** The add or edit form (a render function, so an open form keeps what was typed when the card re-renders). */
  form: (props: TemplateFormProps<T>) => ReactNode;
  onChanged: (m?: string) => void;
}) {
  const [version, setVersion] = useState(0);
  const list = useAsync(load, [load, version]);
  const [edit, setEdit] = useState<T | 'new' | null>(null);
  const s = useSubmit([], { fallback: strings.templateListCard.couldNotDelete });
  const done = (message: string) => { setEdit(null); setVersion((v) => v + 1); onChanged(message); };
  const cancel = () => setEdit(null);
  const items = list.data?.items ?? [];
  return (
    <Card title={title} data-panel={panel}>
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <ul className="list">
        {items.map((t) => edit !== 'new' && edit?.id === t.id
          ? <li key={t.id} className="edit-row">{form({ template: t, onDone: done, onCancel: cancel })}</li>
          : (
            <li key={t.id}>
              <span className="grow"><span className="title">{t.title}</span><span className="sub">{describe(t)}</span></span>
              <Button variant="ghost" onClick={() => setEdit(t)} aria-label={strings.templateListCard.editTitle(t.title)}>{strings.templateListCard.edit}</Button>
              <Button variant="ghost" aria-label={strings.templateListCard.delete(t.title)} busy={s.busyWith === t.id}
                onClick={() => void s.run(async () => { await remove(t.id); done(removed); }, t.id)}>✕</Button>
            </li>
          ))}
      </ul>
      {list.status === 'ready' && items.length === 0 ? <p className="muted">{empty}</p> : null}
      {edit === 'new' ? form({ onDone: done, onCancel: cancel }) : <Button variant="secondary" onClick={() => setEdit('new')}>{addLabel}</Button>}
    </Card>
  );
}
