import { useFormat } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { ChecklistForm } from './ChecklistForm';
import { TemplateListCard } from './TemplateListCard';

/** The bills to tick each month (rent, insurance): each month's sheet lists them. */
export function ChecklistCard({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const f = useFormat();
  return (
    <TemplateListCard title="Checklist (bills to tick each month)" panel="checklist" load={api.checklist} remove={api.deleteChecklist} removed="Removed from the checklist."
      describe={(t) => `${f.money(t.amountCents / 100)}${t.dueDay ? ` · day ${t.dueDay}` : ''}${t.active ? '' : ' · paused'}`}
      empty="No bills yet." addLabel="+ Add a bill" form={(p) => <ChecklistForm api={api} settings={settings} {...p} />} onChanged={onChanged} />
  );
}
