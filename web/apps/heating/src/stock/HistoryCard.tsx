import { useState, type ReactNode } from 'react';
import { Button, Card, Notice, useFormat, useSubmit, type AsyncState } from '@trackstack/ui';
import { t } from '../strings';

/** The latest purchases or refills: each row shows what it was, and edits in place or is deleted. */
export function HistoryCard<T extends { id: string; date: string }>({ title, kind, list, empty, describe, editor, remove, onChanged }: {
  title: string;
  kind: 'purchase' | 'refill';
  list: AsyncState<{ items: T[] }>;
  empty: string;
  /** The row's text: a title and a detail line, after the date. */
  describe: (item: T) => { title: string; detail?: string; amount?: string };
  editor: (item: T, close: () => void) => ReactNode;
  remove: (id: string) => Promise<unknown>;
  onChanged: (m?: string) => void;
}) {
  const f = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  const s = useSubmit([], { fallback: t.historyCard.couldNotDelete });
  const items = list.data?.items ?? [];
  const confirmDelete = (id: string) => {
    if (confirm(t.historyCard.delete(t.historyCard.kind[kind]))) void s.run(async () => { await remove(id); onChanged(kind === 'purchase' ? t.historyCard.purchaseDeleted : t.historyCard.refillDeleted); }, id);
  };
  return (
    <Card title={title} busy={list.status === 'loading'}>
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <ul className="list">
        {items.map((item) => {
          if (editing === item.id) return <li key={item.id} className="edit-row">{editor(item, () => setEditing(null))}</li>;
          const day = f.date(item.date + 'T12:00:00Z');
          const d = describe(item);
          return (
            <li key={item.id} {...{ [`data-${kind}`]: item.id }}>
              <span className="grow"><span className="title">{d.title}</span><span className="sub">{day}{d.detail ? ` · ${d.detail}` : ''}</span></span>
              {d.amount !== undefined ? <span className="num">{d.amount}</span> : null}
              <Button variant="ghost" aria-label={t.historyCard.editKind(t.historyCard.kind[kind], day)} onClick={() => setEditing(item.id)}>{t.historyCard.edit}</Button>
              <Button variant="ghost" aria-label={t.historyCard.deleteKind(t.historyCard.kind[kind], day)} busy={s.busyWith === item.id} onClick={() => confirmDelete(item.id)}>✕</Button>
            </li>
          );
        })}
      </ul>
      {list.status === 'ready' && !items.length ? <p className="muted">{empty}</p> : null}
    </Card>
  );
}
