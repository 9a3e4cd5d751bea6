import { useFormat } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { ChecklistForm } from './ChecklistForm';
import { TemplateListCard } from './TemplateListCard';
import { t as strings } from '../strings';

/** The bills to tick each month (rent, insurance): each month's sheet lists them. */
export function ChecklistCard({ api, settings, onChanged }: { api: ExpensesApi; settings: Settings; onChanged: (m?: string) => void }) {
  const f = useFormat();
  return (
    <TemplateListCard title={strings.checklistCard.checklistBillsTick} panel="checklist" load={api.checklist} remove={api.deleteChecklist} removed={strings.checklistCard.removedFromChecklist}
      describe={(t) => `${f.money(t.amountCents / 100)}${t.dueDay ? strings.checklistCard.day(t.dueDay) : ''}${t.active ? '' : strings.checklistCard.paused}`}
      empty={strings.checklistCard.noBillsYet} addLabel={strings.checklistCard.addBill} form={(p) => <ChecklistForm api={api} settings={settings} {...p} />} onChanged={onChanged} />
  );
}
