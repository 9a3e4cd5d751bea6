import { Card, useAsync } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { EntryForm } from './EntryForm';
import { t } from '../strings';

/** The add tab: the entry form, with the payees of the latest entries as chips (loaded each time the tab opens,
 * and again after "Save and add another" so the payee just typed is a chip for the next receipt). */
export function AddEntryCard({ api, settings, onDone }: { api: ExpensesApi; settings: Settings | null; onDone: (message: string) => void }) {
  const recent = useAsync((signal) => api.entries({ pageSize: 40 }, signal), [api]);
  return (
    <Card title={t.addEntryCard.addExpense} data-panel="add">
      <EntryForm api={api} settings={settings} recent={recent.data?.items ?? []}
        onDone={(r) => onDone(r.queued ? t.addEntryCard.savedDeviceWill : t.addEntryCard.expenseSaved)}
        onSaved={() => recent.reload()} />
    </Card>
  );
}
