import { useFormat } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { RecurringForm } from './RecurringForm';
import { TemplateListCard } from './TemplateListCard';
import { t as strings } from '../strings';

/** Entries the server books on their day (subscriptions, standing orders). */
export function RecurringCard({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const f = useFormat();
  return (
    <TemplateListCard title={strings.recurringCard.recurringEntries} panel="recurring" load={api.recurring} remove={api.deleteRecurring} removed={strings.recurringCard.recurringEntryRemoved}
      describe={(t) => strings.recurringCard.describe(f.money(t.amountCents / 100), strings.recurringCard.frequency[t.frequency as keyof typeof strings.recurringCard.frequency] ?? t.frequency, f.date(t.nextDue + 'T12:00:00Z'))}
      empty={strings.recurringCard.nothingRecurringYet} addLabel={strings.recurringCard.addRecurring} form={(p) => <RecurringForm api={api} settings={settings} {...p} />} onChanged={onChanged} />
  );
}
