import { Card, SelectField, TextField } from '@trackstack/ui';
import type { Settings } from '../api';
import { categoryOptions, type EntryFilters } from '../logic';

/** Search and month up front; tank, category and tag folded away (the summary counts the ones set). */
export function EntryFilterCard({ settings, filters, set }: { settings: Settings | null; filters: EntryFilters; set: (patch: Partial<EntryFilters>) => void }) {
  const more = [filters.tank, filters.categoryId, filters.tag].filter(Boolean).length;
  return (
    <Card title="Filter">
      <div className="two">
        <TextField label="Search" name="q" type="search" value={filters.q ?? ''} onChange={(e) => set({ q: e.target.value })} />
        <TextField label="Month" name="filterMonth" type="month" value={filters.month ?? ''} onChange={(e) => set({ month: e.target.value })} />
      </div>
      <details className="more" open={more > 0 || undefined}>
        <summary>More filters{more ? ` (${more})` : ''}</summary>
        <div className="filters">
          <SelectField label="Tank" name="filterTank" value={filters.tank ?? ''} onChange={(e) => set({ tank: e.target.value })}
            options={[{ value: '', label: 'All tanks' }, ...(settings?.tanks ?? []).map((t) => ({ value: t.key, label: t.name }))]} />
          <SelectField label="Category" name="filterCategory" value={filters.categoryId ?? ''} onChange={(e) => set({ categoryId: e.target.value })}
            options={[...categoryOptions(settings, { value: '', label: 'All categories' }), { value: 'none', label: 'No category' }]} />
          <TextField label="Tag" name="filterTag" value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value })} />
        </div>
      </details>
    </Card>
  );
}
