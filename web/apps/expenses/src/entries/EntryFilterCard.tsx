import { Card, SelectField, TextField } from '@trackstack/ui';
import type { Settings } from '../api';
import { categoryOptions, type EntryFilters } from '../logic';
import { t as strings } from '../strings';

/** Search and month up front; tank, category and tag folded away (the summary counts the ones set). */
export function EntryFilterCard({ settings, filters, set }: { settings: Settings | null; filters: EntryFilters; set: (patch: Partial<EntryFilters>) => void }) {
  const more = [filters.tank, filters.categoryId, filters.tag].filter(Boolean).length;
  return (
    <Card title={strings.entryFilterCard.filter}>
      <div className="two">
        <TextField label={strings.entryFilterCard.search} name="q" type="search" value={filters.q ?? ''} onChange={(e) => set({ q: e.target.value })} />
        <TextField label={strings.entryFilterCard.month} name="filterMonth" type="month" value={filters.month ?? ''} onChange={(e) => set({ month: e.target.value })} />
      </div>
      <details className="more" open={more > 0 || undefined}>
        <summary>{strings.entryFilterCard.moreFilters(more ? ` (${more})` : '')}</summary>
        <div className="filters">
          <SelectField label={strings.entryFilterCard.tank} name="filterTank" value={filters.tank ?? ''} onChange={(e) => set({ tank: e.target.value })}
            options={[{ value: '', label: strings.entryFilterCard.allTanks }, ...(settings?.tanks ?? []).map((t) => ({ value: t.key, label: t.name }))]} />
          <SelectField label={strings.entryFilterCard.category} name="filterCategory" value={filters.categoryId ?? ''} onChange={(e) => set({ categoryId: e.target.value })}
            options={[...categoryOptions(settings, { value: '', label: strings.entryFilterCard.allCategories }), { value: 'none', label: strings.entryFilterCard.noCategory }]} />
          <TextField label={strings.entryFilterCard.tag} name="filterTag" value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value })} />
        </div>
      </details>
    </Card>
  );
}
