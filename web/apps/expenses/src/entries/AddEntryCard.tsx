import { Card, useAsync } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { EntryForm } from './EntryForm';

/** The add tab: the entry form, with the payees of the latest entries as chips (loaded each time the tab opens,
 * and again after "Save and add another" so the payee just typed is a chip for the next receipt). */
export function AddEntryCard({ api, settings, onDone }: { api: ExpensesApi; settings: Settings | null; onDone: (message: string) => void }) {
  const recent = useAsync((signal) => api.entries({ pageSize: 40 }, signal), [api]);
  return (
    <Card title="Add an expense" data-panel="add">
      <EntryForm api={api} settings={settings} recent={recent.data?.items ?? []}
        onDone={(r) => onDone(r.queued ? 'Saved on this device. It will be sent when you are back online.' : 'Expense saved.')}
        onSaved={() => recent.reload()} />
    </Card>
  );
}
