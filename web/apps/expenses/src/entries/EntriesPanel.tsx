import { useState } from 'react';
import { errorMessage } from '@trackstack/api';
import { Button, Card, Notice, Skeleton, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { Entry, ExpensesApi, Settings } from '../api';
import type { EntryFilters } from '../logic';
import { EntryFilterCard } from './EntryFilterCard';
import { EntryForm } from './EntryForm';

const PAGE_SIZE = 20;

/** The entries tab: filters (month, tank, category, tag, text), 20 a page, edit and delete. */
export function EntriesPanel({ api, settings, month, version, onChanged }: {
  api: ExpensesApi; settings: Settings | null; month: string; version: number; onChanged: (m?: string) => void;
}) {
  const f = useFormat();
  const [filters, setFilters] = useState<EntryFilters>({ month, page: 1, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Entry | null>(null);
  const remove = useSubmit([], { fallback: 'Could not delete it.' });
  const state = useAsync((signal) => api.entries(filters, signal), [api, JSON.stringify(filters), version]);
  // Any filter change goes back to the first page.
  const set = (patch: Partial<EntryFilters>) => setFilters((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const page = state.data;
  const total = page?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = filters.page ?? 1;

  const confirmDelete = (e: Entry) => {
    if (!confirm(`Delete "${e.title}" (${f.money(e.amountCents / 100)})?`)) return;
    void remove.run(async () => { await api.deleteEntry(e.id); onChanged('Entry deleted.'); }, e.id);
  };

  if (editing) {
    return (
      <Card title="Edit entry" data-panel="edit">
        <EntryForm api={api} settings={settings} entry={editing} recent={[]}
          onDone={() => { setEditing(null); onChanged('Entry saved.'); }} onCancel={() => setEditing(null)} />
      </Card>
    );
  }

  return (
    <>
      <EntryFilterCard settings={settings} filters={filters} set={set} />
      <Card title={page ? `${total} ${total === 1 ? 'entry' : 'entries'} · ${f.money(page.totalCents / 100)}` : 'Entries'} busy={state.status === 'loading'} data-panel="entries">
        {remove.formError ? <Notice kind="error"><p>{remove.formError}</p></Notice> : null}
        {state.status === 'error' ? <Notice kind="error"><p>{errorMessage(state.error, 'Could not load the entries.')}</p></Notice> : null}
        {!page ? (
          <ul className="list">{[0, 1, 2, 3].map((i) => <li key={i}><span className="grow"><Skeleton width="50%" /><br /><Skeleton width="30%" /></span><Skeleton width="4rem" /></li>)}</ul>
        ) : page.items.length === 0 ? <p className="muted">No entries match.</p> : (
          <ul className="list">
            {page.items.map((e) => (
              <li key={e.id} data-entry={e.title}>
                <span className="grow">
                  <span className="title">{e.title}</span>
                  <span className="sub">{f.date(e.date + 'T12:00:00Z', 'medium')}{e.categoryName ? ` · ${e.categoryName}` : ''}{e.tags.length ? ` · ${e.tags.map((t) => `#${t}`).join(' ')}` : ''}{e.kind !== 'manual' ? ` · ${e.kind}` : ''}</span>
                </span>
                <span className={['num', e.amountCents < 0 ? 'text-green' : ''].join(' ')}>{f.money(e.amountCents / 100)}</span>
                <span className="row-actions">
                  <Button variant="ghost" onClick={() => setEditing(e)} aria-label={`Edit ${e.title}`}>Edit</Button>
                  <Button variant="ghost" busy={remove.busyWith === e.id} onClick={() => confirmDelete(e)} aria-label={`Delete ${e.title}`}>✕</Button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav className="pager" aria-label="Pages">
            <Button variant="secondary" disabled={current <= 1} onClick={() => set({ page: current - 1 })}>‹ Newer</Button>
            <span>Page {current} of {pages}</span>
            <Button variant="secondary" disabled={current >= pages} onClick={() => set({ page: current + 1 })}>Older ›</Button>
          </nav>
        ) : null}
      </Card>
    </>
  );
}
