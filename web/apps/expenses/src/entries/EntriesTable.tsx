import { useEffect, useState } from 'react';
import { Button, useFormat } from '@trackstack/ui';
import type { Entry, Settings } from '../api';
import type { EntryFilters } from '../logic';
import { CategorySelect } from './CategorySelect';
import { t as strings } from '../strings';

type SortKey = NonNullable<EntryFilters['sort']>;
const COLUMNS: { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'date', label: strings.entriesTable.date },
  { key: 'title', label: strings.entriesTable.what },
  { key: 'category', label: strings.entriesTable.category },
  { key: 'amount', label: strings.entriesTable.amount, num: true },
];
/** The direction a column starts in: newest and largest first, words from A. */
const firstDesc = (key: SortKey) => key === 'date' || key === 'amount';

/** The desktop entries table: sortable columns (sorted by the server), category changed in the row, rows selected
 * with checkboxes for the bulk bar above. */
export function EntriesTable({ entries, settings, sort, desc, onSort, selected, onSelect, onCategory, busyId, onEdit, onDelete }: {
  entries: Entry[]; settings: Settings | null; sort: SortKey; desc: boolean; onSort: (sort: SortKey, desc: boolean) => void;
  selected: Set<string>; onSelect: (ids: string[], on: boolean) => void;
  onCategory: (entry: Entry, categoryId: string) => void; busyId: string | null;
  onEdit: (entry: Entry) => void; onDelete: (entry: Entry) => void;
}) {
  const f = useFormat();
  const all = entries.length > 0 && entries.every((e) => selected.has(e.id));
  return (
    <div className="table-wrap">
      <table className="table entries-table">
        <thead>
          <tr>
            <th scope="col"><input type="checkbox" aria-label={strings.entriesTable.selectAllPage} checked={all} onChange={(e) => onSelect(entries.map((x) => x.id), e.target.checked)} /></th>
            {COLUMNS.map((c) => {
              const active = sort === c.key;
              return (
                <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}>
                  <button type="button" data-sort={c.key} onClick={() => onSort(c.key, active ? !desc : firstDesc(c.key))}>
                    {c.label}{active ? (desc ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>
              );
            })}
            <th scope="col"><span className="visually-hidden">{strings.entriesTable.actions}</span></th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-entry={e.title} data-selected={selected.has(e.id) || undefined}>
              <td><input type="checkbox" aria-label={strings.entriesTable.select(e.title)} checked={selected.has(e.id)} onChange={(x) => onSelect([e.id], x.target.checked)} /></td>
              <td className="nowrap">{f.date(e.date + 'T12:00:00Z', 'medium')}</td>
              <td>
                {e.title}
                {e.tags.length || e.kind !== 'manual' ? <span className="sub">{[...e.tags.map((t) => `#${t}`), e.kind !== 'manual' ? e.kind : ''].filter(Boolean).join(' ')}</span> : null}
              </td>
              <td>
                {e.parts?.length ? (
                  <span data-split={e.parts?.length}>
                    {strings.entriesTable.split}
                    <span className="sub">{(e.parts ?? []).map((p) => `${p.categoryName ?? '?'} ${f.money(p.amountCents / 100)}`).join(' · ')}</span>
                  </span>
                ) : (
                  <InlineCategory key={`${e.updatedAt}:${e.categoryId ?? ""}`} entry={e} settings={settings} busy={busyId === e.id} onChange={(c) => onCategory(e, c)} />
                )}
              </td>
              <td className={['num', e.amountCents < 0 ? 'text-green' : ''].join(' ')}>{f.money(e.amountCents / 100)}</td>
              <td>
                <span className="row-actions">
                  <Button variant="ghost" onClick={() => onEdit(e)} aria-label={strings.entriesTable.editTitle(e.title)}>{strings.entriesTable.edit}</Button>
                  <Button variant="ghost" onClick={() => onDelete(e)} aria-label={strings.entriesTable.delete(e.title)}>✕</Button>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The row's category as a select: a change is saved at once (shown right away, put back if the save fails). */
function InlineCategory({ entry, settings, busy, onChange }: { entry: Entry; settings: Settings | null; busy: boolean; onChange: (categoryId: string) => void }) {
  const [shown, setShown] = useState<string | null>(null);
  // Each load of the list brings new entry objects: show what is stored (also after a refused change).
  useEffect(() => setShown(null), [entry]);
  const value = shown ?? entry.categoryId ?? '';
  return (
    <CategorySelect id={`category-${entry.id}`} label={strings.entriesTable.categoryTitle(entry.title)} hideLabel settings={settings} value={value} disabled={busy}
      onChange={(c) => { setShown(c); onChange(c); }} />
  );
}
