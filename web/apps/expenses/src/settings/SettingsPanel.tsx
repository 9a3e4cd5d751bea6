import { useState, type ReactNode } from 'react';
import { Button, Card, Notice, Skeleton } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { useWide } from '../entries/useWide';
import { BudgetForm } from './BudgetForm';
import { CategoriesCard } from './CategoriesCard';
import { ChecklistCard } from './ChecklistCard';
import { RecurringCard } from './RecurringCard';
import { RulesCard } from './RulesCard';
import { t } from '../strings';

const SECTIONS = [
  { id: 'budget', label: t.settingsPanel.budgetTanks },
  { id: 'categories', label: t.settingsPanel.categories },
  { id: 'checklist', label: t.settingsPanel.monthlyChecklist },
  { id: 'recurring', label: t.settingsPanel.recurringEntries },
  { id: 'rules', label: t.settingsPanel.rules },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** The settings tab: income and tank ratios, categories, the monthly checklist, recurring entries and rules. On a
 * phone they follow each other; on a desktop a side navigation shows one section at a time. */
export function SettingsPanel({ api, settings, settingsState, onChanged, readOnly = false }: { api: ExpensesApi; settings: Settings | null; settingsState: string; onChanged: (m?: string) => void; readOnly?: boolean }) {
  const wide = useWide();
  const [section, setSection] = useState<SectionId>('budget');
  if (!settings) {
    return settingsState === 'error'
      ? <Notice kind="error"><p>{t.settingsPanel.couldNotLoad}</p></Notice>
      : <Card title={t.settingsPanel.budget} busy><Skeleton height="48px" /><Skeleton height="48px" /><Skeleton height="48px" /></Card>;
  }
  const cards: Record<SectionId, ReactNode> = {
    budget: <BudgetForm api={api} settings={settings} onChanged={onChanged} readOnly={readOnly} />,
    categories: <CategoriesCard api={api} settings={settings} onChanged={onChanged} readOnly={readOnly} />,
    checklist: <ChecklistCard api={api} settings={settings} onChanged={onChanged} />,
    recurring: <RecurringCard api={api} settings={settings} onChanged={onChanged} />,
    rules: <RulesCard api={api} settings={settings} onChanged={onChanged} />,
  };
  if (!wide) return <>{SECTIONS.map((s) => <div key={s.id} data-section={s.id}>{cards[s.id]}</div>)}</>;
  return (
    <div className="settings-layout wide">
      <nav aria-label={t.settingsPanel.settingsSections}>
        {SECTIONS.map((s) => (
          <Button key={s.id} variant="ghost" aria-current={section === s.id ? 'true' : undefined} onClick={() => setSection(s.id)}>{s.label}</Button>
        ))}
      </nav>
      <div data-section={section}>{cards[section]}</div>
    </div>
  );
}
