import { Card, Notice, Skeleton } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { BudgetForm } from './BudgetForm';
import { CategoriesCard } from './CategoriesCard';
import { ChecklistCard } from './ChecklistCard';
import { RecurringCard } from './RecurringCard';
import { RulesCard } from './RulesCard';

/** The settings tab: income and tank ratios, categories, the monthly checklist, recurring entries and rules. */
export function SettingsPanel({ api, settings, settingsState, onChanged, readOnly = false }: { api: ExpensesApi; settings: Settings | null; settingsState: string; onChanged: (m?: string) => void; readOnly?: boolean }) {
  if (!settings) {
    return settingsState === 'error'
      ? <Notice kind="error"><p>Could not load the settings.</p></Notice>
      : <Card title="Budget" busy><Skeleton height="48px" /><Skeleton height="48px" /><Skeleton height="48px" /></Card>;
  }
  return (
    <>
      <BudgetForm api={api} settings={settings} onChanged={onChanged} readOnly={readOnly} />
      <CategoriesCard api={api} settings={settings} onChanged={onChanged} readOnly={readOnly} />
      <ChecklistCard api={api} settings={settings} onChanged={onChanged} />
      <RecurringCard api={api} settings={settings} onChanged={onChanged} />
      <RulesCard api={api} settings={settings} onChanged={onChanged} />
    </>
  );
}
