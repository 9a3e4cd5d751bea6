import { useState } from 'react';
import { ApiError } from '@trackstack/api';
import { Button, Card, Notice, SelectField, Skeleton, TextField, useAsync, useFormat } from '@trackstack/ui';
import { n, type Entry, type ExpensesApi, type Settings } from './api';
import { EntryForm, categoryOptions } from './EntryForm';
import type { EntryFilters } from './logic';

const PAGE_SIZE = 20;

/** Entries with filters (month, tank, category, tag, text) and paging; edit and delete. */
export function EntriesPanel({ api, settings, month, version, onChanged, timeZone }: {
  api: ExpensesApi; settings: Settings | null; month: string; version: number; onChanged: (m?: string) => void; timeZone: string;
}) {
  const f = useFormat();
  const [filters, setFilters] = useState<EntryFilters>({ month, page: 1, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Entry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const state = useAsync((signal) => api.entries(filters, signal), [api, JSON.stringify(filters), version]);
  const set = (patch: Partial<EntryFilters>) => setFilters((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const page = state.data;
  const total = page ? n(page.total) : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const remove = async (e: Entry) => {
    if (!confirm(`Delete "${e.title}" (${f.money(n(e.amountCents) / 100)})?`)) return;
    setError(null);
    try { await api.deleteEntry(e.id); onChanged('Entry deleted.'); }
    catch (x) { setError(x instanceof ApiError ? x.message : 'Could not delete it.'); }
  };

  if (editing) {
    return (
      <Card title="Edit entry" data-panel="edit">
        <EntryForm api={api} settings={settings} entry={editing} recent={[]} timeZone={timeZone}
          onDone={() => { setEditing(null); onChanged('Entry saved.'); }} onCancel={() => setEditing(null)} />
      </Card>
    );
  }

  return (
    <>
      <Card title="Filter">
        <div className="two">
          <TextField label="Search" name="q" type="search" value={filters.q ?? ''} onChange={(e) => set({ q: e.target.value })} />
          <TextField label="Month" name="filterMonth" type="month" value={filters.month ?? ''} onChange={(e) => set({ month: e.target.value })} />
        </div>
        <details className="more" open={!!(filters.tank || filters.categoryId || filters.tag) || undefined}>
        <summary>More filters{[filters.tank, filters.categoryId, filters.tag].filter(Boolean).length ? ` (${[filters.tank, filters.categoryId, filters.tag].filter(Boolean).length})` : ''}</summary>
        <div className="filters">
          <SelectField label="Tank" name="filterTank" value={filters.tank ?? ''} onChange={(e) => set({ tank: e.target.value })}
            options={[{ value: '', label: 'All tanks' }, ...(settings?.tanks ?? []).map((t) => ({ value: t.key, label: t.name }))]} />
          <SelectField label="Category" name="filterCategory" value={filters.categoryId ?? ''} onChange={(e) => set({ categoryId: e.target.value })}
            options={[...categoryOptions(settings, { value: '', label: 'All categories' }), { value: 'none', label: 'No category' }]} />
          <TextField label="Tag" name="filterTag" value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value })} />
        </div>
        </details>
      </Card>
      <Card title={page ? `${total} ${total === 1 ? 'entry' : 'entries'} · ${f.money(n(page.totalCents) / 100)}` : 'Entries'} busy={state.status === 'loading'} data-panel="entries">
        {error ? <Notice kind="error"><p>{error}</p></Notice> : null}
        {state.status === 'error' ? <Notice kind="error"><p>{state.error instanceof ApiError ? state.error.message : 'Could not load the entries.'}</p></Notice> : null}
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
                <span className={['num', n(e.amountCents) < 0 ? 'text-green' : ''].join(' ')}>{f.money(n(e.amountCents) / 100)}</span>
                <span className="row-actions">
                  <Button variant="ghost" onClick={() => setEditing(e)} aria-label={`Edit ${e.title}`}>Edit</Button>
                  <Button variant="ghost" onClick={() => void remove(e)} aria-label={`Delete ${e.title}`}>✕</Button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav className="pager" aria-label="Pages">
            <Button variant="secondary" disabled={(filters.page ?? 1) <= 1} onClick={() => set({ page: (filters.page ?? 1) - 1 })}>‹ Newer</Button>
            <span>Page {filters.page ?? 1} of {pages}</span>
            <Button variant="secondary" disabled={(filters.page ?? 1) >= pages} onClick={() => set({ page: (filters.page ?? 1) + 1 })}>Older ›</Button>
          </nav>
        ) : null}
      </Card>
    </>
  );
}
