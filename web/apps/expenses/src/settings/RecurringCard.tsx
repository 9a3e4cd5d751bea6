import { useFormat } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { RecurringForm } from './RecurringForm';
import { TemplateListCard } from './TemplateListCard';

/** Entries the server books on their day (subscriptions, standing orders). */
export function RecurringCard({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const f = useFormat();
  return (
    <TemplateListCard title="Recurring entries" panel="recurring" load={api.recurring} remove={api.deleteRecurring} removed="Recurring entry removed."
      describe={(t) => `${f.money(t.amountCents / 100)} · ${t.frequency} · next ${f.date(t.nextDue + 'T12:00:00Z')}`}
      empty="Nothing recurring yet (subscriptions, standing orders)." addLabel="+ Add recurring" form={(p) => <RecurringForm api={api} settings={settings} {...p} />} onChanged={onChanged} />
  );
}
