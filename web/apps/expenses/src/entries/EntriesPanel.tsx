import { useState } from 'react';
import { errorMessage } from '@trackstack/api';
import { Button, Card, Notice, Skeleton, Snackbar, countOf, units, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import type { Entry, ExpensesApi, Settings } from '../api';
import type { EntryFilters } from '../logic';
import { CategorySelect } from './CategorySelect';
import { EntriesTable } from './EntriesTable';
import { EntryFilterCard } from './EntryFilterCard';
import { EntryForm } from './EntryForm';
import { usePendingDelete } from './usePendingDelete';
import { t } from '../strings';
import { useWide } from './useWide';
import { t as strings } from '../strings';

const PAGE_SIZE = 20;
/** How long Undo is offered after a delete. */
export const UNDO_MS = 8000;

/** The entries tab: filters (month, tank, category, tag, text), 20 a page, edit and delete with undo. On a desktop
 * it is a table: sortable columns, the category changed in the row, and several rows re-categorised or deleted at once. */
export function EntriesPanel({ api, settings, month, version, onChanged }: {
  api: ExpensesApi; settings: Settings | null; month: string; version: number; onChanged: (m?: string, kind?: 'success' | 'error') => void;
}) {
  const f = useFormat();
  const wide = useWide();
  const [filters, setFilters] = useState<EntryFilters>({ month, page: 1, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Entry | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkCategory, setBulkCategory] = useState('');
  const action = useSubmit([], { fallback: strings.entriesPanel.couldNotChange });
  const state = useAsync((signal) => api.entries(filters, signal), [api, JSON.stringify(filters), version]);
  // The delete goes out when the undo time is over, possibly after this panel closed (another tab): a refusal is
  // said above the screen's tabs, where it is seen whichever tab is open, never dropped.
  const removal = usePendingDelete(async (ids) => {
    try {
      if (ids.length === 1) await api.deleteEntry(ids[0]);
      else await api.bulkEntries({ ids, action: 'delete', categoryId: null });
      onChanged();
    } catch (error) {
      onChanged(t.pendingDelete.failed(ids.length, errorMessage(error, t.pendingDelete.fallback)), 'error');
    }
  });
  // Any filter change goes back to the first page (and forgets the selection).
  const set = (patch: Partial<EntryFilters>) => { setSelected(new Set()); setFilters((x) => ({ ...x, ...patch, page: patch.page ?? 1 })); };
  const page = state.data;
  // Entries waiting for their undo time are gone already as far as the list and its totals go.
  const waiting = (page?.items ?? []).filter((e) => removal.hidden.has(e.id));
  const total = (page?.total ?? 0) - waiting.length;
  const totalCents = (page?.totalCents ?? 0) - waiting.reduce((sum, e) => sum + e.amountCents, 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = filters.page ?? 1;
  const items = (page?.items ?? []).filter((e) => !removal.hidden.has(e.id));
  const chosen = items.filter((e) => selected.has(e.id));

  const remove = (entries: Entry[]) => {
    setSelected(new Set());
    removal.start(entries.map((e) => e.id), entries.length === 1 ? strings.entriesPanel.deleted(entries[0].title, f.money(entries[0].amountCents / 100)) : strings.entriesPanel.deletedEntries(entries.length));
  };
  const recategorise = (entries: Entry[], categoryId: string, key: string) => action.run(async () => {
    // A refused change reloads the page, so the rows show the categories that are stored again.
    await api.bulkEntries({ ids: entries.map((e) => e.id), action: 'categorise', categoryId: categoryId || null })
      .catch((e: unknown) => { state.reload(); throw e; });
    setSelected(new Set());
    onChanged(entries.length > 1 ? strings.entriesPanel.entriesMoved(entries.length) : undefined);
  }, key);
  const select = (ids: string[], on: boolean) => setSelected((s) => {
    const next = new Set(s);
    for (const id of ids) { if (on) next.add(id); else next.delete(id); }
    return next;
  });

  if (editing) {
    return (
      <Card title={strings.entriesPanel.editEntry} data-panel="edit">
        <EntryForm api={api} settings={settings} entry={editing} recent={[]}
          onDone={() => { setEditing(null); onChanged(strings.entriesPanel.entrySaved); }} onCancel={() => setEditing(null)} />
      </Card>
    );
  }

  return (
    <>
      <EntryFilterCard settings={settings} filters={filters} set={set} />
      <Card title={page ? strings.entriesPanel.title(countOf(total, units.entry, f.ctx.locale), f.money(totalCents / 100)) : strings.entriesPanel.entries} busy={state.status === 'loading'}
        data-panel="entries" className={wide ? 'wide' : undefined}>
        {action.formError ? <Notice kind="error"><p>{action.formError}</p></Notice> : null}
        {state.status === 'error' ? <Notice kind="error"><p>{errorMessage(state.error, strings.entriesPanel.couldNotLoad)}</p></Notice> : null}
        {wide && chosen.length ? (
          <div className="bulk-bar" role="group" aria-label={strings.entriesPanel.selectedEntries}>
            <strong>{strings.entriesPanel.selected(chosen.length)}</strong>
            <CategorySelect id="bulk-category" label={strings.entriesPanel.moveCategory} settings={settings} value={bulkCategory} onChange={setBulkCategory} />
            <Button variant="secondary" busy={action.busyWith === 'bulk'} onClick={() => void recategorise(chosen, bulkCategory, 'bulk')}>{strings.entriesPanel.move}</Button>
            <Button variant="danger" onClick={() => remove(chosen)}>{strings.entriesPanel.delete(chosen.length)}</Button>
          </div>
        ) : null}
        {!page ? (
          <ul className="list">{[0, 1, 2, 3].map((i) => <li key={i}><span className="grow"><Skeleton width="50%" /><br /><Skeleton width="30%" /></span><Skeleton width="4rem" /></li>)}</ul>
        ) : items.length === 0 ? <p className="muted">{strings.entriesPanel.noEntriesMatch}</p> : wide ? (
          <EntriesTable entries={items} settings={settings} sort={filters.sort ?? 'date'} desc={filters.desc ?? true}
            onSort={(sort, desc) => set({ sort, desc })} selected={selected} onSelect={select}
            onCategory={(e, c) => void recategorise([e], c, e.id)} busyId={action.busyWith}
            onEdit={setEditing} onDelete={(e) => remove([e])} />
        ) : (
          <ul className="list">
            {items.map((e) => (
              <li key={e.id} data-entry={e.title}>
                <span className="grow">
                  <span className="title">{e.title}</span>
                  <span className="sub">{f.date(e.date + 'T12:00:00Z', 'medium')}{e.categoryName ? ` · ${e.categoryName}` : ''}{e.parts?.length ? strings.entriesPanel.split((e.parts ?? []).map((p) => `${p.categoryName ?? '?'} ${f.money(p.amountCents / 100)}`).join(', ')) : ''}{e.tags.length ? ` · ${e.tags.map((t) => `#${t}`).join(' ')}` : ''}{e.kind !== 'manual' ? ` · ${e.kind}` : ''}</span>
                </span>
                <span className={['num', e.amountCents < 0 ? 'text-green' : ''].join(' ')}>{f.money(e.amountCents / 100)}</span>
                <span className="row-actions">
                  <Button variant="ghost" onClick={() => setEditing(e)} aria-label={strings.entriesPanel.editTitle(e.title)}>{strings.entriesPanel.edit}</Button>
                  <Button variant="ghost" onClick={() => remove([e])} aria-label={strings.entriesPanel.deleteTitle(e.title)}>✕</Button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav className="pager" aria-label={strings.entriesPanel.pages}>
            <Button variant="secondary" disabled={current <= 1} onClick={() => set({ page: current - 1 })}>{strings.entriesPanel.previous}</Button>
            <span>{strings.entriesPanel.page(current, pages)}</span>
            <Button variant="secondary" disabled={current >= pages} onClick={() => set({ page: current + 1 })}>{strings.entriesPanel.next}</Button>
          </nav>
        ) : null}
      </Card>
      {removal.pending ? (
        <Snackbar key={removal.pending.key} message={removal.pending.message} actionLabel={strings.entriesPanel.undo} durationMs={UNDO_MS}
          onAction={removal.undo} onTimeout={removal.flush} />
      ) : null}
    </>
  );
}
